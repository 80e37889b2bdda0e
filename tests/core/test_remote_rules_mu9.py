"""SOP 2's extensions: one at a time, until its account is given; and a letter's date is not after
today in Jakarta (hand-planted mutants, mu9; docs/mutation.md).

docs/remote.md, Extensions 1: "Only an active account can be extended, and only one extension may
be on its way at a time (received or approved); otherwise 409." An extension the Kasubag approved
is still on its way until the Admin gives its account: a second letter then is refused; once the
account is given (and the old one closed), the new account may itself be extended.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from lpsedesk import remote_ops, visit_queries
from lpsedesk.extensions import db

from .test_rules_remote_ops import DAY, NOW, active, code_of, letter, staff  # noqa: F401 (staff: the fixture)


def test_an_approved_extension_not_yet_given_is_still_on_its_way(staff):
    admin, admin2, kasubag = staff
    old = active(admin, kasubag)
    ext = remote_ops.record_request(db.session, admin2, letter(), now=NOW, extends=old)
    remote_ops.approve(db.session, ext, kasubag, approved_until=None, now=NOW)
    assert remote_ops.open_extension(db.session, old) == ext
    assert code_of(lambda: remote_ops.record_request(db.session, admin2, letter(), now=NOW,
                                                     extends=old)) == "extension_pending"
    # Given, it is on its way no more: the old account is closed, the new one may be extended.
    remote_ops.give_account(db.session, ext, admin, username="vendor01", rights_granted="Hanya baca",
                            granted_at=NOW, now=NOW)
    assert remote_ops.open_extension(db.session, old) is None and old.status == "closed"
    again = remote_ops.record_request(db.session, admin2, letter(), now=NOW, extends=ext)
    assert again.extends_id == ext.id


WIB = timezone(timedelta(hours=7))


# --- the letter's date: not after today in Jakarta -----------------------------------------------
# The form says "The letter date lies in the future." A letter is dated on an office (WIB) day; the
# day after today in Jakarta lies in the future all day long, not only in the WIB small hours.

def test_a_letter_dated_tomorrow_in_jakarta_is_refused_at_any_hour_of_today(staff):
    admin, _, _ = staff
    for wib_clock in ((0, 30), (7, 0), (10, 0), (16, 0), (23, 40)):
        moment = datetime(2026, 11, 23, *wib_clock, tzinfo=WIB)
        assert code_of(lambda: remote_ops.record_request(
            db.session, admin, letter(letter_date=date(2026, 11, 24)), now=moment)) == "letter_in_future"
        assert remote_ops.request_dates_problem(NOW + DAY, NOW + 3 * DAY, date(2026, 11, 23), now=moment) is None


def test_a_letter_dated_today_in_jakarta_is_taken_from_its_first_minute(staff):
    admin, _, _ = staff
    just_after_midnight = datetime(2026, 11, 24, 0, 1, tzinfo=WIB)  # 17.01 UTC on the 23rd
    req = remote_ops.record_request(db.session, admin, letter(letter_date=date(2026, 11, 24)), now=just_after_midnight)
    assert req.letter_date == date(2026, 11, 24)


# --- the Kasubag's queue: letters still waiting for a decision -----------------------------------
# docs/staff.md, the queue: "Remote-access requests in state `received` are listed too". A request
# the Kasubag approved or refused waits no more for them: the next step is the Admin's, or none.

def test_the_kasubags_queue_lists_only_remote_requests_still_waiting_for_a_decision(staff):
    admin, admin2, kasubag = staff
    waiting = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    approved = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    remote_ops.approve(db.session, approved, kasubag, approved_until=None, now=NOW)
    refused = remote_ops.record_request(db.session, admin, letter(), now=NOW)
    remote_ops.deny(db.session, refused, kasubag, reason="Tidak sesuai", now=NOW)
    active(admin2, kasubag)
    db.session.flush()
    assert visit_queries.remote_waiting(db.session) == [waiting]
