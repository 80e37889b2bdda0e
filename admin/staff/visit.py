"""One visit: its page and timeline, the KTP image, and the helpdesk's steps 2, 5, 6 and 7."""
from __future__ import annotations

from flask import current_app, flash, jsonify, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lpsedesk import audit, visit_ops, visit_timeline
from lpsedesk.auth import current_actor, requires
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.fetch_site import from_this_site_only
from lpsedesk.models import Visit, utcnow
from lpsedesk.roles import Role
from lpsedesk.storage import StorageError
from lpsedesk.workflow import InvalidTransition, VisitStatus

from .. import bp
from ..recorded_once import CHECKED_OUT, KTP_CHECKED, REPORTED
from ..redirects import safe_next
from .already import already_done
from .common import ktp_first, rule_error
from .forms import DecisionForm

# Magic numbers of what the kiosk stores; anything else is sent as opaque bytes.
IMAGE_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png", b"RIFF": "image/webp"}


@bp.get("/visits/<int:visit_id>")
@requires()
def visit(visit_id: int):
    return render_template("admin/staff/visit.html", **visit_page_context(db.get_or_404(Visit, visit_id)))


def visit_page_context(record: Visit) -> dict:
    actions = visit_ops.available_actions(record, current_actor(), ktp_first=ktp_first())
    return dict(visit=record, timeline=visit_timeline.build(db.session, record), actor=current_actor(),
                actions=actions, now=utcnow(), form=DecisionForm())


@bp.get("/visits/<int:visit_id>/ktp")
@requires(Role.KASUBAG, Role.HELPDESK)
@from_this_site_only
def ktp_image(visit_id: int):
    """The captured KTP, decrypted for this one response: never cached, every viewing audited."""
    record = db.get_or_404(Visit, visit_id)
    if not record.id_capture_key:
        raise user_error(404, _("No KTP image was captured for this visit."))
    try:
        data = current_app.extensions["storage"].open(record.id_capture_key)
    except StorageError:
        current_app.logger.exception("KTP image of visit %s unreadable", record.id)
        raise user_error(404, _("The KTP image cannot be read.")) from None
    audit.record(db.session, current_actor(), "visit.ktp_viewed", record)
    response = make_response(data)
    response.headers["Content-Type"] = next(
        (kind for magic, kind in IMAGE_TYPES.items() if data.startswith(magic)), "application/octet-stream")
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Disposition"] = "inline"
    return response


@bp.get("/visits/<int:visit_id>/nik")
@requires(Role.KASUBAG, Role.HELPDESK)
@from_this_site_only
def full_nik(visit_id: int):
    """The full NIK for the visit's page, on request: lists show it masked; every viewing is audited."""
    record = db.get_or_404(Visit, visit_id)
    audit.record(db.session, current_actor(), "visit.nik_viewed", record)
    response = jsonify(nik=record.visitor.nik)
    response.headers["Cache-Control"] = "no-store"
    return response


def _done(message: str):
    flash(message, "info")
    return redirect(safe_next("admin.board"))


def _run(step, *args, done: str | None = None, **kwargs):
    """Run a visit_ops step and give back what it returns; its own refusals become readable 409s
    (workflow errors are global). `done`: the step recorded once (recorded_once.py) whose second
    taking names who took it first and when, rather than "cannot become checked out"."""
    try:
        return step(*args, **kwargs)
    except (visit_ops.GuestBookIncomplete, visit_ops.KtpNotChecked, visit_ops.AlreadyDone,
            InvalidTransition) as exc:
        if done and (named := already_done(args[1], done)):
            raise named from None
        if isinstance(exc, InvalidTransition):
            raise
        raise rule_error(exc) from None


