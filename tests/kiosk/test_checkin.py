"""The guest-book rules in plain Python (lpsedesk/checkin.py), without the web layer."""
from __future__ import annotations

import pytest

from lpsedesk import checkin, settings

PURPOSES = settings.DEFAULTS["purposes"]
FACILITIES = settings.DEFAULTS["facilities"]


def _entry(**overrides) -> checkin.GuestEntry:
    data = dict(full_name="Sari Uji Coba", nik="3373024107900001", phone="0812-3456-0001",
                institution="CV Contoh", category="penyedia", purpose="verification",
                facility="verification_desk", planned_minutes=60, rules_accepted=True)
    data.update(overrides)
    return checkin.GuestEntry.from_mapping(data)


def test_a_complete_entry_has_no_problems():
    assert checkin.validate(_entry(), purposes=PURPOSES, facilities=FACILITIES) == {}


@pytest.mark.parametrize("phone", ["0812345", "08123456", "081234567890123", "0712345678", "62 712 3456 7890"])
def test_a_phone_number_too_short_too_long_or_not_mobile_is_refused(phone):
    # An Indonesian mobile number is 08 followed by 8 to 11 digits (or +62 8...), 10 to 13 digits in all.
    problems = checkin.validate(_entry(phone=phone), purposes=PURPOSES, facilities=FACILITIES)
    assert problems == {"phone": "phone_format"}


@pytest.mark.parametrize("phone", ["0812345678", "0812-3456-7890", "0812345678901", "+62 811 234 567", "62812345678"])
def test_every_length_of_indonesian_mobile_number_is_accepted(phone):
    assert checkin.validate(_entry(phone=phone), purposes=PURPOSES, facilities=FACILITIES) == {}


def test_the_phone_must_be_an_indonesian_mobile_number():
    problems = checkin.validate(_entry(phone="12345"), purposes=PURPOSES, facilities=FACILITIES)
    assert problems == {"phone": "phone_format"}
    assert checkin.validate(_entry(phone="+62 812 3456 0001"), purposes=PURPOSES, facilities=FACILITIES) == {}


def test_purpose_other_needs_a_description():
    problems = checkin.validate(_entry(purpose="other"), purposes=PURPOSES, facilities=FACILITIES)
    assert problems == {"purpose_detail": "required"}


def test_the_nik_error_names_what_is_wrong():
    for nik, code in (("33730241079000", "nik_length"), ("3373024107900000", "nik_serial"),
                      ("3373024113900001", "nik_date")):
        assert checkin.validate(_entry(nik=nik), purposes=PURPOSES, facilities=FACILITIES)["nik"] == code


def test_the_rules_must_be_accepted_explicitly():
    problems = checkin.validate(_entry(rules_accepted="yes"), purposes=PURPOSES, facilities=FACILITIES)
    assert problems == {"rules_accepted": "rules"}


def test_a_ticket_is_read_whatever_its_case_and_dashes():
    assert checkin.normalise_ticket(" abcd-2345 ") == "ABCD2345"
    assert checkin.normalise_ticket("AB") is None
