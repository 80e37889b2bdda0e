"""Which numbers sent by a browser can be a record's id (plain Python: views and the core both ask)."""
from __future__ import annotations

ROW_ID_MAX = 2**31 - 1  # the id columns are 32-bit integers on PostgreSQL


def row_id(text: str | None) -> int | None:
    """An id sent in a form or a query, if it can be one: ASCII digits within the id columns' range.

    `str.isdigit` alone is not enough: it accepts "²" (int() then fails) and a 30-digit number
    (the database then fails).
    """
    if text and text.isascii() and text.isdigit() and len(text) <= 10 and 0 < int(text) <= ROW_ID_MAX:
        return int(text)
    return None


def row_ids(texts) -> set[int]:
    """The ids among `texts` (a form's checked boxes); anything that cannot be an id is left out."""
    return {i for i in map(row_id, texts) if i is not None}


def ascii_digits(text: str) -> bool:
    """Only 0-9. `str.isdigit` also says yes to "²" and "١٢": int() then fails on the first, and
    the second would be stored as a NIK no one can search for."""
    return text.isascii() and text.isdigit()
