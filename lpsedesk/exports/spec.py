"""What a document holds, independent of the format it is rendered in."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Literal, Sequence

from .dates import indonesian_date


@dataclass(frozen=True)
class Signatory:
    """The signature block under an official document (jabatan, nama, pangkat/golongan, NIP)."""

    title: str
    name: str = ""
    rank: str = ""
    nip: str = ""

    def lines(self) -> list[str]:
        """Lines under the signing space; an empty name leaves a dotted line to fill in by hand."""
        out = [self.name or "(" + "." * 40 + ")"]
        if self.rank:
            out.append(self.rank)
        out.append(f"NIP. {self.nip}" if self.nip else "NIP. " + "." * 30)
        return out


@dataclass
class DocumentSpec:
    title: str
    columns: Sequence[str]
    rows: Iterable[Sequence[str]]  # a list, or a generator read once (CSV and XLSX stream it)
    lpse_name: str = ""
    subtitle: str = ""
    widths: Sequence[float] | None = None
    place: str = ""
    signed_on: date | None = None
    signatory: Signatory | None = None
    orientation: Literal["landscape", "portrait"] = "landscape"
    summary: Sequence[str] = field(default_factory=list)
    empty_text: str = "Tidak ada data pada periode ini."
    page_label: str = "Halaman {page} dari {total}"
    file_stem: str = ""
    # Columns whose cells are centred (e.g. "No."); indexes into `columns`.
    centered: Sequence[int] = (0,)
    # A picture per row (PNG bytes, or None to print the cell's text) in column `picture_column`,
    # e.g. the guest book's signatures. Formats without pictures print the text.
    pictures: Sequence[bytes | None] = ()
    picture_column: int | None = None
    # Smaller type for a table with many columns (the guest book has fourteen).
    compact: bool = False

    def __post_init__(self) -> None:
        if self.widths is not None and len(self.widths) != len(self.columns):
            raise ValueError("one width hint per column")
        # Rows given as a list are checked now; rows streamed from the database (any other
        # iterable, read once) are checked as each format writes them.
        for row in self.rows if isinstance(self.rows, (list, tuple)) else ():
            if len(row) != len(self.columns):
                raise ValueError("every row needs one cell per column")

    @property
    def lpse_line(self) -> str:
        return f"LPSE: {self.lpse_name}" if self.lpse_name else ""

    @property
    def place_date_line(self) -> str:
        if self.signed_on is None:
            return self.place
        when = indonesian_date(self.signed_on)
        return f"{self.place}, {when}" if self.place else when

    def relative_widths(self) -> list[float]:
        hints = list(self.widths) if self.widths else [1.0] * len(self.columns)
        total = sum(hints) or 1.0
        return [h / total for h in hints]

    def filename(self, ext: str) -> str:
        stem = re.sub(r"[^a-z0-9]+", "-", (self.file_stem or self.title).lower()).strip("-") or "dokumen"
        return f"{stem}.{ext}"
