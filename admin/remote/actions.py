"""SOP 2 steps on one request: the Kasubag's decision, the account given, the account closed, and the
third party told of a refusal."""
from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lpsedesk import audit, remote_ops
from lpsedesk.auth import comes_back_to, current_actor, requires
from lpsedesk.clock import local_to_utc
from lpsedesk.errors import user_error, workflow_message
from lpsedesk.extensions import db
from lpsedesk.labels import stored_refusal_reason
from lpsedesk.models import utcnow
from lpsedesk.passwords import generate_password
from lpsedesk.roles import Role
from lpsedesk.workflow import InvalidTransition, MissingReason, RemoteStatus, WorkflowError, check_transition

from .. import bp
from ..decided import background, decided_message
from ..recorded_once import (ACCOUNT_CLOSED, ACCOUNT_GIVEN, REMOTE_APPROVED, REMOTE_REFUSED, THIRD_PARTY_TOLD,
                             first_recorded)
from ..redirects import safe_next
from .common import access_rights_options, check_version, input_error, load, render_detail
from .forms import CloseForm, DecisionForm, GiveForm, TellForm, rights_text, with_rights_choices
from .messages import input_message


def typed_again(req, exc: WorkflowError, field, status: int = 400, **forms):
    """What was typed refused by the core: the same page again with the reason beside the field to
    change and everything typed kept, rather than a page that only says "Back" (nothing is saved)."""
    message = input_message(exc.code, req) if isinstance(exc, remote_ops.RemoteInputError) else workflow_message(exc)
    field.errors = [*field.errors, message]
    return render_detail(req, status, **forms)


@bp.post("/remote/<int:request_id>/decision")
@requires(Role.KASUBAG)
@comes_back_to(lambda request_id: url_for("admin.remote_detail", request_id=request_id, unsent=1,
                                          _anchor="next-step"),
               from_list=lambda request_id: url_for("admin.queue", unsent=f"remote-{request_id}"))
def decide_remote(request_id: int):
    req = load(request_id)
    actor = current_actor()
    decision = request.form.get("decision", "")
    # The workflow's verdict (state, role, separation of duties) comes before any form check: the
    # recorder hears why, whatever was sent; a request already decided is a 409, not a form error.
    _first_wins(req, RemoteStatus.APPROVED, actor)
    form = DecisionForm()
    if decision not in ("approve", "deny"):
        return render_detail(req, 400, decision_form=form, decision_error=input_message("bad_decision"))
    if not form.validate_on_submit():
        # each problem is said beside its field (a day typed wrongly is no "choose approve or refuse")
        said = form.approved_until.errors or form.reason.errors
        return render_detail(req, 400, decision_form=form, decision_error="" if said else input_message("bad_decision"))
    check_version(req, form.version.data)
    now = utcnow()
    try:
        if decision == "approve":
            remote_ops.approve(db.session, req, actor, approved_until=local_to_utc(form.approved_until.data), now=now)
        else:
            # a chip tapped on an English screen is kept in the Formulir's Indonesian (h22u)
            remote_ops.deny(db.session, req, actor, reason=stored_refusal_reason(form.reason.data or ""), now=now)
    except MissingReason as exc:
        if background():
            # the queue's card (h23k): said beside its reason box, as a visit's is (queue.js)
            return jsonify(error="reason_required", field="reason", message=workflow_message(exc)), 400
        return typed_again(req, exc, form.reason, decision_form=form)
    except remote_ops.RemoteInputError as exc:
        return typed_again(req, exc, form.approved_until if decision == "approve" else form.reason, decision_form=form)
    message = decided_message(decision, req.requester_name)
    if background():
        return {"message": message}  # the queue shows it at once (queue.js), as for a visit
    flash(message, "info")
    if request.form.get("back") == "dashboard":
        return redirect(url_for("admin.dashboard"))
    return redirect(safe_next("admin.remote_detail", request_id=req.id))


