"""The office settings' rules as docs/settings.md states them ("Office settings", "Facility and
purpose lists", "Access rights", "Audit"), each at its boundary (mu13)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from lpsedesk import settings
from lpsedesk.extensions import db
from lpsedesk.models import AuditEvent
from lpsedesk.settings_rules import SettingError, apply, clean_choices, clean_holidays, clean_office

# Every office field filled as the Admin would; each test changes one thing.
GOOD = {
    "lpse_name": "Kabupaten Contoh", "lpse_place": "Contoh", "office_open": "07:30", "office_close": "16:00",
    "signatory_title": "Kepala Sub Bagian Pengelolaan LPSE", "signatory_name": "Nama Uji Coba, S.Kom.",
    "signatory_rank": "Penata (III/c)", "signatory_nip": "198501012010011001", "kiosk_idle_seconds": "90",
    "retention_days": "365", "ktp_check_before_kasubag": "1",
}


def test_closing_time_must_come_after_opening_time_not_at_it():
    _values, errors = clean_office({**GOOD, "office_open": "08:00", "office_close": "08:01"})
    assert errors == []
    _values, errors = clean_office({**GOOD, "office_open": "08:00", "office_close": "08:00"})
    assert [(e.key, e.code) for e in errors] == [("office_close", "close_before_open")]


def _rows(items, **change):
    return [{"key": i["key"], "id": i["id"], "en": i["en"], "active": True, **change.get(i["key"], {})} for i in items]


def test_removing_a_facility_a_visit_uses_only_hides_it_and_says_so():
    old = [{"key": "training_room", "id": "Ruang pelatihan", "en": "Training room", "active": True},
           {"key": "meeting_room", "id": "Ruang rapat", "en": "Meeting room", "active": True},
           {"key": "library", "id": "Perpustakaan", "en": "Library", "active": True}]
    rows = _rows(old, training_room={"remove": True}, library={"remove": True})
    items, hidden = clean_choices("facilities", rows, old, in_use={"training_room"})
    assert hidden == ["training_room"]  # the Admin is told which removal was only a hiding
    assert [(i["key"], i["active"]) for i in items] == [("training_room", False), ("meeting_room", True)]


def test_a_hundred_holidays_are_accepted_and_the_hundred_and_first_is_one_too_many():
    first = date(2026, 1, 1)
    typed = "\n".join(f"{first + timedelta(days=n):%d/%m/%Y} Libur {n}" for n in range(101))
    assert len(clean_holidays("\n".join(typed.splitlines()[:100]))) == 100
    with pytest.raises(SettingError) as refused:
        clean_holidays(typed)
    assert (refused.value.key, refused.value.code, refused.value.params) == ("holidays", "too_many", {"max": 100})


def test_saving_the_office_form_audits_each_changed_value_once_and_an_unchanged_one_not_at_all(app):
    with app.app_context():
        current = settings.get_all(db.session)
        form = {key: current[key] for key in ("lpse_name", "lpse_place", "retention_days")}
        changed = apply(db.session, None, {**form, "retention_days": 400})
        db.session.commit()
        events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.changed")).all()
        assert changed == ["retention_days"]
        assert [e.details for e in events] == [{"key": "retention_days", "old": current["retention_days"], "new": 400}]
        assert apply(db.session, None, {**form, "retention_days": 400}) == []  # the same form saved again
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                                 .where(AuditEvent.action == "settings.changed")) == 1
