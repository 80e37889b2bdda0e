"""h38b: the Admin prints the SOP 2 digest each office-day morning. On Monday it looked back only to the
start of Sunday: a refusal told to the third party on Friday afternoon or on Saturday was in no morning's
print. Monday's digest lists it, and says from which day it looks back; one told on Thursday was in
Friday's print and is not listed again."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from lpsedesk.clock import WIB

from ..conftest import logged_in_client
from .test_remote_flow import people  # noqa: F401 (fixture)
from .test_remote_refusal_printed_h36e import _refused


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB).astimezone(timezone.utc)


MONDAY_MORNING = wib(2026, 12, 7, 8, 0)
SINCE = {"id": "sejak awal hari kerja terakhir, Jumat, 4 Desember 2026",
         "en": "since the last office day began, Friday, 4 December 2026"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_mondays_digest_lists_the_refusals_told_on_friday_and_saturday(app, people, monkeypatch, lang):
    told = {"Teknisi Dijawab Jumat": wib(2026, 12, 4, 14, 30), "Teknisi Dijawab Sabtu": wib(2026, 12, 5, 9, 0),
            "Teknisi Dijawab Kamis": wib(2026, 12, 3, 15, 0)}
    for name, at in told.items():
        _refused(app, people, name, decided_at=wib(2026, 12, 3, 9, 0), told_at=at)
    monkeypatch.setattr("admin.remote.printing.utcnow", lambda: MONDAY_MORNING)
    page = logged_in_client(app, "ani").get(f"/admin/remote/digest?lang={lang}").get_data(as_text=True)
    section = " ".join(page.split('id="digest-refused"')[1].split("</section>")[0].split())
    assert "Teknisi Dijawab Jumat" in section and "Teknisi Dijawab Sabtu" in section
    assert "Teknisi Dijawab Kamis" not in section  # Friday morning's print had it
    assert SINCE[lang] in section, section[:600]
