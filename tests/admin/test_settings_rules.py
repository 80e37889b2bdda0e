"""The office-settings rules in plain Python: what is accepted, what is refused and why."""
from __future__ import annotations

import pytest

from lpsedesk import settings
from lpsedesk.settings_rules import (SettingError, clean_access_rights, clean_choices, clean_clock, clean_nip,
                                     clean_number, clean_office, slug_for)


def test_numbers_must_lie_within_their_range():
    assert clean_number("kiosk_idle_seconds", " 15 ") == 15
    assert clean_number("retention_days", "3650") == 3650
    for key, raw in [("kiosk_idle_seconds", "601"), ("kiosk_idle_seconds", "-20"), ("retention_days", "29"),
                     ("retention_days", "1e3"), ("retention_days", "")]:
        with pytest.raises(SettingError) as caught:
            clean_number(key, raw)
        assert caught.value.code == "out_of_range" and caught.value.key == key


def test_office_hours_are_24_hour_clock_times():
    assert clean_clock("office_open", "7:30") == "07:30"
    assert clean_clock("office_close", "16:00") == "16:00"
    for raw in ("24:00", "12:60", "noon", "1600", ""):
        with pytest.raises(SettingError):
            clean_clock("office_open", raw)


def test_a_signatory_nip_is_empty_or_18_digits():
    assert clean_nip("") == ""
    assert clean_nip("19850101 201001 1 001") == "198501012010011001"
    with pytest.raises(SettingError):
        clean_nip("19850101201001100X")


def test_the_office_form_reports_every_problem_at_once():
    _values, errors = clean_office({"lpse_name": "", "kiosk_idle_seconds": "5", "office_open": "x"})
    assert {e.key for e in errors} >= {"lpse_name", "kiosk_idle_seconds", "office_open", "retention_days"}


def test_a_new_item_key_is_a_unique_slug_of_its_label():
    assert slug_for("Ruang Rapat 2", set()) == "ruang_rapat_2"
    assert slug_for("Ruang rapat", {"ruang_rapat"}) == "ruang_rapat_2"
    assert slug_for("2nd floor", set()) == "x_2nd_floor"
    assert slug_for("!!!", set()) == "item"


def test_an_item_in_use_that_vanished_from_the_form_is_kept_hidden_not_lost():
    old = settings.DEFAULTS["facilities"]
    rows = [{"key": i["key"], "id": i["id"], "en": i["en"], "active": True} for i in old[1:]]
    items, hidden = clean_choices("facilities", rows, old, in_use={"training_room"})
    assert hidden == [] and items[-1]["key"] == "training_room" and items[-1]["active"] is False


def test_access_rights_must_not_be_empty_duplicated_or_overlong():
    assert clean_access_rights("A\r\nB\n") == ["A", "B"]
    for text, code in [("", "none_active"), ("A\na", "duplicate_right"), ("x" * 81, "label_too_long")]:
        with pytest.raises(SettingError) as caught:
            clean_access_rights(text)
        assert caught.value.code == code
