"""Text as people will read it: without the characters that draw nothing (h46f).

A visitor's name is read by people (the Kasubag deciding, the helpdesk at the door, an export) and
compared by the desk itself (the watch list, the search). Characters that draw nothing let the two
part: a name of three zero-width spaces passed "required" and showed no name on the queue;
`SARI <U+202E>AYAHAW` showed as "SARI WAHAYA", which no search or watch-list entry for that name
found; `BU<U+200B>DI` looked like BUDI and was compared as "BU DI". Control characters drew boxes on
the staff's screens and in the PDFs. None of them belongs in a name, an institution or a purpose
typed at a kiosk or read from a participants' file, so they are taken out before anything checks or
keeps the text; what is left is what everyone sees, and a field left empty is told as empty.
"""
from __future__ import annotations

import unicodedata

# Combining marks kept on one letter, counted decomposed: Vietnamese, the most a visitor's language
# writes, puts two on a vowel (ệ: e, dot below, circumflex); a tower of 30 drew over the rows above
# it on the queue.
MOST_MARKS = 2
LINE_BREAKS = frozenset("\n\r\t")


def _noncharacter(ch: str) -> bool:
    """Unicode's noncharacters, for a program's own use and never for text: U+FDD0-U+FDEF and the
    last two of every plane (U+FFFE and U+FFFF break the XML an XLSX is made of)."""
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def _drawn(ch: str, lines: bool) -> bool:
    if _noncharacter(ch):
        return False
    category = unicodedata.category(ch)
    if category == "Cc":
        # C0 and C1 controls. A multi-line field keeps its line breaks and tabs; a one-line field keeps
        # what Python calls a space (a line break, NEL), which it squashes into one between words.
        return ch in LINE_BREAKS if lines else ch.isspace()
    # Cf: zero-width spaces and joiners, the bidirectional embeddings, overrides and isolates, the
    # byte-order mark, the soft hyphen, word joiners; an Indonesian name written in any script
    # the desk prints needs none of them.
    return category != "Cf"


def seen_text(text: str, *, lines: bool = False) -> str:
    """`text` without control characters (but the spacing ones; only line breaks and tabs when
    `lines`), invisible format characters, noncharacters, or combining marks past MOST_MARKS on one
    letter, composed (NFC) as it is kept. Spaces are left as they are: each field squashes them its
    own way."""
    kept: list[str] = []
    marks = 0
    for ch in unicodedata.normalize("NFD", text):
        if not _drawn(ch, lines):
            continue
        if unicodedata.category(ch) in ("Mn", "Me"):
            marks += 1
            if marks > MOST_MARKS:
                continue
        else:
            marks = 0
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept))