@bp.post("/remote/<int:request_id>/account")
@requires(Role.ADMIN)
def remote_give(request_id: int):
    req = load(request_id)
    _first_wins(req, RemoteStatus.ACTIVE, current_actor())  # a 409 before any form error
    form = with_rights_choices(GiveForm(), access_rights_options())
    if not form.validate_on_submit():
        return render_detail(req, 400, give_form=form)
    rights = rights_text(form.rights.data or [], form.rights_other.data)
    if not rights:
        return render_detail(req, 400, give_form=form, give_error=input_message("no_rights"))
    check_version(req, form.version.data)
    actor, now = current_actor(), utcnow()
    try:
        remote_ops.give_account(db.session, req, actor, username=form.username.data.strip(),
                                rights_granted=rights, granted_at=local_to_utc(form.granted_at.data), now=now)
    except remote_ops.RemoteInputError as exc:
        if exc.code == "approval_lapsed":
            raise input_error(exc) from None
        field = form.username if exc.code == "username_in_use" else form.granted_at
        return typed_again(req, exc, field, 409 if exc.code == "username_in_use" else 400, give_form=form)
    password = None
    if form.generate_password.data:
        # Shown once on this response and never stored: not in the database, the session or a log.
        password = generate_password(16)
        audit.record(db.session, actor, "remote.password_generated", req, details={"length": len(password)}, at=now)
    if password is None:
        flash(_("Account %(username)s recorded as given.", username=req.username), "info")
        return redirect(url_for("admin.remote_detail", request_id=req.id))
    return render_template("admin/remote/password.html", req=req, password=password)


@bp.post("/remote/<int:request_id>/close")
@requires(Role.ADMIN)
def remote_close(request_id: int):
    req = load(request_id)
    _first_wins(req, RemoteStatus.CLOSED, current_actor())  # a 409 before any form error
    form = CloseForm()
    if not form.validate_on_submit():
        return render_detail(req, 400, close_form=form)
    check_version(req, form.version.data)
    now = utcnow()
    try:
        remote_ops.close_account(db.session, req, current_actor(), closed_at=local_to_utc(form.closed_at.data),
                                 note=(form.note.data or "").strip(), now=now)
    except remote_ops.RemoteInputError as exc:
        return typed_again(req, exc, form.closed_at, close_form=form)
    # h40w: SOP 2 has the Admin update the form on closing; the form is drawn from this record, so say so
    flash(_("Account %(username)s closed. Its closing time is now on the Formulir.", username=req.username or "-"), "info")
    return redirect(url_for("admin.remote_detail", request_id=req.id))


def _first_wins(req, target: RemoteStatus, actor) -> None:
    """The workflow's verdict on `target`; a step another member of staff already recorded (the other
    Kasubag's decision, another PC's account given or closed) is a 409 naming who and when (h39a)."""
    try:
        check_transition(req, target, actor)
    except InvalidTransition:
        if named := _already(req, target):
            raise user_error(409, named) from None
        raise


def _already(req, target: RemoteStatus) -> str | None:
    if target == RemoteStatus.APPROVED:
        return first_recorded(req, REMOTE_REFUSED if req.status == RemoteStatus.DENIED else REMOTE_APPROVED)
    if target == RemoteStatus.ACTIVE:
        return first_recorded(req, ACCOUNT_GIVEN)
    if target == RemoteStatus.CLOSED:
        return first_recorded(req, ACCOUNT_CLOSED)
    return None


def _already_told(req):
    """409 on the letter's page as it now is: who told the third party, and when."""
    return render_detail(req, 409, tell_error=first_recorded(req, THIRD_PARTY_TOLD))


@bp.post("/remote/<int:request_id>/told")
@requires(Role.ADMIN)
def remote_told(request_id: int):
    """The Admin records that the third party of a refused letter was told (h35r)."""
    req = load(request_id)
    actor = current_actor()
    # the core's verdict before any form check: a letter already answered, or not refused, is a 409
    if (problem := remote_ops.telling_refused(req, actor)) is not None:
        if isinstance(problem, remote_ops.AlreadyTold):
            return _already_told(req)
        raise problem
    form = TellForm()
    if not form.validate_on_submit():
        return render_detail(req, 400, tell_form=form)
    check_version(req, form.version.data)
    try:
        remote_ops.record_refusal_told(db.session, req, actor, told_at=local_to_utc(form.told_at.data),
                                       note=form.note.data or "", now=utcnow())
    except remote_ops.AlreadyTold:  # another Admin's answer was written at the same instant
        return _already_told(req)
    except remote_ops.RemoteInputError as exc:
        return typed_again(req, exc, form.note if exc.code == "told_note_too_long" else form.told_at, tell_form=form)
    flash(_("Recorded: %(name)s was told of the refusal.", name=req.requester_name), "info")
    return redirect(url_for("admin.remote_detail", request_id=req.id))
