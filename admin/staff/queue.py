"""The Kasubag's approval queue, decisions and the acknowledgement of reports."""
from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _, ngettext

from lpsedesk import remote_ops, visit_ops
from lpsedesk import visit_queries as q
from lpsedesk.auth import current_actor, requires
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.i18n import format_wib
from lpsedesk.ids import row_ids
from lpsedesk.invitations import queries as invitation_queries
from lpsedesk.labels import status_label, stored_refusal_reason
from lpsedesk.models import Visit, utcnow
from lpsedesk.roles import Role
from lpsedesk.visit_ops import KtpNotChecked
from lpsedesk.workflow import InvalidTransition, MissingReason, allowed_targets

from .. import bp
from ..decided import background, decided_message
from ..redirects import safe_next
from .common import ktp_first, reason_needed_message, rule_error
from .forms import DecisionForm
from .visit import visit_page_context

DECISIONS = visit_ops.DECISIONS


def queue_context() -> dict:
    ready, waiting_check = q.split_for_kasubag(q.pending(db.session), ktp_first())
    invited = invitation_queries.by_visit(db.session, [v.id for v in ready + waiting_check])
    return dict(ready=ready, waiting_check=waiting_check, invited=invited, remote=q.remote_waiting(db.session),
                decided=q.decided_today(db.session, utcnow()), reports=q.reported_unacknowledged(db.session),
                actor=current_actor(), allowed=allowed_targets, now=utcnow(), form=DecisionForm(),
                approvable=remote_ops.approvable_as_asked)


@bp.get("/queue")
@requires(Role.KASUBAG)
def queue():
    return render_template("admin/staff/queue.html", **queue_context())


@bp.get("/queue/fragment")
@requires(Role.KASUBAG)
def queue_fragment():
    return render_template("admin/staff/_queue.html", **queue_context())


def _already_decided(record) -> str:
    when = format_wib(record.decided_at, "%H:%M") if record.decided_at else ""
    return _("This visit request was already %(status)s by %(who)s at %(time)s.",
             status=status_label(record.status), who=record.decided_by_label or "-", time=when)


def _decide(record, name: str):
    """Approve or refuse a visit or a remote-access request; one commit, a 409 page if already decided."""
    form = DecisionForm()
    decision = request.form.get("decision", "")
    if not form.validate_on_submit() or decision not in DECISIONS:
        raise user_error(400, _("Choose approve or refuse; a refusal needs a reason of at most 500 characters."))
    try:
        visit_ops.decide(db.session, record, decision, current_actor(), reason=stored_refusal_reason(form.reason.data or ""),
                         require_ktp_check=ktp_first(), escort_id=request.form.get("escort_id") or None)
    except KtpNotChecked as exc:
        raise rule_error(exc) from None
    except MissingReason:
        return _reason_missing(record)
    except InvalidTransition:
        db.session.refresh(record)
        if record.status == "pending" or record.decided_at is None:
            raise
        return render_template("admin/staff/conflict.html", message=_already_decided(record)), 409
    success_message = decided_message(decision, name)
    if background():
        return {"message": success_message}
    flash(success_message, "info")
    return redirect(safe_next("admin.dashboard"))


def _reason_missing(visit):
    """A refusal sent without a reason (the browser let it through, or no script ran): 400, nothing
    saved, and the message beside the reason box of the page the Kasubag decided from (ux13)."""
    message = reason_needed_message()
    if background():
        return jsonify(error="reason_required", field="reason", message=message), 400
    if request.form.get("next", "").split("#")[0] == url_for("admin.visit", visit_id=visit.id):
        page = render_template("admin/staff/visit.html", **visit_page_context(visit), refused_without_reason=visit.id)
    else:
        page = render_template("admin/staff/queue.html", **queue_context(), refused_without_reason=visit.id)
    return page, 400


@bp.post("/visits/<int:visit_id>/decision")
@requires(Role.KASUBAG)
def decide_visit(visit_id: int):
    visit = db.get_or_404(Visit, visit_id)
    return _decide(visit, visit.visitor.full_name)


@bp.post("/visits/<int:visit_id>/acknowledge")
@requires(Role.KASUBAG)
def acknowledge_visit(visit_id: int):
    visit = db.get_or_404(Visit, visit_id)
    try:
        visit_ops.acknowledge(db.session, visit, current_actor())
    except visit_ops.AlreadyDone as exc:
        raise rule_error(exc) from None
    flash(_("Report of %(name)s acknowledged.", name=visit.visitor.full_name), "info")
    return redirect(safe_next("admin.queue"))


@bp.post("/reports/acknowledge")
@requires(Role.KASUBAG)
def acknowledge_all():
    """Acknowledge at once every report the Kasubag had on screen (not ones that arrived since)."""
    ids = row_ids(request.form.getlist("ids"))
    done = 0
    for visit in q.reported_unacknowledged(db.session):
        if visit.id in ids:
            visit_ops.acknowledge(db.session, visit, current_actor())
            done += 1
    flash(ngettext("%(num)d report acknowledged.", "%(num)d reports acknowledged.", done), "info")
    return redirect(safe_next("admin.queue"))
