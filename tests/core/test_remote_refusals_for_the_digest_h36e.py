"""h36e: the morning's digest of SOP 2 (printed each morning, docs/remote.md) lists the refused letters
whose third party the Admin still owes an answer, however old, and those answered since the last
office day began (WIB; h38b: it was yesterday, and Monday's print missed Friday's), so each morning's
print shows every answer given since the one before. An answer given before, or a letter not refused,
is not among them."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from lpsedesk import remote_ops
from lpsedesk.extensions import db
from lpsedesk.office_hours import OfficeHours

from .test_remote_refusal_told_h35r import NOW, letter, people, refused  # noqa: F401 (fixture)

# NOW is Monday 7 December 2026 10.00 WIB: the last office day, Friday 4 December, began at 00.00 WIB,
# 17.00 UTC on the 3rd
FRIDAY_BEGAN = datetime(2026, 12, 3, 17, 0, tzinfo=timezone.utc)
MONDAY_TO_FRIDAY = OfficeHours(time(7, 30), time(16, 0))
MINUTE = timedelta(minutes=1)


def _told(people, name: str, at: datetime):
    req = refused(people, name)
    req.decided_at = at - MINUTE  # refused just before it was answered
    remote_ops.record_refusal_told(db.session, req, people["admin"], told_at=at, note="", now=NOW)
    return req


def test_the_digest_lists_the_refusals_still_owed_and_those_answered_since_the_last_office_day_began(people):
    owed = refused(people, "Teknisi Menunggu Jawaban")
    owed.decided_at = NOW - timedelta(days=30)  # owed for a month: still listed
    at_midnight = _told(people, "Teknisi Dijawab Tengah Malam", FRIDAY_BEGAN)
    this_morning = _told(people, "Teknisi Dijawab Pagi Ini", NOW - 5 * MINUTE)
    _told(people, "Teknisi Dijawab Kamis Malam", FRIDAY_BEGAN - MINUTE)
    remote_ops.record_request(db.session, people["admin"], letter("Teknisi Menunggu Kasubag"), now=NOW)
    db.session.commit()
    since = remote_ops.digest_since(MONDAY_TO_FRIDAY, NOW)
    listed = remote_ops.refusals_for_the_digest(db.session, NOW, since)
    assert {r.requester_name for r in listed} == {owed.requester_name, at_midnight.requester_name,
                                                  this_morning.requester_name}
    assert listed[0] is owed  # in the order they were refused
