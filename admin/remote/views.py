"""Staff screens: the remote-access register, SOP 2 (issue 6). Admin records, Kasubag decides.

The helpdesk has no business with remote accounts: every route here needs Admin or Kasubag.
"""
from __future__ import annotations

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from lpsedesk import audit, held_files, remote_ops
from lpsedesk.auth import current_actor, requires
from lpsedesk.clock import local_to_utc, utc_to_local
from lpsedesk.errors import error_response
from lpsedesk.extensions import db
from lpsedesk.fetch_site import from_this_site_only
from lpsedesk.form_limits import file_beside_typed_fields
from lpsedesk.ids import row_id
from lpsedesk.models import RemoteAccessRequest, utcnow
from lpsedesk.pagination import page_number, paginate
from lpsedesk.roles import Role
from lpsedesk.workflow import RemoteStatus

from .. import bp
from . import held_letter
from .common import VIEWERS, access_rights_options, load, render_detail, split_rights
from .forms import RequestForm, rights_text, with_rights_choices
from .letters import MAX_LETTER_BYTES, LetterError, clean_letter
from .messages import input_message

PAGE_SIZE = 50
# "untold": refused letters whose third party the Admin has not yet told (h35r), the Admin's home's link
FILTERS = ("open", "received", "approved", "active", "untold", "closed", "denied", "all")


@bp.get("/remote/")
@requires(*VIEWERS)
def remote_index():
    shown = request.args.get("status", "open")
    shown = shown if shown in FILTERS else "open"
    page = page_number(request.args.get("page"))
    query = select(RemoteAccessRequest)
    if shown == "open":  # everything not finished: waiting, approved, account open, refusal not yet told
        query = query.where(remote_ops.unfinished())
    elif shown == "untold":
        query = query.where(remote_ops.untold())
    elif shown != "all":
        query = query.where(RemoteAccessRequest.status == shown)
    listed = paginate(db.session, query, RemoteAccessRequest.recorded_at.desc(), RemoteAccessRequest.id.desc(),
                      page=page, per_page=PAGE_SIZE)
    counts = dict(db.session.execute(select(RemoteAccessRequest.status, func.count())
                                     .group_by(RemoteAccessRequest.status)).all())
    counts["all"] = sum(counts.values())
    for name, where in (("open", remote_ops.unfinished()), ("untold", remote_ops.untold())):
        counts[name] = db.session.scalar(select(func.count()).select_from(RemoteAccessRequest).where(where))
    now = utcnow()
    return render_template("admin/remote/index.html", rows=listed.rows, shown=shown, filters=FILTERS,
                           page=listed.page, pages=listed.pages, total=listed.total, more=listed.more, counts=counts, now=now,
                           overdue=remote_ops.overdue_accounts(db.session, now),
                           is_overdue=remote_ops.is_overdue, awaits_telling=remote_ops.awaits_telling, actor=current_actor(),
                           can_record=current_actor().has(Role.ADMIN))


def _new_form(extends: RemoteAccessRequest | None) -> RequestForm:
    options = access_rights_options()
    if request.method == "POST":
        return with_rights_choices(RequestForm(), options)
    form = RequestForm(formdata=None)
    if extends is not None:  # an extension carries the old request over; the Admin edits what changed
        chosen, other = split_rights(extends.rights_granted or extends.rights_requested, options)
        form = RequestForm(formdata=None, requester_name=extends.requester_name, instansi=extends.instansi,
                           purpose=extends.purpose, rights=chosen, rights_other=other,
                           period_start=utc_to_local(extends.approved_until or utcnow()), extends=extends.id)
    return with_rights_choices(form, options)


def _render_new(form: RequestForm, extends: RemoteAccessRequest | None, status: int = 200, error: str = "",
                held: held_letter.HeldLetter | None = None):
    return render_template("admin/remote/new.html", form=form, extends=extends, error=error, held=held,
                           max_bytes=MAX_LETTER_BYTES,
                           input_message=input_message), status


