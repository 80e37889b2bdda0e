"""A settings save from a page opened earlier: the Admin's own changes only, never another's undone (h32x)."""
from __future__ import annotations

import pytest

from lpsedesk.settings_edits import ChangedMeanwhile, edits, mark, marks, read_marks

OPENED = {"lpse_name": "Kota Salatiga", "retention_days": 365, "facilities": [{"key": "lab"}]}


def _shown():
    return read_marks(marks(OPENED, OPENED))


def test_a_field_left_as_it_was_shown_is_not_written_over_a_later_change():
    stored_now = {**OPENED, "retention_days": 400}  # another Admin saved meanwhile
    sent = {**OPENED, "lpse_name": "Kabupaten Contoh"}  # the whole form, one field changed
    assert edits(stored_now, sent, _shown()) == {"lpse_name": "Kabupaten Contoh"}


def test_a_field_both_changed_to_different_values_stops_the_whole_save_naming_it():
    stored_now = {**OPENED, "retention_days": 400, "facilities": [{"key": "lab"}, {"key": "aula"}]}
    sent = {**OPENED, "retention_days": 500, "lpse_name": "Kabupaten Contoh", "facilities": []}
    with pytest.raises(ChangedMeanwhile) as caught:
        edits(stored_now, sent, _shown())
    assert sorted(caught.value.keys) == ["facilities", "retention_days"]


def test_both_making_the_same_change_is_no_clash():
    stored_now = {**OPENED, "retention_days": 400}
    assert edits(stored_now, {**OPENED, "retention_days": 400}, _shown()) == {}


def test_a_form_without_marks_is_saved_as_sent():
    stored_now = {**OPENED, "retention_days": 400}
    assert edits(stored_now, dict(OPENED), None) == {"retention_days": 365}


@pytest.mark.parametrize("text", ["", "not json", "[1]", '{"a": 1}', "[" * 5000, "{" * 20000, "\x00"])
def test_marks_that_are_not_a_pages_are_none(text):
    assert read_marks(text) is None


def test_a_mark_tells_values_apart_and_ignores_key_order():
    assert mark({"a": 1, "b": 2}) == mark({"b": 2, "a": 1})
    assert mark(365) != mark(400) and mark("365") != mark(365)
