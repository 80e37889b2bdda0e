"""The kiosk and office hours: the clock it asks by, the start screen's notice, the refusal.

The rule itself is lpsedesk.office_hours; this file only says it in the visitor's language.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, jsonify
from flask_babel import gettext as _

from lpsedesk import office_hours
from lpsedesk.clock import utcnow
from lpsedesk.extensions import db


# ux7's walk: a first-time visitor of 60 takes 10-20 minutes over the guest book; begun in the last
# half hour it may reach the Kasubag after closing. The start screen says so from then on.
CLOSING_SOON = timedelta(minutes=30)


def kiosk_now() -> datetime:
    """Now, for the office-hours question. KIOSK_CLOCK (a callable) lets a test fix the hour."""
    return current_app.config.get("KIOSK_CLOCK", utcnow)()


def closed_message(hours: office_hours.OfficeHours, state: str) -> str:
    opens, closes = hours.opens.strftime("%H:%M"), hours.closes.strftime("%H:%M")
    if state == office_hours.BEFORE_OPENING:
        return _("The office is not open yet. New visits can be requested from %(opens)s WIB "
                 "(office hours %(hours)s WIB).", opens=opens, hours=hours.text())
    return _("The office closed at %(closes)s WIB, so no new visit can be requested today. Office hours: "
             "%(hours)s WIB. Please come back on the next working day.", closes=closes, hours=hours.text())


def closed_title(state: str) -> str:
    return _("The office is not open yet") if state == office_hours.BEFORE_OPENING else _("The office is closed")


def start_screen() -> dict:
    """What the start screen says about the hours now, and when (seconds) it must look again."""
    now = kiosk_now()
    hours = office_hours.from_settings(db.session)
    state = hours.state(now)
    soon = hours.closes_soon(now, CLOSING_SOON)
    change = hours.next_change(now)
    if state == office_hours.OPEN and not soon:  # look again when the closing-soon notice is due
        change -= CLOSING_SOON
    return {
        "open": state == office_hours.OPEN,
        "title": None if state == office_hours.OPEN else closed_title(state),
        "message": None if state == office_hours.OPEN else closed_message(hours, state),
        "hours": hours.text(),
        "closing_soon": _("The office closes at %(closes)s WIB: a request sent after that cannot be approved "
                          "today. If you are not sure you will finish before then, please ask the helpdesk.",
                          closes=hours.closes.strftime("%H:%M")) if soon else None,
        "changes_in": max(1, int((change - now).total_seconds()) + 1),
    }


def refusal():
    """None while a new visit may be requested; else the 409 the kiosk shows as it is."""
    try:
        office_hours.check_new_visit(db.session, kiosk_now())
    except office_hours.OfficeClosed as exc:
        return jsonify(error=exc.code, state=exc.state, message=closed_message(exc.hours, exc.state)), 409
    return None
