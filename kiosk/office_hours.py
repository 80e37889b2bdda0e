"""The kiosk and office hours: the start screen's notice and the refusal of a new visit.

The rule is lpsedesk.office_hours; the words, shared with the helpdesk board, lpsedesk.office_hours_text.
"""
from __future__ import annotations

from datetime import timedelta

from flask import jsonify
from flask_babel import gettext as _

from lpsedesk import office_hours
from lpsedesk.extensions import db
from lpsedesk.office_hours_text import closed_message, closed_title, kiosk_now


# ux7's walk: a first-time visitor of 60 takes 10-20 minutes over the guest book; begun in the last
# half hour it may reach the Kasubag after closing. The start screen says so from then on.
CLOSING_SOON = timedelta(minutes=30)


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
        "message": None if state == office_hours.OPEN else closed_message(hours, state, now),
        "hours": hours.text(),
        "closing_soon": _("The office closes at %(closes)s WIB: a request sent later cannot be approved today. "
                          "Not sure? Ask the helpdesk.",
                          closes=hours.closes.strftime("%H:%M")) if soon else None,
        "changes_in": max(1, int((change - now).total_seconds()) + 1),
    }


def refusal():
    """None while a new visit may be requested; else the 409 the kiosk shows as it is."""
    try:
        office_hours.check_new_visit(db.session, kiosk_now())
    except office_hours.OfficeClosed as exc:
        return jsonify(error=exc.code, state=exc.state, message=closed_message(exc.hours, exc.state, exc.now)), 409
    return None
