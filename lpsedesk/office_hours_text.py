"""The office hours said in the reader's language: the kiosk's closed screen and the helpdesk
board's notice say the same thing, so both blueprints ask this module.

The rule itself is lpsedesk.office_hours (no Flask); this file only words it.
"""
from __future__ import annotations

from datetime import date, datetime

from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _

from . import office_hours
from .clock import utcnow, wib_date
from .exports.dates import indonesian_date
from .labels import weekday_names


def kiosk_now() -> datetime:
    """Now, for the office-hours question. KIOSK_CLOCK (a callable) lets a test fix the hour."""
    return current_app.config.get("KIOSK_CLOCK", utcnow)()


def day_text(day: date) -> str:
    """"Senin, 7 Desember 2026": the weekday with the date, in the visitor's language."""
    return f"{weekday_names()[day.weekday()]}, {indonesian_date(day, str(get_locale() or 'id'))}"


def next_opening_text(hours: office_hours.OfficeHours, now: datetime) -> str:
    opening = hours.next_opening(now)
    if opening is None:
        return _("No office day is set: please ask the helpdesk.")
    return _("The office opens again on %(day)s at %(time)s WIB.", day=day_text(wib_date(opening)),
             time=hours.opens.strftime("%H:%M"))


def closed_message(hours: office_hours.OfficeHours, state: str, now: datetime) -> str:
    """Why no new visit can be requested now, and when it can again."""
    opens, closes = hours.opens.strftime("%H:%M"), hours.closes.strftime("%H:%M")
    if state == office_hours.BEFORE_OPENING:
        return _("The office is not open yet. New visits can be requested from %(opens)s WIB "
                 "(office hours %(hours)s WIB).", opens=opens, hours=hours.text())
    if state == office_hours.DAY_OFF:
        today = wib_date(now)
        holiday = hours.holiday(today)
        if holiday is None:
            why = _("The office does not open on %(weekday)s, so no new visit can be requested today.",
                    weekday=weekday_names()[today.weekday()])
        elif holiday.name:
            why = _("Today is a holiday (%(name)s), so no new visit can be requested today.", name=holiday.name)
        else:
            why = _("Today is a holiday, so no new visit can be requested today.")
        return f"{why} {next_opening_text(hours, now)}"
    return _("The office closed at %(closes)s WIB, so no new visit can be requested today. Office hours: "
             "%(hours)s WIB.", closes=closes, hours=hours.text()) + " " + next_opening_text(hours, now)


def closed_title(state: str) -> str:
    return {office_hours.BEFORE_OPENING: _("The office is not open yet"),
            office_hours.DAY_OFF: _("The office is closed today")}.get(state) or _("The office is closed")


def staff_notice(hours: office_hours.OfficeHours, now: datetime) -> str | None:
    """The helpdesk board's line while the kiosk takes no new visit (ux8), saying why; None while open."""
    state = hours.state(now)
    if state == office_hours.OPEN:
        return None
    if state != office_hours.DAY_OFF:
        return _("The kiosk takes no new visits now: outside office hours (%(hours)s WIB). Checking out still "
                 "works. The Admin sets the hours in Settings → Office.", hours=hours.text())
    holiday = hours.holiday(wib_date(now))
    why = (holiday.name or _("a holiday")) if holiday else weekday_names()[wib_date(now).weekday()]
    return _("The kiosk takes no new visits today: the office is closed (%(why)s). %(next)s Checking out still "
             "works. The Admin sets office days and holidays in Settings → Office.",
             why=why, next=next_opening_text(hours, now))
