"""Issue 15 at the desk: the watch-list flag on staff screens, the escort picker, and the helpdesk's
restricted-area steps (entry and exit times, the device check at check-out)."""
from __future__ import annotations

from flask import flash, g, redirect, request
from flask_babel import gettext as _

from lpsedesk import restricted, watchlist
from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.ids import row_ids
from lpsedesk.models import Visit
from lpsedesk.roles import Role

from .. import bp
from ..redirects import safe_next


def may_read_watch() -> bool:
    """The Kasubag and the Admin read a match's reason; the helpdesk sees only the flag."""
    return watchlist.may_read(current_actor())


def escort_candidates() -> list:
    """Active staff for the escort picker; read once per request, not once per queued request."""
    if "escort_candidates" not in g:
        g.escort_candidates = restricted.escort_candidates(db.session)
    return g.escort_candidates


def restricted_helpers() -> dict:
    return {"may_read_watch": may_read_watch, "escort_candidates": escort_candidates}


def _back(message: str):
    flash(message, "info")
    return redirect(safe_next("admin.board"))


@bp.post("/visits/<int:visit_id>/area-entry")
@requires(Role.HELPDESK)
def area_entry(visit_id: int):
    record = db.get_or_404(Visit, visit_id)
    restricted.enter_area(db.session, record, current_actor())
    return _back(_("%(name)s entered the restricted area.", name=record.visitor.full_name))


@bp.post("/visits/<int:visit_id>/area-exit")
@requires(Role.HELPDESK)
def area_exit(visit_id: int):
    record = db.get_or_404(Visit, visit_id)
    restricted.leave_area(db.session, record, current_actor())
    return _back(_("%(name)s left the restricted area.", name=record.visitor.full_name))


@bp.post("/visits/<int:visit_id>/devices-check")
@requires(Role.HELPDESK)
def devices_check(visit_id: int):
    """Each device ticked left with the visitor; one not ticked is recorded as an incident."""
    record = db.get_or_404(Visit, visit_id)
    confirmed = row_ids(request.form.getlist("left"))
    result = restricted.check_devices(db.session, record, current_actor(), confirmed)
    if result.missing:
        flash(_("Device mismatch recorded as an incident: %(devices)s.",
                devices=", ".join(f"{d.kind} {d.brand} ({d.serial})" for d in result.missing)), "error")
        return redirect(safe_next("admin.board"))
    return _back(_("Every device left with %(name)s.", name=record.visitor.full_name))
