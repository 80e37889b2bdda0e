"""A name's first words as a KTP prints them: a title's full stop and the spaces of a Balinese name
(docs/idscan.md, Run 38n).

Dukcapil prints an honorific or a degree before the name abbreviated, with a full stop and a space
("MOH. ", "HJ. ", "DRS. "), and a Balinese name starts with I (a man) or NI (a woman), often followed
by a caste or birth-order word of its own ("I GUSTI NGURAH", "NI LUH", "I MADE"). Both recognisers
read these as they read any thin mark or narrow space: the full stop as a comma, the space after it
or after the lone I dropped ("MOH, NGUJUNYIM", "DRS.DEJEJOT", "IGUSTIMACOL"). They are sure of the
letters, so the doubt rule (name_sure) passes such a name and it is filled wrong: 7 of the 16 names
of the fifth generator's dev split not read exactly, every one of them filled. `as_printed` puts the
mark and the spaces back on the name's first words only; no letter is added, dropped or changed.
"""
from __future__ import annotations

import re

# False: measurements (the name as the rules before it left it).
ON = True
# Titles printed before a name, each with its full stop (honorifics and degrees seen on KTPs).
TITLES = ("H", "HJ", "KH", "DR", "DRS", "DRA", "IR", "M", "MOH", "MOCH", "MUH", "R", "RA", "RR")
# Balinese name words after I or NI, each a word of its own.
BALINESE = ("GUSTI", "MADE", "WAYAN", "NYOMAN", "KETUT", "PUTU", "KADEK", "KOMANG", "GEDE", "NENGAH", "LUH")
# GUSTI is a title too: a name always follows it, so letters glued to it are the next word.
BALINESE_TITLE = "GUSTI"

# A title at the start read with a comma for its full stop, or without the space after the stop.
_TITLE = re.compile(r"^(%s) ?[.,] ?(?=[A-Z])" % "|".join(sorted(TITLES, key=len, reverse=True)))
# I or NI glued to a Balinese word (or GUSTI glued to the next word).
_BALI = re.compile(r"^(N?I) ?(%s)" % "|".join(BALINESE))


def as_printed(name: str | None) -> str | None:
    """`name` with a leading title's full stop and space, and a Balinese name's first spaces, put
    back where a recogniser read a comma or dropped them; any other name as it is."""
    if not ON or not name:
        return name
    name = _TITLE.sub(lambda m: m.group(1) + ". ", name, count=1)
    match = _BALI.match(name)
    if match:
        word, rest = match.group(2), name[match.end():]
        if not rest[:1].isalpha():
            name = f"{match.group(1)} {word}{rest}"
        elif word == BALINESE_TITLE:
            name = f"{match.group(1)} {word} {rest}"
        # else the letters run on: a longer word ("IMADEWI"), left as read
    return name
