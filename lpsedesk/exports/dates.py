"""Dates and reporting periods written the way Indonesian government documents write them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..clock import WIB, clock_text, wib_at
from ..typed_time import TypedTimeError, parse_day


MONTHS = {
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
           "Oktober", "November", "Desember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}
ROMAN = ["I", "II", "III", "IV"]
# Longest period a report may cover: guards the database and the PDF from a typo like 2206.
MAX_RANGE_DAYS = 3 * 366
# Years a date may have in any filter: 0001-01-01 or 9999-12-31 would overflow when turned into
# UTC bounds (WIB is UTC+7, and the end bound is the day after).
MIN_YEAR, MAX_YEAR = 1900, 2999


def _lang(locale: str) -> str:
    return "en" if str(locale).startswith("en") else "id"


def indonesian_date(value: date, locale: str = "id") -> str:
    """22 November 2026 (English: 22 November 2026 as well, with English month names)."""
    return f"{value.day} {MONTHS[_lang(locale)][value.month - 1]} {value.year}"


def indonesian_datetime(value: datetime | None, locale: str = "id") -> str:
    """An aware datetime in WIB: "22 November 2026 09:15 WIB", the time written as on every screen
    and in every time field (ux9: 09.15 on the forms only read as another system's)."""
    if value is None:
        return ""
    return f"{indonesian_date(value.astimezone(WIB).date(), locale)} {clock_text(value)} WIB"


class PeriodError(ValueError):
    """Bad period input; `code` names the problem for a translated message at the edge."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # "unknown_kind" | "bad_month" | "bad_quarter" | "bad_date" | "reversed" | "too_long"


@dataclass(frozen=True)
class Period:
    """Inclusive WIB calendar dates, e.g. 1-30 November 2026, with the label printed on documents."""

    start: date
    end: date
    kind: str  # "month" | "quarter" | "range"
    label: str

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[start, end) in UTC: from WIB midnight of `start` to WIB midnight after `end`."""
        lo = wib_at(self.start, time(0))
        hi = wib_at(self.end + timedelta(days=1), time(0))
        return lo, hi

    @property
    def slug(self) -> str:
        """For file names: 2026-11, 2026-q4, 2026-11-01_2026-11-15."""
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "quarter":
            return f"{self.start.year}-q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


def month_period(year: int, month: int, locale: str = "id") -> Period:
    if not (1 <= month <= 12 and 1900 <= year <= 2999):
        raise PeriodError("bad_month")
    start = date(year, month, 1)
    end = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    return Period(start, end, "month", f"{MONTHS[_lang(locale)][month - 1]} {year}")


def quarter_period(year: int, quarter: int, locale: str = "id") -> Period:
    if not (1 <= quarter <= 4 and 1900 <= year <= 2999):
        raise PeriodError("bad_quarter")
    first = month_period(year, quarter * 3 - 2, locale)
    last = month_period(year, quarter * 3, locale)
    word = "Quarter" if _lang(locale) == "en" else "Triwulan"
    months = f"{first.label.split()[0]} - {last.label}"
    return Period(first.start, last.end, "quarter", f"{word} {ROMAN[quarter - 1]} {year} ({months})")


def range_period(start: date, end: date, locale: str = "id") -> Period:
    if not (MIN_YEAR <= start.year <= MAX_YEAR and MIN_YEAR <= end.year <= MAX_YEAR):
        raise PeriodError("bad_date")
    if end < start:
        raise PeriodError("reversed")
    if (end - start).days > MAX_RANGE_DAYS:
        raise PeriodError("too_long")
    if start == end:
        label = indonesian_date(start, locale)
    elif (start.year, start.month) == (end.year, end.month):
        label = f"{start.day} - {indonesian_date(end, locale)}"
    else:
        label = f"{indonesian_date(start, locale)} - {indonesian_date(end, locale)}"
    return Period(start, end, "range", label)


def parse_date(value: str) -> date:
    """A date typed day first (25/12/2026) or ISO (2026-12-25, as links carry it) in the years a filter
    may use, or PeriodError("bad_date")."""
    try:
        day = parse_day(value)
    except TypedTimeError:
        raise PeriodError("bad_date") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise PeriodError("bad_date")
    return day


_iso = parse_date


def parse_period(kind: str, value: str = "", start: str = "", end: str = "", locale: str = "id") -> Period:
    """Form/query input to a Period: ("month", "2026-11"), ("quarter", "2026-Q4"), ("range", "", d1, d2)."""
    kind = (kind or "month").strip()
    value = (value or "").strip()
    if kind == "month":
        # 2026-11 (links), or 11/2026 as the month field shows it (month first, as Indonesians write it)
        if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", value):
            return month_period(int(m[1]), int(m[2]), locale)
        if m := re.fullmatch(r"([0-9]{1,2})\s*[/.]\s*([0-9]{4})", value):
            return month_period(int(m[2]), int(m[1]), locale)
        # 112026: the month field opens a phone's number pad, and an iPhone's has no "/" or "."
        if m := re.fullmatch(r"([0-9]{2})([0-9]{4})", value):
            return month_period(int(m[2]), int(m[1]), locale)
        raise PeriodError("bad_month")
    if kind == "quarter":
        m = re.fullmatch(r"(\d{4})-?[Qq](\d)", value)
        if not m:
            raise PeriodError("bad_quarter")
        return quarter_period(int(m[1]), int(m[2]), locale)
    if kind == "range":
        return range_period(_iso(start), _iso(end), locale)
    raise PeriodError("unknown_kind")
