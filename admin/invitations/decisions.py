"""The Kasubag decides invitations in advance (SOP 1 step 4, taken before the visit): one at a time,
or every invitation of a training that was on the screen, at once. The queue shows them as such, and
sends these decisions in the background as it sends a visit's (queue.js, h46h): the answer is then a
line to show (JSON), or the missing field to say beside its box, instead of a redirect to the page's top."""
from __future__ import annotations

from itertools import groupby

from flask import flash, jsonify, redirect, request, url_for
from flask_babel import gettext as _, ngettext

from lpsedesk.auth import comes_back_to, current_actor, requires
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.ids import row_ids
from lpsedesk.invitations import queries, rules
from lpsedesk.models import Invitation, utcnow
from lpsedesk.roles import Role
from lpsedesk.workflow import InvalidTransition, MissingReason, WorkflowError

from .. import bp
from ..decided import background
from ..redirects import safe_next
from .forms import DecisionForm


def awaiting_groups() -> list[tuple[str | None, list[Invitation]]]:
    """Open invitations for the Kasubag's queue, a training's together (None: single invitations)."""
    rows = sorted(queries.awaiting_decision(db.session, utcnow()), key=lambda i: (i.event_name or "", i.starts_at))
    return [(name or None, list(group)) for name, group in groupby(rows, key=lambda i: i.event_name or "")]


@bp.context_processor
def _queue_helpers() -> dict:
    # Called by the queue template only when it is shown to a Kasubag.
    return {"invitations_awaiting": awaiting_groups}


@bp.post("/invitations/<int:invitation_id>/decision")
@requires(Role.KASUBAG)
@comes_back_to(lambda invitation_id: url_for("admin.invitation", invitation_id=invitation_id, unsent=1))
def invitation_decide(invitation_id: int):
    inv = db.get_or_404(Invitation, invitation_id)
    form = DecisionForm()
    decision = request.form.get("decision", "")
    if not form.validate_on_submit() or decision not in ("approve", "deny"):
        raise user_error(400, _("Choose approve or refuse; a refusal needs a reason of at most 500 characters."))
    try:
        rules.decide(db.session, inv, decision, current_actor(), reason=form.reason.data or "")
    except MissingReason:
        if background():
            # said beside the invitation's reason box (field_needed.js), as a visit's is
            return jsonify(error="reason_required", field="reason", message=_("A refusal needs a reason.")), 400
        raise user_error(400, _("A refusal needs a reason.")) from None
    except InvalidTransition:
        raise user_error(409, _("This invitation was already decided, used or cancelled, or its time has passed.")) from None
    except WorkflowError:
        raise user_error(400, _("Choose approve or refuse; a refusal needs a reason of at most 500 characters.")) from None
    return _said(_decided_early(decision, inv.full_name))


@bp.post("/invitations/approve-all")
@requires(Role.KASUBAG)
def invitation_approve_all():
    """Approve in advance the open invitations the Kasubag had on screen (not ones added since)."""
    if not DecisionForm().validate_on_submit():
        raise user_error(400, _("The form has expired. Reload the page and try again."))
    ids = row_ids(request.form.getlist("ids"))
    done = 0
    for inv in queries.awaiting_decision(db.session, utcnow()):
        if inv.id in ids:
            rules.decide(db.session, inv, "approve", current_actor())
            done += 1
    return _said(ngettext("%(num)d invitation approved in advance.", "%(num)d invitations approved in advance.", done))


def _decided_early(decision: str, name: str) -> str:
    """Which way it went, as for a visit (decided.decided_message), and that it was taken in advance."""
    if decision == "approve":
        return _("Approved in advance: %(name)s.", name=name)
    return _("Refused in advance: %(name)s.", name=name)


def _said(message: str):
    """The queue's background decision (queue.js) shows the line at once; a posted form reads it flashed."""
    if background():
        return {"message": message}
    flash(message, "info")
    return redirect(safe_next("admin.queue"))