def _letter(form: RequestForm, storage, now) -> tuple[held_letter.HeldLetter | None, int]:
    """The letter for this submission: a newly chosen file, checked and held, or the one held from the
    form's last submission. A problem is said beside the field; a held letter stays held through it."""
    held = held_letter.find(storage, request.form.get(held_letter.FIELD), now)
    upload = form.letter.data
    if not upload:
        if held is None:
            form.letter.errors = [input_message("empty")]
            return None, 400
        return held, 200
    if form.letter.errors:  # its name could not be read (ReadableFileName): not held under it
        return held, 400
    try:
        data, content_type = clean_letter(upload.read(MAX_LETTER_BYTES + 1))
    except LetterError as exc:
        form.letter.errors = [input_message(exc.code)]
        return held, 413 if exc.code == "too_large" else 400
    return held_letter.hold(storage, data, content_type, upload.filename, now, replacing=held), 200


# the field each date problem of remote_ops.request_dates_problem is told beside
DATE_FIELDS = {"period_reversed": "period_end", "period_too_long": "period_end", "period_over": "period_end",
               "letter_in_future": "letter_date"}


@bp.route("/remote/new", methods=["GET", "POST"])
@file_beside_typed_fields(MAX_LETTER_BYTES)
@requires(Role.ADMIN)
def remote_new():
    raw = request.values.get("extends", "")
    extends = load(extends_id) if (extends_id := row_id(raw)) else None
    form = _new_form(extends)
    if request.method == "GET":
        return _render_new(form, extends)
    storage = current_app.extensions["storage"]
    now = utcnow()
    held_files.sweep_expired(storage, now)  # letters held for forms nobody came back to
    form.validate()
    held, letter_status = _letter(form, storage, now)
    # Every problem at once, each beside its field: told one per submission, at the top of the form,
    # the Admin scrolled a phone's length for each (str10).
    rights = rights_text(form.rights.data or [], form.rights_other.data)
    if not rights:
        form.rights.errors.append(input_message("no_rights"))
    if None not in (form.period_start.data, form.period_end.data, form.letter_date.data):
        problem = remote_ops.request_dates_problem(local_to_utc(form.period_start.data),
                                                   local_to_utc(form.period_end.data), form.letter_date.data, now=now)
        if problem:
            getattr(form, DATE_FIELDS[problem]).errors.append(input_message(problem))
    if form.errors or letter_status != 200:
        return _render_new(form, extends, letter_status if letter_status != 200 else 400, held=held)
    key = storage.save(storage.open(held.key), kind="letter")
    data = remote_ops.RequestInput(
        requester_name=form.requester_name.data.strip(), instansi=form.instansi.data.strip(),
        letter_number=form.letter_number.data.strip(), letter_date=form.letter_date.data,
        purpose=form.purpose.data.strip(), rights_requested=rights,
        period_start=local_to_utc(form.period_start.data), period_end=local_to_utc(form.period_end.data),
        letter_key=key, letter_content_type=held.content_type)
    try:
        req = remote_ops.record_request(db.session, current_actor(), data, now=now, extends=extends)
    except remote_ops.RemoteInputError as exc:
        storage.delete(key)  # nothing recorded, so no orphaned letter either; the held one stays held
        # a state conflict with the extended account is a 409; bad dates are a 400
        status = 409 if exc.code in ("extend_not_active", "extension_pending") else 400
        return _render_new(form, extends, status, input_message(exc.code), held=held)
    held_letter.release_after_commit(storage, held)
    flash(_("Request from %(name)s recorded; it now waits for the Kasubag's decision.",
            name=req.requester_name), "info")
    return redirect(url_for("admin.remote_detail", request_id=req.id))


@bp.get("/remote/<int:request_id>")
@requires(*VIEWERS)
def remote_detail(request_id: int):
    return render_detail(load(request_id))


@bp.get("/remote/<int:request_id>/letter")
@requires(*VIEWERS)
@from_this_site_only
def remote_letter(request_id: int):
    req = load(request_id)
    if not req.letter_key:
        return error_response(404, _("No letter was attached."), "no_letter")
    data = current_app.extensions["storage"].open(req.letter_key)
    # A third party's letter is personal data, as a KTP image is: each opening is audited (h45s).
    audit.record(db.session, current_actor(), "remote.letter_viewed", req)
    ext = {"application/pdf": "pdf", "image/png": "png"}.get(req.letter_content_type or "", "jpg")
    response = Response(data, mimetype=req.letter_content_type or "application/octet-stream")
    response.headers["Content-Disposition"] = f'inline; filename="surat-permohonan-{req.id}.{ext}"'
    return response

