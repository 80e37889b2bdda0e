"""Dates and times as an Indonesian office writes them: day/month/year and a 24-hour WIB clock.

The browser's own date pickers show whatever the browser's or Windows' locale decides (mm/dd/yyyy and
AM/PM on an English-set PC), so the staff forms use plain text fields in one unambiguous format,
parsed here. ISO (2026-12-25, 2026-12-25T14:30) is accepted as well, since links, bookmarks and
exports carry it and its year-first order cannot be misread. Plain Python: the web layer turns the
error codes into words.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time

# codes the web layer words: nothing typed, a day not written dd/mm/yyyy, a day that does not exist
# (31/02/2026), a clock not written HH:MM (or past 23:59), a moment typed without its clock
EMPTY, BAD_DAY, NO_SUCH_DAY, BAD_CLOCK, NO_CLOCK = "empty", "bad_day", "no_such_day", "bad_clock", "no_clock"

# day/month/four-digit year; "/", "-" or "." between (phones' number pads have "." and "-")
# (re.ASCII: digits are 0-9 only, as everywhere the desk reads numbers; lpsedesk/ids.py)
_DMY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.ASCII)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)
# 14:30 or 14.30 (the Indonesian way of writing the time); never AM/PM
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})", re.ASCII)
# Digits alone, as a phone's number pad types them (some have no "/" or ":"): 25122026 is always day,
# month, year; 1430 (or 930) is hours then minutes.
_DMY_DIGITS = re.compile(r"(\d{2})(\d{2})(\d{4})", re.ASCII)
_CLOCK_DIGITS = re.compile(r"(\d{1,2})(\d{2})", re.ASCII)
# A day and its clock in digits alone, with nothing between: an iPhone's number pad has no space either,
# and a one-box moment (a remote request's period) opens that pad. 251220261430 = 25/12/2026 14:30.
_MOMENT_DIGITS = re.compile(r"(?P<day>\d{8})(?P<clock>\d{3,4})", re.ASCII)
# the day and the clock, apart by spaces, a comma, "T" (ISO) or the word "pukul"/"jam"/"at"
_MOMENT = re.compile(r"(?P<day>[\d/.-]+?)\s*(?:,|T|\s)\s*(?:(?:pukul|jam|at)\s+)?(?P<clock>\S+)", re.IGNORECASE | re.ASCII)


class TypedTimeError(ValueError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


MAX_LENGTH = 40  # "25 / 12 / 2026 pukul 14.30" and then some; anything longer is not a date


def _clean(text: object) -> str:
    raw = str(text or "")
    if len(raw) > MAX_LENGTH * 4:  # never split or scan a pasted page
        raise TypedTimeError(BAD_DAY)
    raw = " ".join(raw.split())
    if len(raw) > MAX_LENGTH:
        raise TypedTimeError(BAD_DAY)
    return raw


def parse_day(text: object) -> date:
    """"25/12/2026" (or 25-12-2026, 25.12.2026, 2026-12-25) as a date, or TypedTimeError."""
    raw = _clean(text)
    if not raw:
        raise TypedTimeError(EMPTY)
    if m := _DMY.fullmatch(raw) or _DMY_DIGITS.fullmatch(raw):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := _ISO.fullmatch(raw):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        raise TypedTimeError(BAD_DAY)
    try:
        return date(year, month, day)
    except ValueError:
        raise TypedTimeError(NO_SUCH_DAY) from None


def parse_clock(text: object) -> time:
    """"14:30" or "14.30" (24-hour) as a time, or TypedTimeError."""
    raw = _clean(text)
    if not raw:
        raise TypedTimeError(EMPTY)
    m = _CLOCK.fullmatch(raw) or _CLOCK_DIGITS.fullmatch(raw)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise TypedTimeError(BAD_CLOCK)
    return time(int(m[1]), int(m[2]))


def parse_moment(text: object) -> datetime:
    """"25/12/2026 14:30" as a naive datetime (WIB wall-clock), or TypedTimeError."""
    raw = _clean(text)
    if not raw:
        raise TypedTimeError(EMPTY)
    m = _MOMENT.fullmatch(raw) or _MOMENT_DIGITS.fullmatch(raw)
    if not m:
        parse_day(raw)  # a day alone: say the clock is missing; anything else: say how to write the day
        raise TypedTimeError(NO_CLOCK)
    return datetime.combine(parse_day(m["day"]), parse_clock(m["clock"]))


def show_day(value: date | None) -> str:
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def show_clock(value: time | None) -> str:
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


def show_moment(value: datetime | None) -> str:
    return "" if value is None else f"{show_day(value.date())} {show_clock(value.time())}"
