"""The letters the Kasubag decided today (SOP 2: the Kasubag grants or refuses), for the Kasubag's
"Decided today" beside the day's visits (h40w: it listed visits only). Today is the office's day in WIB,
from 00.00 WIB; a letter still waiting is not decided."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk import remote_ops
from lpsedesk.extensions import db

from .. import factories

UTC = timezone.utc
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)          # Monday 23 November, 10.00 WIB
MIDNIGHT_WIB = datetime(2026, 11, 22, 17, 0, tzinfo=UTC)  # Monday 00.00 WIB (still Sunday in UTC)


def _letter(name: str, status: str, decided_at: datetime | None) -> int:
    return factories.remote_request(status, requester_name=name, decided_at=decided_at).id


def test_the_letters_decided_since_midnight_wib_the_latest_first(app):
    with app.app_context():
        early = _letter("Teknisi Subuh", "approved", MIDNIGHT_WIB + timedelta(minutes=5))   # 00.05 WIB today
        refused = _letter("Teknisi Ditolak", "denied", NOW - timedelta(hours=1))            # 09.00 WIB
        given = _letter("Teknisi Aktif", "active", NOW - timedelta(hours=2))                # approved 08.00 WIB, since given
        _letter("Teknisi Kemarin", "approved", MIDNIGHT_WIB - timedelta(minutes=1))         # 23.59 WIB yesterday
        _letter("Teknisi Menunggu", "received", None)
        db.session.commit()
        decided = [r.id for r in remote_ops.decided_today(db.session, NOW)]
    assert decided == [refused, given, early]


def test_at_most_the_latest_ten(app):
    with app.app_context():
        ids = [_letter(f"Teknisi {i:02d}", "approved", MIDNIGHT_WIB + timedelta(minutes=i)) for i in range(12)]
        db.session.commit()
        decided = [r.id for r in remote_ops.decided_today(db.session, NOW)]
    assert decided == ids[::-1][:10]
