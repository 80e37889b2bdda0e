"""The office settings' rules at the edges mutmut's first run of lpsedesk/settings_rules.py found untested
(h47f). Expectations from docs/settings.md ("Office settings", "Facility and purpose lists", "Access
rights", the Office page's row: holidays "one per line: `25/12/2026 Hari Raya Natal`", refusal reasons
"one per line; none is allowed", "a visit request's and a remote-access letter's in two lists") and
from what the settings pages tell the Admin (the labels' `maxlength="80"`, the key's
`pattern="[a-z][a-z0-9_]{1,31}"`, the numbers' "(15-600)" and "(30-3650)").
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from lpsedesk.extensions import db
from lpsedesk.settings_rules import (SettingError, clean_access_rights, clean_choices, clean_clock, clean_holidays,
                                     clean_nip, clean_number, clean_office, clean_office_days, clean_refusal_reasons,
                                     clean_text, holidays_text, keys_in_use, slug_for, ticked_office_days)

from .. import factories

GOOD = {
    "lpse_name": "Kabupaten Contoh", "lpse_place": "Contoh", "office_open": "07:30", "office_close": "16:00",
    "signatory_title": "Kepala Sub Bagian Pengelolaan LPSE", "signatory_name": "Nama Uji Coba, S.Kom.",
    "signatory_rank": "Penata (III/c)", "signatory_nip": "198501012010011001", "kiosk_idle_seconds": "90",
    "retention_days": "365", "ktp_check_before_kasubag": "1",
}


def _refused(call, *args, **kwargs) -> SettingError:
    with pytest.raises(SettingError) as caught:
        call(*args, **kwargs)
    return caught.value


# -- Office settings: "texts trimmed", "kiosk idle 15-600 s; retention 30-3650 days" --------------------------

def test_the_office_texts_are_kept_trimmed_and_the_lpse_name_is_required():
    assert clean_text("lpse_name", "  LPSE Kabupaten Contoh \n") == "LPSE Kabupaten Contoh"
    assert clean_text("signatory_name", "") == ""  # the signatory block's name may be left to write by hand
    error = _refused(clean_text, "lpse_name", "   ")
    assert (error.key, error.code) == ("lpse_name", "required")


def test_the_kiosk_idle_time_and_retention_take_their_stated_ranges_and_say_them_when_refused():
    for key, low, high in (("kiosk_idle_seconds", 15, 600), ("retention_days", 30, 3650)):
        assert clean_number(key, str(low)) == low and clean_number(key, str(high)) == high
        for raw in (str(low - 1), str(high + 1), "", "abc", None):
            error = _refused(clean_number, key, raw)
            assert (error.key, error.code, error.params) == (key, "out_of_range", {"min": low, "max": high})


def test_office_hours_take_every_24_hour_clock_time_and_nothing_else():
    for raw, kept in (("00:00", "00:00"), ("23:59", "23:59"), ("19:05", "19:05"), (" 7:30 ", "07:30"),
                      ("9:00", "09:00")):
        assert clean_clock("office_open", raw) == kept
    for raw in ("24:00", "20:00x", "7:3", "07:5", "7.30", "07:60", "x7:30", None):
        error = _refused(clean_clock, "office_close", raw)
        assert (error.key, error.code) == ("office_close", "bad_time")


def test_a_signatory_nip_is_18_digits_with_its_spaces_dropped():
    assert clean_nip(None) == ""
    assert clean_nip(" 19850101 201001 1 001 ") == "198501012010011001"
    for raw in ("19850101201001100", "1985010120100110011"):
        error = _refused(clean_nip, raw)
        assert (error.key, error.code) == ("signatory_nip", "bad_nip")


def test_a_whole_office_form_is_read_into_its_values():
    values, errors = clean_office({**GOOD, "lpse_name": " Kabupaten  Contoh ", "office_open": "7:30"})
    assert errors == []
    assert values == {
        "lpse_name": "Kabupaten Contoh", "lpse_place": "Contoh", "office_open": "07:30", "office_close": "16:00",
        "signatory_title": "Kepala Sub Bagian Pengelolaan LPSE", "signatory_name": "Nama Uji Coba, S.Kom.",
        "signatory_rank": "Penata (III/c)", "signatory_nip": "198501012010011001", "kiosk_idle_seconds": 90,
        "retention_days": 365, "ktp_check_before_kasubag": True,
    }


def test_the_ktp_check_box_is_on_only_when_ticked():
    for sent in ("1", "on", "true", "y"):
        assert clean_office({**GOOD, "ktp_check_before_kasubag": sent})[0]["ktp_check_before_kasubag"] is True
    form = dict(GOOD)
    del form["ktp_check_before_kasubag"]
    assert clean_office(form)[0]["ktp_check_before_kasubag"] is False
    assert clean_office({**GOOD, "ktp_check_before_kasubag": "0"})[0]["ktp_check_before_kasubag"] is False


def test_each_wrong_office_field_is_named_with_its_own_rule():
    _values, errors = clean_office({**GOOD, "lpse_name": "", "office_close": "25:00", "signatory_nip": "123",
                                    "kiosk_idle_seconds": "5"})
    assert sorted((e.key, e.code) for e in errors) == [
        ("kiosk_idle_seconds", "out_of_range"), ("lpse_name", "required"), ("office_close", "bad_time"),
        ("signatory_nip", "bad_nip")]


def test_closing_before_opening_is_refused():
    _values, errors = clean_office({**GOOD, "office_open": "16:00", "office_close": "07:30"})
    assert [(e.key, e.code) for e in errors] == [("office_close", "close_before_open")]


# -- Office days and holidays ---------------------------------------------------------------------------------

def test_office_days_are_the_ticked_weekdays_monday_first_and_at_least_one():
    assert ticked_office_days(["4", "0", "2", "0", "6"]) == [0, 2, 4, 6]
    assert ticked_office_days(["7", "x", "²", "-1", ""]) == []
    assert clean_office_days(["1", "0"]) == [0, 1]
    error = _refused(clean_office_days, ["9"])
    assert (error.key, error.code) == ("office_days", "no_office_day")


def test_holidays_are_one_a_line_day_first_or_iso_with_an_optional_name_stored_sorted():
    typed = "25/12/2026 Hari Raya  Natal\n\n   \n2026-08-17 Hari Kemerdekaan\n01/01/2027\n"
    assert clean_holidays(typed) == [
        {"date": "2026-08-17", "name": "Hari Kemerdekaan"},
        {"date": "2026-12-25", "name": "Hari Raya Natal"},
        {"date": "2027-01-01", "name": ""},
    ]
    assert clean_holidays("") == [] and clean_holidays(None) == []


def test_a_holiday_name_may_have_80_characters_not_81():
    assert clean_holidays("25/12/2026 " + "N" * 80)[0]["name"] == "N" * 80
    error = _refused(clean_holidays, "25/12/2026 " + "N" * 81)
    assert (error.key, error.code, error.params) == ("holidays", "label_too_long", {"max": 80})


def test_a_holiday_date_at_most_once_however_it_is_typed():
    error = _refused(clean_holidays, "25/12/2026 Natal\n2026-12-25 Natal lagi")
    assert (error.key, error.code) == ("holidays", "duplicate_holiday")
    assert "25/12/2026" in str(error.params["day"])


def test_a_line_that_is_no_date_is_refused_quoting_the_line():
    error = _refused(clean_holidays, "25/12/2026 Natal\n31/04/2026 Libur")
    assert (error.key, error.code) == ("holidays", "bad_holiday")
    assert error.params["line"] == "31/04/2026 Libur"


def test_the_holidays_are_shown_back_as_the_admin_types_them():
    stored = [{"date": "2026-12-25", "name": "Hari Raya Natal"}, {"date": "2027-01-01", "name": ""}]
    assert holidays_text(stored) == "25/12/2026 Hari Raya Natal\n01/01/2027"
    assert clean_holidays(holidays_text(stored)) == stored
    first = date(2026, 1, 1)
    hundred = "\n".join(f"{first + timedelta(days=n):%d/%m/%Y}" for n in range(100))
    assert len(clean_holidays(hundred)) == 100


# -- Facility and purpose lists -------------------------------------------------------------------------------

OLD = [{"key": "meeting_room", "id": "Ruang rapat", "en": "Meeting room", "active": True},
       {"key": "library", "id": "Perpustakaan", "en": "Library", "active": True}]


def _rows(items=OLD, **change):
    return [{"key": i["key"], "id": i["id"], "en": i["en"], "active": i["active"], **change.get(i["key"], {})}
            for i in items]


def test_a_new_item_gets_a_slug_of_its_english_label_when_its_key_is_left_empty():
    rows = _rows() + [{"key": "", "id": "Ruang  server", "en": " Server  room ", "active": True}]
    items, hidden = clean_choices("facilities", rows, OLD, in_use=set())
    assert hidden == []
    assert items[-1] == {"key": "server_room", "id": "Ruang server", "en": "Server room", "active": True}
    assert items[:2] == OLD


def test_a_new_slug_never_takes_a_key_already_used_by_this_list():
    rows = _rows() + [{"key": "", "id": "Ruang rapat kecil", "en": "Meeting room", "active": True},
                      {"key": "", "id": "Ruang rapat besar", "en": "Meeting room", "active": True}]
    items, _hidden = clean_choices("facilities", rows, OLD, in_use=set())
    assert [i["key"] for i in items] == ["meeting_room", "library", "meeting_room_2", "meeting_room_3"]


def test_a_slug_is_lower_case_letters_digits_and_underscores_starting_with_a_letter():
    for label in ("Ruang Rapat 2", "Lantai 2 (Timur)", "2nd floor", "Ä-Raum", "!!!", "x" * 60):
        key = slug_for(label, set())
        assert 2 <= len(key) <= 32 and key[0].isascii() and key[0].isalpha() and key.islower() or key == "item"
        assert all(c.isascii() and (c.isalnum() or c == "_") for c in key)
    assert slug_for("Lantai 2 (Timur)", set()) == "lantai_2_timur"
    assert slug_for("A", set()) == "a_2"  # one letter is no key (1 to 31 more after the first)


def test_a_typed_key_must_be_a_slug_and_appear_once():
    error = _refused(clean_choices, "facilities",
                     _rows() + [{"key": "Ruang-Server", "id": "Ruang server", "en": "Server room", "active": True}],
                     OLD, set())
    assert (error.key, error.code, error.params) == ("facilities", "bad_key", {"key": "Ruang-Server"})
    error = _refused(clean_choices, "purposes",
                     _rows() + [{"key": "library", "id": "Baca", "en": "Reading", "active": True}], OLD, set())
    assert (error.key, error.code, error.params) == ("purposes", "duplicate_key", {"key": "library"})
    items, _ = clean_choices("purposes", _rows() + [{"key": "reading", "id": "Baca", "en": "Reading"}], OLD, set())
    assert items[-1] == {"key": "reading", "id": "Baca", "en": "Reading", "active": True}


def test_both_labels_are_required_and_at_most_80_characters():
    for row in ({"key": "", "id": "Ruang server", "en": ""}, {"key": "", "id": "", "en": "Server room"},
                {"key": "library", "id": "   ", "en": "Library"}):
        error = _refused(clean_choices, "facilities", _rows(OLD[:1]) + [row], OLD, set())
        assert (error.key, error.code) == ("facilities", "label_required")
    error = _refused(clean_choices, "facilities", _rows(OLD[:1]) + [{"key": "", "id": "Ruang server", "en": ""}],
                     OLD, set())
    assert error.params == {"key": "Ruang server"}  # the row named by what the Admin typed
    assert clean_choices("facilities", _rows(library={"id": "P" * 80, "en": "L" * 80}), OLD, set())[0][1]["en"] == "L" * 80
    for change in ({"id": "P" * 81}, {"en": "L" * 81}):
        error = _refused(clean_choices, "facilities", _rows(library=change), OLD, set())
        assert (error.key, error.code, error.params) == ("facilities", "label_too_long", {"max": 80})


def test_a_hidden_item_stays_hidden_and_a_restricted_facility_stays_restricted():
    rows = _rows(library={"active": False, "restricted": True})
    items, _ = clean_choices("facilities", rows, OLD, set())
    assert items[1] == {"key": "library", "id": "Perpustakaan", "en": "Library", "active": False, "restricted": True}
    items, _ = clean_choices("purposes", rows, OLD, set())
    assert "restricted" not in items[1]  # issue 15: restricted areas are facilities, not purposes


def test_the_blank_add_row_adds_nothing_and_an_unused_removed_item_is_gone():
    rows = _rows(library={"remove": True}) + [{"key": "", "id": "  ", "en": ""}]
    items, hidden = clean_choices("facilities", rows, OLD, in_use=set())
    assert (items, hidden) == ([OLD[0]], [])


def test_at_least_one_item_stays_available():
    error = _refused(clean_choices, "facilities", _rows(meeting_room={"active": False}, library={"active": False}),
                     OLD, set())
    assert (error.key, error.code) == ("facilities", "none_active")


def test_an_item_that_vanished_from_the_form_is_kept_hidden_only_when_a_visit_uses_it(app):
    with app.app_context():
        factories.visit(facility="library", purpose="verification")
        in_use = keys_in_use(db.session, "facilities")
        assert "library" in in_use and "meeting_room" not in in_use
        assert "verification" in keys_in_use(db.session, "purposes")
        assert "library" not in keys_in_use(db.session, "purposes")
    items, _ = clean_choices("facilities", _rows(OLD[:1]), OLD, in_use)
    assert items == [OLD[0], {**OLD[1], "active": False}]
    items, _ = clean_choices("facilities", _rows(OLD[:1]), OLD, set())
    assert items == [OLD[0]]


# -- Access rights and refusal reasons ------------------------------------------------------------------------

def test_access_rights_are_one_a_line_at_most_40_of_80_characters():
    assert clean_access_rights("  Baca   saja \n\nBaca tulis") == ["Baca saja", "Baca tulis"]
    forty = "\n".join(f"Hak {n}" for n in range(40))
    assert len(clean_access_rights(forty)) == 40
    error = _refused(clean_access_rights, forty + "\nHak 40")
    assert (error.key, error.code, error.params) == ("access_rights", "too_many", {"max": 40})
    assert clean_access_rights("x" * 80) == ["x" * 80]
    error = _refused(clean_access_rights, "Baca saja\nBACA SAJA")
    assert (error.key, error.code, error.params) == ("access_rights", "duplicate_right", {"right": "BACA SAJA"})
    assert _refused(clean_access_rights, "x" * 81).params == {"max": 80}


def test_refusal_reasons_are_one_a_line_and_none_is_allowed():
    assert clean_refusal_reasons("") == [] and clean_refusal_reasons(None) == []
    assert clean_refusal_reasons("  KTP  tidak sesuai \n\nTidak ada janji\n") == ["KTP tidak sesuai", "Tidak ada janji"]


def test_a_refused_reasons_list_is_named_so_the_error_shows_beside_its_own_box():
    for key in ("refusal_reasons", "remote_refusal_reasons"):
        error = _refused(clean_refusal_reasons, "Surat tidak lengkap\nsurat tidak LENGKAP", key)
        assert (error.key, error.code, error.params) == (key, "duplicate_right", {"right": "surat tidak LENGKAP"})
    assert _refused(clean_refusal_reasons, "Surat tidak lengkap\nsurat tidak lengkap").key == "refusal_reasons"


# -- What the Admin is told is the limit is the limit (the error's `max` is said on the page) ----------------

def test_each_office_text_takes_the_length_its_refusal_states_and_not_one_more():
    for key in ("lpse_name", "lpse_place", "signatory_title", "signatory_name", "signatory_rank"):
        error = _refused(clean_text, key, "x" * 1000)
        assert (error.key, error.code) == (key, "too_long") and isinstance(error.params["max"], int)
        stated = error.params["max"]
        assert clean_text(key, "x" * stated) == "x" * stated
        assert _refused(clean_text, key, "x" * (stated + 1)).params == {"max": stated}


def test_a_refusal_reason_takes_the_length_and_the_list_the_count_its_refusal_states():
    for key in ("refusal_reasons", "remote_refusal_reasons"):
        error = _refused(clean_refusal_reasons, "x" * 1000, key)
        assert (error.key, error.code) == (key, "label_too_long") and isinstance(error.params["max"], int)
        stated = error.params["max"]
        assert clean_refusal_reasons("x" * stated, key) == ["x" * stated]
        assert _refused(clean_refusal_reasons, "x" * (stated + 1), key).params == {"max": stated}
        error = _refused(clean_refusal_reasons, "\n".join(f"Alasan {n}" for n in range(1000)), key)
        assert (error.key, error.code) == (key, "too_many") and isinstance(error.params["max"], int)
        stated = error.params["max"]
        assert len(clean_refusal_reasons("\n".join(f"Alasan {n}" for n in range(stated)), key)) == stated
        assert _refused(clean_refusal_reasons, "\n".join(f"Alasan {n}" for n in range(stated + 1)), key).params \
            == {"max": stated}


def test_a_facility_list_takes_the_count_its_refusal_states_and_not_one_more():
    def rows(count):
        return [{"key": "", "id": f"Ruang {n}", "en": f"Room {n}", "active": True} for n in range(count)]
    error = _refused(clean_choices, "facilities", rows(1000), [], set())
    assert (error.key, error.code) == ("facilities", "too_many") and isinstance(error.params["max"], int)
    stated = error.params["max"]
    assert len(clean_choices("facilities", rows(stated), [], set())[0]) == stated
    assert _refused(clean_choices, "facilities", rows(stated + 1), [], set()).params == {"max": stated}


def test_an_access_right_s_refusal_is_said_beside_the_access_rights():
    for text, code in (("x" * 81, "label_too_long"), ("\n \n", "none_active")):
        assert (_refused(clean_access_rights, text).key, _refused(clean_access_rights, text).code) \
            == ("access_rights", code)


def test_a_blank_row_or_a_removed_item_anywhere_in_the_list_leaves_the_rows_after_it():
    blank = {"key": "", "id": "", "en": ""}
    items, _ = clean_choices("facilities", [blank] + _rows(), OLD, set())
    assert items == OLD
    items, _ = clean_choices("facilities", _rows(meeting_room={"remove": True}), OLD, set())
    assert items == [OLD[1]]


def test_each_changed_setting_is_audited_as_the_admin_who_saved_it_and_a_field_left_as_shown_is_not_written(app):
    from sqlalchemy import select

    from lpsedesk import form_edits, settings
    from lpsedesk.models import AuditEvent
    from lpsedesk.roles import Actor, Role
    from lpsedesk.settings_rules import apply

    admin = Actor("user", 7, "Admin Uji", frozenset({Role.ADMIN}))
    with app.app_context():
        current = settings.get_all(db.session)
        shown = {"retention_days": form_edits.mark(current["retention_days"]),
                 "kiosk_idle_seconds": form_edits.mark(current["kiosk_idle_seconds"])}
        settings.put(db.session, "retention_days", 400)  # another Admin's save after this form was shown
        db.session.commit()
        changed = apply(db.session, admin, {"retention_days": current["retention_days"],
                                            "kiosk_idle_seconds": 120}, shown)
        db.session.commit()
        assert changed == ["kiosk_idle_seconds"]
        assert settings.get_all(db.session)["retention_days"] == 400
        event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.changed")
                                   .order_by(AuditEvent.id.desc())).first()
        assert (event.actor_id, event.actor_label) == (7, "Admin Uji")
