"""A training's participants from an XLSX or CSV file, all or nothing.

Every row is checked before any is created: one bad row and nothing is imported, and each bad row is
reported with its line number (as the spreadsheet shows it, the header being line 1) and every
problem in it. What every participant shares (event, date and window, purpose, facility) comes
from the import form, not the file.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy.orm import Session

from .. import audit
from ..models import Invitation
from ..nik import parse_nik
from ..roles import Actor
from .rules import InvitationDraft, _require_desk, build, validate

MAX_ROWS = 500
MAX_BYTES = 2 * 1024 * 1024
# What an XLSX may hold once unpacked. The template with 500 participants unpacks to well under 1 MB;
# a 400 KB file unpacking to 400 MB (one cell of repeated letters) made the server take 750 MB and
# 6 s to read it, and a 2 MB one would take gigabytes. The sizes are read from the zip's directory,
# which Python's zipfile also holds each member to, before anything is decompressed.
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 200
# The template's columns, in order; the first name of each is what the template writes.
COLUMNS: dict[str, tuple[str, ...]] = {
    "full_name": ("nama", "name", "nama lengkap", "full name", "full_name"),
    "nik": ("nik",),
    # "ponsel" first: the kiosk and the staff screens name the field "Nomor ponsel" (ux16); older files
    # with TELEPON still import.
    "phone": ("ponsel", "telepon", "phone", "no hp", "hp", "nomor hp", "no. hp", "telp", "nomor ponsel", "no ponsel",
              "mobile phone", "mobile"),
    "institution": ("instansi", "institution", "perusahaan", "company"),
    "category": ("kategori", "category"),
}
REQUIRED_COLUMNS = ("full_name", "phone", "institution", "category")
# Category as people write it in a spreadsheet: the key, or its Indonesian or English name.
CATEGORY_WORDS = {
    "penyedia": "penyedia", "vendor": "penyedia", "pokja": "pokja", "pokja pemilihan": "pokja",
    "ppk": "ppk", "pa/kpa": "pa_kpa", "pa_kpa": "pa_kpa", "pa": "pa_kpa", "kpa": "pa_kpa",
    "apip": "apip", "opd": "opd", "public": "public", "umum": "public", "masyarakat": "public",
    "masyarakat umum": "public", "other": "other", "lainnya": "other", "lain-lain": "other",
}
TEMPLATE_EXAMPLE = ("BUDI CONTOH", "", "081234567890", "CV Contoh Sejahtera", "penyedia")


class BatchFileError(ValueError):
    """The file as a whole cannot be read; `code` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class RowProblem:
    line: int
    fields: dict[str, str]


@dataclass
class BatchResult:
    invitations: list[Invitation] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a NIK or phone typed into a number cell
    return " ".join(str(value).split())


def _rows_csv(data: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1252 fails on a few bytes only
        raise BatchFileError("unreadable")
    if "\x00" in text:  # no spreadsheet writes NUL into a CSV, and PostgreSQL cannot store it
        raise BatchFileError("unreadable")
    first = text.split("\n", 1)[0]
    # Excel in an Indonesian locale writes ";" between fields.
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return [[_cell(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error:  # a field past the csv module's 128 KB, e.g. a quote never closed
        raise BatchFileError("unreadable") from None


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a zip bomb dressed as a workbook before openpyxl decompresses any of it."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise BatchFileError("unreadable") from None
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise BatchFileError("unpacks_too_large")


def _rows_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    _check_unpacked_size(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # not a workbook, or a damaged one: openpyxl raises many kinds
        raise BatchFileError("unreadable") from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell(c) for c in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    except Exception:  # the sheet is read lazily: broken XML or entity expansion surfaces only here
        raise BatchFileError("unreadable") from None
    finally:
        book.close()


def read_rows(data: bytes, filename: str) -> list[list[str]]:
    if not data:
        raise BatchFileError("empty")
    if len(data) > MAX_BYTES:
        raise BatchFileError("too_large")
    name = (filename or "").lower()
    if name.endswith(".xlsx"):
        return _rows_xlsx(data)
    if name.endswith(".csv") or name.endswith(".txt"):
        return _rows_csv(data)
    raise BatchFileError("file_type")


def _header_map(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, title in enumerate(header):
        key = re.sub(r"[*:]", "", title).strip().lower()
        for column, names in COLUMNS.items():
            if key in names and column not in found:
                found[column] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        raise BatchFileError("columns")
    return found


def drafts_from_rows(rows: list[list[str]], common: InvitationDraft) -> list[tuple[int, InvitationDraft]]:
    """(line, draft) for each non-empty row; `common` gives what every participant shares."""
    if not rows:
        raise BatchFileError("empty")
    columns = _header_map(rows[0])
    out = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue  # a blank line between participants is not an error

        def get(column: str, row: list[str] = row) -> str:
            index = columns.get(column)
            return row[index] if index is not None and index < len(row) else ""

        category = CATEGORY_WORDS.get(get("category").lower(), get("category").lower())
        out.append((line, replace(common, full_name=get("full_name"), nik=get("nik"), phone=get("phone"),
                                  institution=get("institution"), category=category)))
    if not out:
        raise BatchFileError("empty")
    if len(out) > MAX_ROWS:
        raise BatchFileError("too_many")
    return out


def import_file(session: Session, actor: Actor, data: bytes, filename: str, common: InvitationDraft, *,
                purposes: list[dict], facilities: list[dict], now: datetime | None = None) -> BatchResult:
    """Create one invitation per row, or none: the result lists every bad row when there is one.

    Raises BatchFileError when the file itself cannot be read (type, size, columns, empty).
    """
    _require_desk(actor)
    drafts = drafts_from_rows(read_rows(data, filename), common)
    result = BatchResult()
    seen_nik: dict[str, int] = {}
    for line, draft in drafts:
        problems = validate(draft, purposes=purposes, facilities=facilities, now=now)
        nik = parse_nik(draft.nik).nik if draft.nik.strip() else ""
        if nik and "nik" not in problems:
            if nik in seen_nik:  # one person invited twice in the same file
                problems["nik"] = "duplicate"
            seen_nik.setdefault(nik, line)
        if problems:
            result.problems.append(RowProblem(line, problems))
    if result.problems:
        return result
    for _line, draft in drafts:
        result.invitations.append(build(draft, actor))
    session.add_all(result.invitations)
    session.flush()
    audit.record(session, actor, "invitation.batch_imported", None, at=now, kind=Invitation.__tablename__,
                 details={"event": common.event_name, "count": len(result.invitations), "file": filename[:120]})
    return result


def template_rows() -> list[tuple[str, ...]]:
    """The template's header and one example row (to overwrite)."""
    return [tuple(names[0].upper() for names in COLUMNS.values()), TEMPLATE_EXAMPLE]
