"""h46f in plain Python: a name is kept, compared and checked as people read it. Characters that draw
nothing (zero-width spaces, bidirectional overrides, control characters) neither fill a required
field nor keep a watch-list entry from matching; an invitation's participants' file, often pasted
from a letter, is read the same way as the kiosk's guest book."""
from __future__ import annotations

from datetime import date

import pytest

from lpsedesk import watchlist
from lpsedesk.invitations import rules
from lpsedesk.seen_text import seen_text

from .test_rules_invitations import FACILITIES, NOW, PURPOSES, draft

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("typed, read", [
    ("Sari\u200b Uji", "Sari Uji"), ("\u202eAYAHAW", "AYAHAW"), ("CV\u00ad Maju\ufeff", "CV Maju"),
    ("Bu\x07di\x1b\x7f", "Budi"), ("\u2066Budi\u2069", "Budi"),
    # what people write stays: accents, other scripts, the spaces the field squashes itself
    ("Jos\u00e9  Nguy\u1ec5n", "Jos\u00e9  Nguy\u1ec5n"), ("\u0633\u0627\u0631\u064a", "\u0633\u0627\u0631\u064a"),
    ("Ni\u0301", "N\u00ed"),  # decomposed as some keyboards send it, kept composed
])
def test_a_line_keeps_what_people_see_and_only_that(typed, read):
    assert seen_text(typed) == read


def test_a_text_of_several_lines_keeps_its_line_breaks_and_tabs_and_no_other_control():
    assert seen_text("baris satu\r\nbaris\tdua\x0b\u200b", lines=True) == "baris satu\r\nbaris\tdua"
    # a one-line field keeps its spacing controls: it squashes them into one space between the words
    assert seen_text("Budi\nSantosa\x85") == "Budi\nSantosa\x85"


def test_a_watch_list_entry_typed_with_invisible_characters_matches_the_name_without_them():
    entry = watchlist.clean(watchlist.EntryInput(full_name="Budi\u200b Santosa\u202e", institution="CV\u00ad Maju",
                                                 reason="Sanksi", expires_on="2026-12-31"), today=TODAY)
    assert entry["full_name"] == "Budi Santosa" and entry["institution"] == "CV Maju"
    assert entry["name_key"] == watchlist.normalise_name("BUDI SANTOSA")
    assert watchlist.normalise_name("BU\u200bDI SAN\u2060TOSA") == watchlist.normalise_name("Budi Santosa")


def test_a_participant_whose_name_is_only_invisible_characters_is_told_the_name_is_missing():
    problems = rules.validate(draft(full_name="\u200b\u200b\u200b", institution="\u2060\u2060"),
                              purposes=PURPOSES, facilities=FACILITIES, now=NOW)
    assert problems["full_name"] == "required" and problems["institution"] == "required"


def test_a_survey_suggestion_of_invisible_characters_is_no_suggestion():
    from lpsedesk.skm.answers import SurveyAnswers

    assert SurveyAnswers.from_mapping({"suggestion": "\u200b\u202e\x07"}).suggestion is None
    assert SurveyAnswers.from_mapping({"suggestion": "Antrean\u200b cepat\nterima kasih"}).suggestion == (
        "Antrean cepat\nterima kasih")
