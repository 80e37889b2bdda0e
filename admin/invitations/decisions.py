"""The Kasubag decides invitations in advance (SOP 1 step 4, taken before the visit): one at a time,
or every invitation of a training that was on the screen, at once. The queue shows them as such."""
from __future__ import annotations

from itertools import groupby

from flask import flash, redirect, request, url_for
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
        raise user_error(400, _("A refusal needs a reason.")) from None
    except InvalidTransition:
        raise user_error(409, _("This invitation was already decided, used or cancelled, or its time has passed.")) from None
    except WorkflowError:
        raise user_error(400, _("Choose approve or refuse; a refusal needs a reason of at most 500 characters.")) from None
    flash(_("Decision saved for the invitation of %(name)s.", name=inv.full_name), "info")
    return redirect(safe_next("admin.queue"))


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
    flash(ngettext("%(num)d invitation approved in advance.", "%(num)d invitations approved in advance.", done), "info")
    return redirect(safe_next("admin.queue"))