@bp.post("/visits/<int:visit_id>/ktp-check")
@requires(Role.HELPDESK)
def check_ktp(visit_id: int):
    record = db.get_or_404(Visit, visit_id)
    _run(visit_ops.check_ktp, db.session, record, current_actor(), done=KTP_CHECKED)
    if record.status == VisitStatus.PENDING:
        # SOP 1: the helpdesk asks the Kasubag once the KTP is shown; here the check is that asking
        # (the request reaches the Kasubag's queue), and nothing said so (h35k)
        return _done(_("Original KTP of %(name)s checked. The request now waits for the Kasubag's decision.",
                       name=record.visitor.full_name))
    return _done(_("Original KTP of %(name)s checked.", name=record.visitor.full_name))


@bp.post("/visits/<int:visit_id>/notes")
@requires(Role.HELPDESK)
def add_note(visit_id: int):
    record = db.get_or_404(Visit, visit_id)
    note = _run(visit_ops.add_note, db.session, record, current_actor(), request.form.get("body", ""),
                request.form.get("kind", "note"))
    if note.kind == "incident":
        # h35k: "Catatan tersimpan." after choosing "Kejadian" left the desk asking whether it was kept
        # as an incident ("Next step" now says what was recorded last, and who reads an incident)
        return _done(_("Incident recorded."))
    return _done(_("Note saved."))


def _ask_first(record: Visit, action: str, **words: str):
    """`step=ask` (a button without JavaScript) only asks: a page naming the visitor whose "Yes"
    posts again, for a step with no way back (ux10 check-out, ux12 withdrawal). None: take the step."""
    if request.form.get("step") != "ask" or action not in visit_ops.available_actions(
            record, current_actor(), ktp_first=ktp_first()):
        return None
    return render_template("admin/staff/ask_first.html", visit=record, back=safe_next("admin.board"), now=utcnow(),
                           action=url_for(request.endpoint, visit_id=record.id), **words)


@bp.post("/visits/<int:visit_id>/checkout")
@requires(Role.HELPDESK)
def check_out(visit_id: int):
    """Check out at the desk; `early=1` ends a visit before its time and then needs a reason.
    Asked first (`_ask_first`): a check-out has no way back (ux10)."""
    record = db.get_or_404(Visit, visit_id)
    name = record.visitor.full_name
    if asked := _ask_first(record, "check_out", question=_("Check out %(name)s?", name=name),
                           yes=_("Yes, check out"), no=_("Cancel")):
        return asked
    reason = request.form.get("reason", "")[:500]
    early = request.form.get("early") == "1"
    _run(visit_ops.check_out, db.session, record, current_actor(), reason=reason, early=early, done=CHECKED_OUT)
    message = _("Visit of %(name)s ended early.") if early else _("%(name)s checked out.")
    flash(message % {"name": name}, "info")
    back = safe_next("admin.board")
    if back == url_for("admin.board"):
        # ux17: the board opens with this visit's next SOP step (guest book, report) at its top: the
        # "To report" card lay a screen below on a desk PC, three on a phone, past every waiting request.
        back = url_for("admin.board", out=record.id)
    return redirect(back)


@bp.post("/visits/<int:visit_id>/withdraw")
@requires(Role.HELPDESK)
def withdraw_visit(visit_id: int):
    """The visitor no longer waits for the Kasubag's answer (told the desk, or left): the waiting
    request is withdrawn in their name, recorded as done by this helpdesk user (ux12). Asked first."""
    record = db.get_or_404(Visit, visit_id)
    name = record.visitor.full_name
    if asked := _ask_first(record, "withdraw", question=_("Withdraw the visit request of %(name)s?", name=name),
                           yes=_("Yes, withdraw"), no=_("No")):
        return asked
    visit_ops.withdraw(db.session, record, current_actor())
    return _done(_("The visit request of %(name)s was withdrawn.", name=name))


@bp.post("/visits/<int:visit_id>/report")
@requires(Role.HELPDESK)
def report_visit(visit_id: int):
    record = db.get_or_404(Visit, visit_id)
    _run(visit_ops.report, db.session, record, current_actor(), done=REPORTED)
    return _done(_("Visit of %(name)s reported to the Kasubag.", name=record.visitor.full_name))
