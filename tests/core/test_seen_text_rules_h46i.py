"""What a form keeps of typed text, at the edges mutmut's first run of lpsedesk/seen_text.py found untested
(h46i, docs/mutation.md). From h46f's words (docs/security.md: noncharacters and "combining marks past two on
one letter" are taken out, the rest kept composed) and from the Unicode Standard's own list of noncharacters
(chapter 23.7): U+FDD0 to U+FDEF and the last two code points of each of the 17 planes, 66 in all, "never for
text". What a person sees stays: the letters on either side of that block, the replacement character."""
from __future__ import annotations

import unicodedata

import pytest

from lpsedesk.seen_text import seen_text

# The Unicode Standard's 66 noncharacters, written out from its definition rather than from the module
NONCHARACTERS = [chr(code) for code in range(0xFDD0, 0xFDEF + 1)] + [
    chr(plane * 0x10000 + last) for plane in range(17) for last in (0xFFFE, 0xFFFF)]
ACUTE, CIRCLE = "\u0301", "\u20dd"  # a nonspacing accent (Mn); an enclosing mark drawn around the letter (Me)


def test_the_standard_names_66_noncharacters():
    assert len(NONCHARACTERS) == 66 and len(set(NONCHARACTERS)) == 66


@pytest.mark.parametrize("nonchar", NONCHARACTERS, ids=lambda ch: f"U+{ord(ch):04X}")
def test_no_noncharacter_is_kept_between_the_letters_of_a_name(nonchar):
    assert seen_text(f"CV {nonchar}Uji{nonchar}") == "CV Uji"
    assert seen_text(f"baris{nonchar}\nkedua", lines=True) == "baris\nkedua"


@pytest.mark.parametrize("seen", [
    "\ufdcf",  # ARABIC LIGATURE SALAAMUHU ALAYNAA, just below the block of noncharacters
    "\ufdf0",  # ARABIC LIGATURE SALLA USED AS KORANIC STOP SIGN, just above it
    "\ufdf2",  # ARABIC LIGATURE ALLAH, written in names and institutions
    "\ufffd",  # the replacement character a broken file shows: drawn, so seen
], ids=lambda ch: f"U+{ord(ch):04X}")
def test_the_characters_around_the_noncharacters_are_letters_and_signs_people_see(seen):
    assert seen_text(f"Yayasan {seen}") == f"Yayasan {seen}"


def test_a_letter_keeps_two_enclosing_marks_and_loses_a_stack_of_more():
    # an enclosing mark is a combining mark as an accent is, drawn on its letter; a tower of them drew over
    # the rows above on the queue as a tower of accents did
    assert seen_text("A" + CIRCLE * 2 + " B") == "A" + CIRCLE * 2 + " B"
    assert seen_text("A" + CIRCLE * 6 + " B") == "A" + CIRCLE * 2 + " B"
    # accents and enclosing marks on one letter count together: two in all
    assert seen_text("E" + ACUTE + CIRCLE + ACUTE + CIRCLE) == unicodedata.normalize("NFC", "E" + ACUTE + CIRCLE)


def test_accents_typed_before_any_letter_are_cut_to_two_as_on_a_letter():
    # a field may begin with accents that sit on no letter (pasted, or typed on a dead key): they are kept
    # to two like any stack, and the text is read, not refused with an error
    assert seen_text(ACUTE * 2 + "Budi") == ACUTE * 2 + "Budi"
    assert seen_text(ACUTE * 5 + "Budi") == ACUTE * 2 + "Budi"
    assert seen_text(ACUTE * 5, lines=True) == ACUTE * 2
