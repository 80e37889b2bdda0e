"""The sharpest crop's name row read by the names model where RapidOCR placed no NIK line there.

RapidOCR reads the sharpest crop's lines from the top until one reads as a NIK, and the names model
reads the line after it (reader._read_sets). Where a thumb or a glare band keeps RapidOCR from
reading the NIK, the names model never sees the name row: the name is Tesseract's alone, and the
name rules (name_sure.py) have no reading to judge it by, so it is filled however garbled
("NODESNGABER" for KODIS NGABEHI). Tesseract placed the NIK line there all the same: the row after
it is read by the names model, as the later crops' rows are (reader._second_names), and its letters
join Tesseract's reading (name_pick.merge); the name rules then judge it as any other
(docs/idscan.md, Run 22n).
"""
from __future__ import annotations

from .fields import CardFields, clean_name, drop_glued_label, name_like, nik_with_doubt, seventeen
from .name_line import name_image
from .name_pick import merge as merge_name


def rapid_placed_name(texts: list[str]) -> bool:
    """Whether RapidOCR's readings of the sharpest crop's first lines hold a NIK with a line after
    it (that line, the name, was read by the names model then)."""
    return any(nik_with_doubt(t) or seventeen(t) for t in texts[:-1])


def read_name_row(first: CardFields, lines: list, texts: list[str]) -> None:
    """`first` (the sharpest crop's fields, `lines` its line cuts, `texts` RapidOCR's readings of
    its first lines) gets the names model's letters of the row after Tesseract's NIK line, where
    RapidOCR placed no NIK line of its own. One names-model reading; nothing else moves."""
    from .rapid import read_names as rapid_names

    at = first.nik_line
    if at is None or at + 1 >= len(lines) or rapid_placed_name(texts):
        return
    cut = lines[at + 1]
    add_model_letters(first, rapid_names([name_image(cut)])[0][0], cut[1])


def add_model_letters(fields: CardFields, text: str, labelled: bool) -> None:
    """The names model's reading `text` of a crop's name row joined to Tesseract's name of that crop
    (name_pick.merge); where Tesseract read none, the reading is the crop's name if it looks like one."""
    letters = clean_name(drop_glued_label(text) if labelled else text)
    if not letters:
        return
    if fields.name:
        fields.name = merge_name(fields.name, letters)
    elif name_like(text):
        fields.name = letters
