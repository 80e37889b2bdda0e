"""Printable SOP 2 documents (form per period, record per request) and the daily digest."""
from __future__ import annotations

from flask import Response, render_template, request
from flask_babel import gettext as _

from lpsedesk import office_hours, remote_ops
from lpsedesk.auth import requires
from lpsedesk.clock import to_wib, wib_date
from lpsedesk.errors import user_error
from lpsedesk.exports import DocumentSpec, PeriodError, parse_period, render_csv, render_pdf, render_xlsx
from lpsedesk.extensions import db
from lpsedesk.fetch_site import from_this_site_only
from lpsedesk.models import utcnow
from lpsedesk.office_hours_text import day_text
from lpsedesk.workflow import RemoteStatus

from .. import bp
from ..exported import record_export
from .common import VIEWERS, load
from .documents import form_spec, record_spec

FORMATS = {
    "pdf": ("application/pdf", render_pdf),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", render_xlsx),
    "csv": ("text/csv", render_csv),  # Werkzeug adds "; charset=utf-8" to text/* once
}


def _period():
    """The period asked for in the query string; the current WIB month by default."""
    now = to_wib(utcnow())
    kind = request.args.get("kind", "month")
    # The form's inputs are named "month" and "quarter" so both can sit on the page without JS.
    value = request.args.get("value") or request.args.get(kind, "")
    if kind == "month" and not value:
        value = f"{now:%Y-%m}"
    try:
        return parse_period(kind, value, request.args.get("start", ""), request.args.get("end", ""))
    except PeriodError as exc:
        messages = {
            "reversed": _("The end of the period must come after its start."),
            "too_long": _("A period may cover at most three years."),
            "bad_month": _("Write the month as mm/yyyy, e.g. 11/2026."),
        }
        raise user_error(400, messages.get(exc.code, _("Choose a month, a quarter or two dates."))) from None


def _download(spec: DocumentSpec, fmt: str) -> Response:
    if fmt not in FORMATS:
        raise user_error(404, _("This format is not available."))
    mimetype, render = FORMATS[fmt]
    response = Response(render(spec), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{spec.filename(fmt)}"'
    return response


@bp.get("/remote/form")
@requires(*VIEWERS)
def remote_form():
    period = _period()
    spec = form_spec(db.session, period, utcnow())
    now = to_wib(utcnow())
    value = {"month": f"{period.start:%Y-%m}",
             "quarter": f"{period.start.year}-Q{(period.start.month - 1) // 3 + 1}"}.get(period.kind, "")
    return render_template("admin/remote/form.html", spec=spec, period=period, value=value,
                           # shown as 11/2026 whatever the browser (its month picker spoke its own language)
                           month=f"{period.start:%m/%Y}" if period.kind == "month" else f"{now:%m/%Y}",
                           quarter=value if period.kind == "quarter" else f"{now.year}-Q{(now.month - 1) // 3 + 1}")


@bp.get("/remote/form.<fmt>")
@requires(*VIEWERS)
@from_this_site_only
def remote_form_file(fmt: str):
    if fmt not in FORMATS:
        raise user_error(404, _("This format is not available."))
    period = _period()
    spec = form_spec(db.session, period, utcnow())
    record_export("remote.form_exported", fmt, period, len(spec.rows))
    return _download(spec, fmt)


@bp.get("/remote/<int:request_id>/print")
@requires(*VIEWERS)
def remote_print(request_id: int):
    req = load(request_id)
    return render_template("admin/remote/record.html", spec=record_spec(db.session, req, utcnow()), req=req)


@bp.get("/remote/<int:request_id>/record.pdf")
@requires(*VIEWERS)
def remote_record_pdf(request_id: int):
    return _download(record_spec(db.session, load(request_id), utcnow()), "pdf")


@bp.get("/remote/digest")
@requires(*VIEWERS)
def remote_digest():
    """Printable each morning: accounts past their approved end, requests waiting on someone, and refused
    letters whose third party is still to be told or was told since the last office day began."""
    now = utcnow()
    since = remote_ops.digest_since(office_hours.from_settings(db.session), now)
    approved = remote_ops.by_status(db.session, RemoteStatus.APPROVED)
    return render_template(
        "admin/remote/digest.html", now=now, overdue=remote_ops.overdue_accounts(db.session, now),
        waiting=remote_ops.by_status(db.session, RemoteStatus.RECEIVED), approved=approved,
        lapsed={r.id for r in approved if r.approved_until and r.approved_until < now},
        refused=remote_ops.refusals_for_the_digest(db.session, now, since),
        since_day=day_text(wib_date(since)))

