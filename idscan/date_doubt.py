"""A NIK filled without the printed date whose birth digits RapidOCR itself doubted.

Digits 7-12 of a NIK are the birth date the card prints two lines below it. Where that small print
is unread (a small, soft or dim card), a NIK is still filled on the header and the two recognisers
reading the same 16 digits (vote._engines_confirm). On a small soft card both recognisers can
misread a digit of the year alike (fresh dev draw 7373, card 35: 07-01-1995 filled as ...070193,
RapidOCR scoring that 3 at 0.49): the one check that sees those digits, the date, is missing just
where they are hardest to read. There the date is read once more (RapidOCR on the crops' birth
lines) and the NIK is filled only where a date read there agrees and none disagrees.
"""
from __future__ import annotations

from dataclasses import replace

from .crosscheck import DATE_DIGITS, date_digits
from .fields import CardFields

# Below this per-character score (0..1) RapidOCR's reading of a digit is in doubt (vote.DOUBT,
# last_digit.LAST_DOUBT: the same recogniser's doubt, measured on other digits).
DATE_DOUBT = 0.7


def birth_digit_doubted(confs: list[float] | None) -> bool:
    """Whether RapidOCR scored a birth-date digit of the NIK it read (`confs`: its score per digit
    of the filled NIK, None where its reading is not that NIK) below DATE_DOUBT."""
    if not confs or len(confs) != 16:
        return False
    return any(confs[i] < DATE_DOUBT for i in DATE_DIGITS)


def dates_confirm(nik: str, printed: CardFields, dates: list[tuple[int, int, int] | None]) -> bool:
    """Whether the dates read on the crops' birth lines (None where a crop's reads none) confirm
    digits 7-12 of `nik`: at least one read, and every one read agrees (`printed`: the card's other
    printed evidence, for the sex that adds 40 to a woman's day)."""
    read = [d for d in dates if d is not None]
    return bool(read) and all(date_digits(replace(printed, birth=d), nik) == nik[6:12] for d in read)
