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


def _edit_form(page: str, entry_id: int) -> dict[str, str]:
    form = re.search(rf'action="/admin/watchlist/{entry_id}"[^>]*>(.*?)</form>', page, re.S).group(1)
    fields = dict(re.findall(r'<input[^>]*name="(\w+)"[^>]*value="([^"]*)"', form))
    fields["reason"] = html.unescape(re.search(r'<textarea[^>]*name="reason"[^>]*>(.*?)</textarea>', form, re.S).group(1))
    return {k: html.unescape(v) for k, v in fields.items()}


def test_the_watch_list_edit_form_shows_its_last_day_as_day_month_year_and_reads_it_back(app, make_user):
    make_user("sinta", "admin", name="Sinta Admin")
    with app.app_context():
        entry = WatchEntry(nik="3373024107900001", reason=REASON, expires_on=date(2030, 12, 31))
        db.session.add(entry)
        db.session.commit()
        entry_id = entry.id
    admin = logged_in_client(app, "sinta")
    form = _edit_form(admin.get("/admin/watchlist/").get_data(as_text=True), entry_id)
    assert form["expires_on"] == "31/12/2030"
    # saved as it was shown: the same day, nothing changed
    form.pop("csrf_token", None)
    saved = post_form(admin, f"/admin/watchlist/{entry_id}", form, token_page="/admin/watchlist/", follow_redirects=True)
    assert "Nothing changed." in saved.get_data(as_text=True) or "Tidak ada yang berubah" in saved.get_data(as_text=True)
    # and a day typed the same way is read as day/month/year
    post_form(admin, f"/admin/watchlist/{entry_id}", {**form, "expires_on": "05/01/2031"}, token_page="/admin/watchlist/")
    with app.app_context():
        assert db.session.scalars(select(WatchEntry)).one().expires_on == date(2031, 1, 5)


def _found(name: str) -> bool:
    return any(p for p in ROOT.glob(f"**/{name}") if ".venv" not in p.parts and "mutants" not in p.parts)


def test_every_file_the_mutation_doc_names_is_there_or_the_doc_says_what_it_became():
    doc = (ROOT / "docs/mutation.md").read_text(encoding="utf-8")
    # a note such as "`lpsedesk/settings_edits.py` is now `lpsedesk/form_edits.py`"
    renamed = {Path(old).name: Path(new).name for old, new in re.findall(r"`([\w/]+\.py)`\s+is now\s+`([\w/]+\.py)`", doc)}
    # paths from / are the hand-planting scripts, kept outside the repository on purpose
    modules = {Path(m).name for m in re.findall(r"`([\w/]+\.py)`", doc) if not m.startswith("/")}
    tests = {f"{t}.py" for t in re.findall(r"\b(test_\w+)::", doc)}
    missing = sorted(name for name in modules | tests
                     if not _found(name) and not (name in renamed and _found(renamed[name])))
    assert missing == [], f"docs/mutation.md names files that are gone, with no note of what they became: {missing}"


def test_the_mutation_config_names_only_modules_that_are_there():
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = re.search(r"only_mutate = \[(.*?)\]", config, re.S).group(1)
    paths = re.findall(r'"([^"]+)"', re.sub(r"#.*", "", listed))
    assert paths and all(list(ROOT.glob(p)) for p in paths), [p for p in paths if not list(ROOT.glob(p))]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    names = re.search(r"^MUTATE \?=(.*?)(?<!\\)\n", makefile, re.S | re.M).group(1).replace("\\\n", " ").split()
    for name in names:
        module = name.replace(".", "/") if "." in name else f"lpsedesk/{name}"
        assert (ROOT / f"{module}.py").exists() or (ROOT / module).is_dir(), name
