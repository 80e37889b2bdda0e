"""A settings save from a page opened earlier: the Admin's own changes only, never another's undone (h32x)."""
from __future__ import annotations

import pytest

from lpsedesk.form_edits import ChangedMeanwhile, changed_meanwhile, edits, mark, marks, page_after_clash, read_marks

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


def test_after_a_clash_the_form_shows_what_was_typed_where_its_user_changed_it_and_the_stored_value_elsewhere():
    # h34w: showing the typed value in every field, a second save put back, over the other user's
    # change, the fields this user had never touched.
    stored_now = {**OPENED, "retention_days": 400, "lpse_name": "Kota Salatiga Baru"}
    typed = {"lpse_name": "Kota Salatiga", "retention_days": " 500 ", "facilities": [{"key": "lab"}]}
    cleaned = {**OPENED, "retention_days": 500}
    assert page_after_clash(stored_now, typed, cleaned, _shown()) == {
        "lpse_name": "Kota Salatiga Baru", "retention_days": " 500 ", "facilities": [{"key": "lab"}]}


def test_without_marks_the_form_shows_again_all_that_was_typed():
    typed = {"lpse_name": "x", "retention_days": "1", "facilities": []}
    assert page_after_clash(OPENED, typed, typed, None) == typed


def test_the_fields_changed_meanwhile_are_those_no_longer_stored_as_shown():
    stored_now = {**OPENED, "retention_days": 400}
    assert changed_meanwhile(stored_now, _shown()) == ["retention_days"]
    assert changed_meanwhile(stored_now, None) == []
