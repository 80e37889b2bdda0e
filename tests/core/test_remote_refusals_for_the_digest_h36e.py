"""h36e: the morning's digest of SOP 2 (printed each morning, docs/remote.md) lists the refused letters
whose third party the Admin still owes an answer, however old, and those answered since yesterday
began (WIB), so each morning's print shows every answer given since the one before. An answer given
before yesterday, or a letter not refused, is not among them."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lpsedesk import remote_ops
from lpsedesk.extensions import db

from .test_remote_refusal_told_h35r import NOW, letter, people, refused  # noqa: F401 (fixture)

# NOW is Monday 7 December 2026 10.00 WIB: yesterday, Sunday 6 December, began at 00.00 WIB, 17.00 UTC on the 5th
YESTERDAY_BEGAN = datetime(2026, 12, 5, 17, 0, tzinfo=timezone.utc)
MINUTE = timedelta(minutes=1)


def _told(people, name: str, at: datetime):
    req = refused(people, name)
    req.decided_at = at - MINUTE  # refused just before it was answered
    remote_ops.record_refusal_told(db.session, req, people["admin"], told_at=at, note="", now=NOW)
    return req


def test_the_digest_lists_the_refusals_still_owed_and_those_answered_since_yesterday_began(people):
    owed = refused(people, "Teknisi Menunggu Jawaban")
    owed.decided_at = NOW - timedelta(days=30)  # owed for a month: still listed
    at_midnight = _told(people, "Teknisi Dijawab Tengah Malam", YESTERDAY_BEGAN)
    this_morning = _told(people, "Teknisi Dijawab Pagi Ini", NOW - 5 * MINUTE)
    _told(people, "Teknisi Dijawab Sabtu Malam", YESTERDAY_BEGAN - MINUTE)
    remote_ops.record_request(db.session, people["admin"], letter("Teknisi Menunggu Kasubag"), now=NOW)
    db.session.commit()
    listed = remote_ops.refusals_for_the_digest(db.session, NOW)
    assert {r.requester_name for r in listed} == {owed.requester_name, at_midnight.requester_name,
                                                  this_morning.requester_name}
    assert listed[0] is owed  # in the order they were refused
