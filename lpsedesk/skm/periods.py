"""The periods an SKM report covers: a semester, a year, or a range of dates (WIB)."""
from __future__ import annotations

from datetime import date

from ..exports.dates import MONTHS, Period, PeriodError, parse_date, range_period
from ..ids import ascii_digits

KINDS = ("semester", "year", "range")


def _english(locale: str) -> bool:
    return str(locale).startswith("en")


def semester(year: int, half: int, locale: str = "id") -> Period:
    if half not in (1, 2) or not 1900 <= year <= 2999:
        raise PeriodError("bad_date")
    start, end = (date(year, 1, 1), date(year, 6, 30)) if half == 1 else (date(year, 7, 1), date(year, 12, 31))
    months = MONTHS["en" if _english(locale) else "id"]
    first, last = months[start.month - 1], months[end.month - 1]
    return Period(start, end, "range", f"Semester {'I' * half} {year} ({first} - {last} {year})")


def year(value: int, locale: str = "id") -> Period:
    if not 1900 <= value <= 2999:
        raise PeriodError("bad_date")
    word = "Year" if _english(locale) else "Tahun"
    return Period(date(value, 1, 1), date(value, 12, 31), "range", f"{word} {value}")


def current_semester(today: date, locale: str = "id") -> Period:
    return semester(today.year, 1 if today.month <= 6 else 2, locale)


def parse(args, today: date, locale: str = "id") -> tuple[str, Period]:
    """(kind, period) from query arguments (kind, year, half, from, to); the current semester when
    nothing is chosen. Raises PeriodError for bad input."""
    kind = (args.get("kind") or "semester").strip()
    if kind not in KINDS:
        raise PeriodError("unknown_kind")
    if kind == "range":
        return kind, range_period(parse_date(args.get("from") or ""), parse_date(args.get("to") or ""), locale)
    raw_year = (args.get("year") or str(today.year)).strip()
    if not ascii_digits(raw_year):
        raise PeriodError("bad_date")
    if kind == "year":
        return kind, year(int(raw_year), locale)
    raw_half = (args.get("half") or ("1" if today.month <= 6 else "2")).strip()
    if raw_half not in ("1", "2"):
        raise PeriodError("bad_date")
    return kind, semester(int(raw_year), int(raw_half), locale)
