"""The helpdesk acts on the Kasubag's decision: lets the approved visitor in, or tells the refusal (h36d)."""
from __future__ import annotations

from flask import flash, redirect, request
from flask_babel import gettext as _

from lpsedesk import decision_told, restricted
from lpsedesk.auth import current_actor, requires
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.models import Visit, utcnow
from lpsedesk.roles import Role
from lpsedesk.workflow import VisitStatus

from .. import bp
from ..recorded_once import LET_IN, VISITOR_TOLD, already_recorded
from ..redirects import safe_next
from .common import user_name


def already_told_message(visit: Visit) -> str:
    """Who acted on the decision first, and when (WIB): said to the second helpdesk PC."""
    step = LET_IN if visit.status == VisitStatus.APPROVED else VISITOR_TOLD
    return already_recorded(step, user_name(visit.decision_told_by_id), visit.decision_told_at)


@bp.post("/visits/<int:visit_id>/told")
@requires(Role.HELPDESK)
def visit_told(visit_id: int):
    """SOP 1: the helpdesk let the approved visitor in (a restricted one, with `area=1`, straight into
    the area with the escort), or told the refused one why; recorded once."""
    visit = db.get_or_404(Visit, visit_id)
    # h37c: `area=1`, a restricted visitor let in straight into the area with the escort (one tap)
    into_area = request.form.get("area") == "1"
    step = restricted.let_in_to_area if into_area else decision_told.record_told
    try:
        step(db.session, visit, current_actor(), now=utcnow())
    except decision_told.AlreadyTold:  # the other PC's record, read afresh
        raise user_error(409, already_told_message(visit)) from None
    if into_area:
        flash(_("Recorded: %(name)s was let in and entered the restricted area with %(escort)s.",
                name=visit.visitor.full_name, escort=user_name(visit.escort_id) or "-"), "info")
    elif visit.status == VisitStatus.APPROVED:
        flash(_("Recorded: %(name)s was let in.", name=visit.visitor.full_name), "info")
    else:
        flash(_("Recorded: %(name)s was told of the refusal.", name=visit.visitor.full_name), "info")
    return redirect(safe_next("admin.board"))
