"""The Kasubag's approval queue, decisions and the acknowledgement of reports."""
from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _, ngettext

from lpsedesk import remote_ops, visit_ops
from lpsedesk import visit_queries as q
from lpsedesk.auth import comes_back_to, current_actor, requires
from lpsedesk.errors import user_error, workflow_message
from lpsedesk.extensions import db
from lpsedesk.i18n import format_wib
from lpsedesk.ids import row_ids
from lpsedesk.invitations import queries as invitation_queries
from lpsedesk.labels import status_label, stored_refusal_reason
from lpsedesk.models import Visit, utcnow
from lpsedesk.roles import Role
from lpsedesk.visit_ops import KtpNotChecked
from lpsedesk.workflow import InvalidInput, InvalidTransition, MissingReason, allowed_targets

from .. import bp
from ..decided import background, decided_message
from ..recorded_once import ACKNOWLEDGED
from ..redirects import safe_next
from .already import already_decided, already_done
from .common import ktp_first, reason_needed_message, rule_error
from .forms import DecisionForm
from .visit import visit_page_context

DECISIONS = visit_ops.DECISIONS
# A restricted visit approved with no escort chosen, or one who may not escort (restricted.name_escort)
ESCORT_RULES = ("escort_required", "escort_invalid")


def queue_context() -> dict:
    ready, waiting_check = q.split_for_kasubag(q.pending(db.session), ktp_first())
    invited = invitation_queries.by_visit(db.session, [v.id for v in ready + waiting_check])
    decided = q.decided_today(db.session, utcnow())
    return dict(ready=ready, waiting_check=waiting_check, invited=invited, remote=q.remote_waiting(db.session),
                decided=decided, decided_letters=remote_ops.decided_today(db.session, utcnow()), reports=(reports := q.reported_unacknowledged(db.session)),
                overdue=remote_ops.overdue_accounts(db.session, utcnow()),
                together=visit_ops.acknowledged_together(reports),
                reports_open_folded=visit_ops.reports_in_sight(reports),
                actor=current_actor(), allowed=allowed_targets, now=utcnow(), form=DecisionForm(),
                approvable=remote_ops.approvable_as_asked, same_name=q.same_names(ready + waiting_check + decided))


@bp.get("/queue")
@requires(Role.KASUBAG)
def queue():
    return render_template("admin/staff/queue.html", **queue_context())


@bp.get("/queue/fragment")
@requires(Role.KASUBAG)
def queue_fragment():
    return render_template("admin/staff/_queue.html", **queue_context())


def _already_decided(record) -> str:
    if named := already_decided(record):
        return named
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
    except InvalidInput as exc:
        if exc.code not in ESCORT_RULES:
            raise
        return _escort_missing(record, workflow_message(exc))
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
    return _decided_from(visit, refused_without_reason=visit.id), 400


def _escort_missing(visit, message: str):
    """h35k: a restricted visit approved with no escort chosen. It was a page of its own ("Maaf ...",
    "Kembali") that left the phone's queue; now, as a refusal without a reason, nothing is saved and the
    message stands beside the escort picker of the page the Kasubag decided from."""
    if background():
        return jsonify(error="escort_required", field="escort_id", message=message), 400
    return _decided_from(visit, escort_problem=(visit.id, message)), 400


def _decided_from(visit, **shown) -> str:
    """The page the decision was sent from (the visit's own, or the queue), drawn again with `shown`."""
    if request.form.get("next", "").split("#")[0] == url_for("admin.visit", visit_id=visit.id):
        return render_template("admin/staff/visit.html", **visit_page_context(visit), **shown)
    return render_template("admin/staff/queue.html", **queue_context(), **shown)


@bp.post("/visits/<int:visit_id>/decision")
@requires(Role.KASUBAG)
@comes_back_to(lambda visit_id: url_for("admin.visit", visit_id=visit_id, unsent=1, _anchor="next-step"),
               from_list=lambda visit_id: url_for("admin.queue", unsent=f"visit-{visit_id}"))
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
        raise (already_done(visit, ACKNOWLEDGED) or rule_error(exc)) from None
    flash(_("Report of %(name)s acknowledged.", name=visit.visitor.full_name), "info")
    return redirect(safe_next("admin.queue"))


@bp.post("/reports/acknowledge")
@requires(Role.KASUBAG)
def acknowledge_all():
    """Acknowledge at once every report the Kasubag had on screen (not ones that arrived since),
    but not one with an incident (visit_ops.acknowledged_together): it is left to read on its own."""
    ids = row_ids(request.form.getlist("ids"))
    shown = [visit for visit in q.reported_unacknowledged(db.session) if visit.id in ids]
    together = visit_ops.acknowledged_together(shown)
    for visit in together:
        visit_ops.acknowledge(db.session, visit, current_actor())
    flash(ngettext("%(num)d report acknowledged.", "%(num)d reports acknowledged.", len(together)), "info")
    if left := len(shown) - len(together):
        flash(ngettext("%(num)d report with an incident is still waiting: open it, read it, then acknowledge it.",
                       "%(num)d reports with an incident are still waiting: open each, read it, then acknowledge it.",
                       left), "info")
    return redirect(safe_next("admin.queue"))
