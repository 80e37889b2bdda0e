"""An account's closing is judged by its Waktu Penutupan, not by when the Admin typed it in.

docs/remote.md: "Closing after the planned end records close_kind='expired', before it finished";
the closing is the "Time closed" the Admin types (Waktu Penutupan on the SOP's form). An Admin who
closed the vendor's account on Tuesday, before the approved end on Wednesday, and only records it on
Thursday morning has closed it on time: the register and the digest must not call it expired.
"""
from __future__ import annotations

from datetime import timedelta

from lpsedesk import remote_ops
from lpsedesk.extensions import db

from .test_rules_remote_ops import DAY, HOUR, NOW, active, staff  # noqa: F401  (fixture)


def test_an_account_closed_before_its_end_and_recorded_after_it_is_finished_not_expired(staff):
    admin, _, kasubag = staff
    req = active(admin, kasubag, until=NOW + DAY)
    closed = NOW + 20 * HOUR  # before the approved end
    recorded = NOW + 2 * DAY  # typed in the next morning, after the end
    event = remote_ops.close_account(db.session, req, admin, closed_at=closed, note="", now=recorded)
    db.session.flush()
    assert (req.status, req.closed_at, req.close_kind) == ("closed", closed, "finished")
    assert event.details["kind"] == "finished"


def test_an_account_closed_after_its_end_is_expired_even_when_recorded_at_once(staff):
    admin, _, kasubag = staff
    req = active(admin, kasubag, until=NOW + DAY)
    closed = NOW + DAY + timedelta(minutes=30)
    remote_ops.close_account(db.session, req, admin, closed_at=closed, note="", now=closed)
    assert req.close_kind == "expired"
