"""Office time: stored in UTC, shown and reasoned about in WIB (Asia/Jakarta, UTC+7, no DST).

The one place that knows the office's zone and the conversions between the two.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def to_wib(moment: datetime) -> datetime:
    """An aware datetime as WIB wall-clock time."""
    return moment.astimezone(WIB)


def wib_date(moment: datetime) -> date:
    """The office calendar day `moment` (aware) falls on."""
    return moment.astimezone(WIB).date()


def wib_today(now: datetime | None = None) -> date:
    return wib_date(now or utcnow())


def wib_at(day: date, at: time) -> datetime:
    """WIB wall-clock `at` on `day`, as an aware UTC datetime."""
    return datetime.combine(day, at, WIB).astimezone(timezone.utc)


def to_the_minute(moment: datetime) -> datetime:
    """A moment as every screen and document shows it: its minute, the seconds cut off (21:34:59 is
    21:34), never rounded up (h23k: a stay is reckoned from the minutes shown, so 21:34-21:36 is 2 min)."""
    return moment.replace(second=0, microsecond=0)


def clock_text(moment: datetime | None, empty: str = "") -> str:
    """A moment's WIB wall-clock time written as every screen, slip and document writes it: 21:01.
    ux9: one style, the one the staff type into every time field (HH:MM), not 21.01 on paper only."""
    return to_the_minute(moment).astimezone(WIB).strftime("%H:%M") if moment else empty


def wib_day_bounds(day: date) -> tuple[datetime, datetime]:
    """[start, end) of a WIB calendar day, in UTC."""
    return wib_at(day, time(0)), wib_at(day + timedelta(days=1), time(0))


def local_to_utc(value: datetime | None) -> datetime | None:
    """A naive datetime typed in WIB (a datetime-local input) as an aware UTC datetime."""
    return None if value is None else value.replace(tzinfo=WIB).astimezone(timezone.utc)


def utc_to_local(value: datetime | None) -> datetime | None:
    """An aware UTC datetime as the naive WIB value a datetime-local input shows, to the minute."""
    return None if value is None else value.astimezone(WIB).replace(tzinfo=None, second=0, microsecond=0)


def parse_hhmm(value: object, fallback: str) -> time:
    """A stored HH:MM clock time, or `fallback` (HH:MM) when it cannot be read."""
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except (TypeError, ValueError):
        hours, minutes = fallback.split(":")
        return time(int(hours), int(minutes))
