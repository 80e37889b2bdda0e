"""The helpdesk acts on the Kasubag's decision: lets the approved visitor in, or tells the refusal (h36d)."""
from __future__ import annotations

from flask import flash, redirect, request
from flask_babel import gettext as _

from lpsedesk import decision_told, restricted
from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.models import Visit, utcnow
from lpsedesk.roles import Role
from lpsedesk.workflow import VisitStatus

from .. import bp
from ..recorded_once import LET_IN, VISITOR_TOLD
from ..redirects import safe_next
from .already import already_done
from .common import user_name


def already_told(visit: Visit):
    """The 409 naming who acted on the decision first, and when (WIB), for the second helpdesk PC; read
    from the visit's stamp as every other step recorded once is (admin/recorded_once.first_recorded)."""
    return already_done(visit, LET_IN if visit.status == VisitStatus.APPROVED else VISITOR_TOLD)


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
    except decision_told.AlreadyTold as exc:  # the other PC's record, read afresh
        raise already_told(visit) or exc from None
    if into_area:
        flash(_("Recorded: %(name)s was let in and entered the restricted area with %(escort)s.",
                name=visit.visitor.full_name, escort=user_name(visit.escort_id) or "-"), "info")
    elif visit.status == VisitStatus.APPROVED:
        flash(_("Recorded: %(name)s was let in.", name=visit.visitor.full_name), "info")
    else:
        flash(_("Recorded: %(name)s was told of the refusal.", name=visit.visitor.full_name), "info")
    return redirect(safe_next("admin.board"))
