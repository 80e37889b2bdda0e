"""Staff screens: invite one visitor, list invitations, an invitation's page (QR, link, text to copy),
cancel one. The helpdesk and the Admin invite; every staff member may look."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lpsedesk import settings as office
from lpsedesk.auth import current_actor, requires
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.invitations import codes, queries, rules
from lpsedesk.models import Invitation, utcnow
from lpsedesk.roles import STAFF_ROLES, Role
from lpsedesk.workflow import InvalidTransition

from .. import bp
from . import common
from .forms import DecisionForm, InvitationForm
from .messages import field_message, presence_text, status_text

# A domain field's problem is shown under this form field.
FORM_FIELD = {"window": "end"}


def mark_errors(form, problems: dict[str, str]) -> None:
    for key, problem in problems.items():
        target = getattr(form, FORM_FIELD.get(key, key), None) or form.end
        target.errors = [*target.errors, field_message(problem)]


@bp.context_processor
def _helpers() -> dict:
    return {"invitation_status_text": status_text, "presence_text": presence_text, "invitation_when": common.when,
            "invitation_choice": common.choice}


@bp.get("/invitations/")
@requires(*STAFF_ROLES)
def invitations():
    now = utcnow()
    return render_template("admin/invitations/index.html", rows=queries.upcoming(db.session, now),
                           events=queries.events(db.session, now), can_invite=current_actor().has(*common.INVITERS))


@bp.route("/invitations/new", methods=["GET", "POST"])
@requires(*common.INVITERS)
def invitation_new():
    form = common.with_choices(InvitationForm())
    if request.method == "GET":
        form.event_name.data = request.args.get("event", "")[:120]
        return render_template("admin/invitations/new.html", form=form)
    if not form.validate_on_submit():
        return render_template("admin/invitations/new.html", form=form), 400
    draft = common.common_draft(form)
    draft.full_name, draft.nik, draft.phone = form.full_name.data, form.nik.data or "", form.phone.data
    draft.institution, draft.category = form.institution.data, form.category.data or ""
    purposes, facilities = common.office_choices()
    try:
        invitation = rules.create(db.session, current_actor(), draft, purposes=purposes, facilities=facilities)
    except rules.InvitationError as exc:
        mark_errors(form, exc.fields)
        return render_template("admin/invitations/new.html", form=form), 400
    flash(_("Invitation for %(name)s created. Print it or copy the text below into a message.",
            name=invitation.full_name), "info")
    return redirect(url_for("admin.invitation", invitation_id=invitation.id))


@bp.get("/invitations/<int:invitation_id>")
@requires(*STAFF_ROLES)
def invitation(invitation_id: int):
    inv = db.get_or_404(Invitation, invitation_id)
    actor = current_actor()
    lpse_name = office.get(db.session, "lpse_name")
    return render_template(
        "admin/invitations/detail.html", inv=inv, qr=common.qr(inv), link=common.link(inv),
        code=codes.pretty(common.code(inv)), text=common.share_text(inv, lpse_name),
        problem=rules.use_problem(inv, utcnow()), presence=queries.presence(inv),
        can_cancel=actor.has(*common.INVITERS) and inv.status not in ("used", "cancelled"),
        can_decide=actor.has(Role.KASUBAG) and inv.status == "open" and inv.ends_at > utcnow(),
        form=DecisionForm())


@bp.post("/invitations/<int:invitation_id>/cancel")
@requires(*common.INVITERS)
def invitation_cancel(invitation_id: int):
    inv = db.get_or_404(Invitation, invitation_id)
    try:
        rules.cancel(db.session, inv, current_actor())
    except InvalidTransition:
        raise user_error(409, _("This invitation was already used or cancelled.")) from None
    flash(_("Invitation for %(name)s cancelled: its code no longer works.", name=inv.full_name), "info")
    return redirect(url_for("admin.invitation", invitation_id=inv.id))
