"""Two Admins changing one watch-list entry at once (h34w; README: two staff acting on the same record
at once lose nothing, the second is told which field the other changed).

The entry's edit form sends every field with the marks of what it showed (lpsedesk.form_edits): a
field left as shown keeps what another Admin saved since; one both changed stops the save; and two
changes that each make sense alone but together leave an entry with neither a NIK nor a name with its
institution (docs/restricted.md) are a clash too, never a half-entry.
"""
from __future__ import annotations

from datetime import date

import pytest

from lpsedesk import form_edits, watchlist
from lpsedesk.extensions import db

from .test_watchlist_rules_mu6 import ADMIN, NIK, TODAY, entry_input, events

FULL = dict(nik=NIK, full_name="Sari Uji Coba", institution="CV Contoh Sejahtera")


def _opened_then_changed_by_rudi(**rudis):
    """An entry with a NIK, a name and an institution; Siti's form shows it; Rudi then saves `rudis`."""
    entry = watchlist.add(db.session, ADMIN, entry_input(**FULL), today=TODAY)
    shown = form_edits.read_marks(watchlist.shown_marks(entry))
    for key, value in rudis.items():
        setattr(entry, key, value)
    return entry, shown


def test_a_field_left_as_shown_keeps_the_other_admins_later_change(app):
    with app.app_context():
        entry, shown = _opened_then_changed_by_rudi(expires_on=date(2027, 6, 30))
        assert watchlist.change(db.session, ADMIN, entry, entry_input(**FULL, reason="Dua kali merusak perangkat"),
                                today=TODAY, shown=shown)
        assert entry.expires_on == date(2027, 6, 30) and entry.reason == "Dua kali merusak perangkat"


def test_a_field_both_changed_stops_the_save_naming_it_and_nothing_is_written(app):
    with app.app_context():
        entry, shown = _opened_then_changed_by_rudi(expires_on=date(2027, 6, 30))
        with pytest.raises(form_edits.ChangedMeanwhile) as caught:
            watchlist.change(db.session, ADMIN, entry, entry_input(**FULL, expires_on="31/01/2027",
                                                                   reason="Dicatat ulang"), today=TODAY, shown=shown)
        assert caught.value.keys == ["expires_on"]
        assert entry.expires_on == date(2027, 6, 30) and entry.reason == "Pernah merusak perangkat"
        assert events("watchlist.changed") == []


def test_two_changes_that_together_leave_neither_a_nik_nor_a_name_are_a_clash_naming_the_others(app):
    with app.app_context():
        # Rudi drops the NIK (the name and institution still identify the person) ...
        entry, shown = _opened_then_changed_by_rudi(nik=None)
        # ... while Siti, seeing the NIK, drops the name and institution.
        with pytest.raises(form_edits.ChangedMeanwhile) as caught:
            watchlist.change(db.session, ADMIN, entry, entry_input(nik=NIK), today=TODAY, shown=shown)
        assert caught.value.keys == ["nik"]
        assert (entry.nik, entry.full_name, entry.institution) == (None, "Sari Uji Coba", "CV Contoh Sejahtera")


def test_after_a_clash_the_form_keeps_what_was_typed_and_shows_the_rest_as_stored(app):
    with app.app_context():
        entry, shown = _opened_then_changed_by_rudi(expires_on=date(2027, 6, 30), reason="Merusak perangkat")
        typed = entry_input(**FULL, expires_on="31/01/2027")
        kept = watchlist.kept_after_clash(entry, typed, shown, today=TODAY)
        assert kept["expires_on"] == "31/01/2027" and kept["reason"] == "Merusak perangkat"


def test_without_marks_the_entry_is_saved_as_typed(app):
    with app.app_context():
        entry, _shown = _opened_then_changed_by_rudi(expires_on=date(2027, 6, 30))
        assert watchlist.change(db.session, ADMIN, entry, entry_input(**FULL), today=TODAY)
        assert entry.expires_on == date(2026, 12, 31)
