"""The staff home page and the Kasubag's decisions on visits and remote-access requests."""
from __future__ import annotations

from datetime import timedelta

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from lpsedesk import audit
from lpsedesk.auth import current_actor, requires
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest, Visit, utcnow
from lpsedesk.roles import Role
from lpsedesk.workflow import RemoteStatus, VisitStatus, allowed_targets

from . import bp
from .forms import DecisionForm

DECISIONS = {"approve": "approved", "deny": "denied"}


@bp.get("/")
@requires()
def dashboard():
    pending = db.session.scalars(
        select(Visit).where(Visit.status == VisitStatus.PENDING).order_by(Visit.submitted_at)).all()
    inside = db.session.scalars(
        select(Visit).where(Visit.status == VisitStatus.APPROVED).order_by(Visit.decided_at)).all()
    remote = db.session.scalars(
        select(RemoteAccessRequest).where(RemoteAccessRequest.status == RemoteStatus.RECEIVED)
        .order_by(RemoteAccessRequest.recorded_at)).all()
    return render_template("admin/dashboard.html", pending=pending, inside=inside, remote=remote,
                           actor=current_actor(), allowed=allowed_targets, now=utcnow(),
                           form=DecisionForm())


def _decide(record, success_message: str):
    form = DecisionForm()
    target = DECISIONS.get(request.form.get("decision", ""))
    if not form.validate_on_submit() or target is None:
        raise user_error(400, _("Choose approve or refuse; a refusal needs a reason of at most 500 characters."))
    audit.apply_transition(db.session, record, target, current_actor(), reason=form.reason.data or "")
    if target == "approved" and isinstance(record, Visit):
        record.approved_until = utcnow() + timedelta(minutes=record.planned_minutes)
    db.session.commit()  # one commit, at the edge; a lost race raises StaleDataError -> 409
    flash(success_message, "info")
    return redirect(url_for("admin.dashboard"))


@bp.post("/visits/<int:visit_id>/decision")
@requires(Role.KASUBAG)
def decide_visit(visit_id: int):
    visit = db.get_or_404(Visit, visit_id)
    return _decide(visit, _("Decision saved for %(name)s.", name=visit.visitor.full_name))
