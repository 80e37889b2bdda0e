"""A request already waiting is told only to whoever types its NIK and the mobile number given with it
(probe h32x). A NIK is printed on the KTP and copied into many forms; the kiosk never tells a visit
for a NIK alone (finding one needs the phone's last 4 digits, README security), yet "a request with
this NIK is already waiting" answered any NIK typed at the first step, at once and without limit:
whether its holder was in the building that day."""
from __future__ import annotations

from sqlalchemy import select

from lpsedesk import checkin
from lpsedesk.extensions import db
from lpsedesk.models import Visit

from .test_rules_checkin import NIK, NOW, kiosk, submit  # noqa: F401  (kiosk is a fixture)


def test_the_waiting_request_is_told_to_who_types_its_nik_and_its_mobile_number(kiosk):
    submit(kiosk, phone="0812-3456-0001")
    assert checkin.already_waiting(db.session, NIK, NOW, phone="0812 3456 0001") == {"nik": "nik_waiting"}


def test_a_nik_typed_with_another_number_learns_nothing_of_a_request_waiting(kiosk):
    submit(kiosk, phone="0812-3456-0001")
    for other in ("081299990001", "0812-3456-0002", ""):
        assert checkin.already_waiting(db.session, NIK, NOW, phone=other) == {}


def test_with_another_number_a_second_request_is_queued_for_the_desk_to_see(kiosk):
    # the desk checks the original KTP of each (SOP 1 step 2) and sees both under the one NIK
    first = submit(kiosk, phone="0812-3456-0001")
    second = submit(kiosk, phone="0813-1111-2222")
    assert second.status == "pending" and db.session.scalars(select(Visit)).all() == [first, second]
