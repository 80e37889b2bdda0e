"""h34f: small things a stranger on the staff screens trips on, through the web layer and the docs.

- The Admin's home: the card counting visits that wait for the Kasubag said only "Waiting for a
  decision", beside a card of remote-access letters waiting for the same decision; it names visits.
- The watch list's edit form showed its last day as 2030-12-31, where every other day field of the staff
  screens shows and asks for dd/mm/yyyy; saved again as shown, it changes nothing.
- docs/mutation.md: every module and test file it names is in the repository, or the doc says what it
  became (a past run's record stays as it was written).
"""
from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from sqlalchemy import select

from lpsedesk.extensions import db
from lpsedesk.models import WatchEntry

from ..conftest import logged_in_client, post_form

ROOT = Path(__file__).resolve().parents[2]
REASON = "Penyedia dalam sanksi daftar hitam"


def _home(app, lang: str) -> str:
    admin = logged_in_client(app, "sinta")
    return admin.get(f"/admin/?lang={lang}").get_data(as_text=True)


def test_the_admins_home_says_the_waiting_it_counts_are_visits(app, make_user):
    make_user("sinta", "admin", name="Sinta Admin")
    cards = {lang: re.findall(r'<a class="card stat"[^>]*>(.*?)</a>', _home(app, lang), re.S) for lang in ("id", "en")}
    said = {lang: [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in found] for lang, found in cards.items()}
    assert "0 Kunjungan menunggu keputusan" in said["id"], said["id"]
    assert "0 Visits waiting for a decision" in said["en"], said["en"]
    # no card says only that something waits, without what
    assert not any(c.split(" ", 1)[1] in ("Menunggu keputusan", "Waiting for a decision") for c in said["id"] + said["en"])
