"""Staff screens: the guest book, visit reports and statistics (issue 7), under /admin/reports/.

Any staff role may read reports. Lists and exports show NIKs masked; only an Admin may export the
guest book with full NIKs (`full_nik=1`), and every guest-book download is written to the audit log.
"""
from __future__ import annotations

import io
import tempfile

from flask import Response, current_app, render_template, request, send_file, stream_with_context
from flask_babel import get_locale
from flask_babel import gettext as _
from PIL import Image, UnidentifiedImageError

from lpsedesk import audit
from lpsedesk import settings as office
from lpsedesk.auth import current_actor, requires
from lpsedesk.clock import wib_today
from lpsedesk.errors import user_error
from lpsedesk.exports import indonesian_date, iter_csv, render_csv, render_pdf, render_xlsx
from lpsedesk.extensions import db
from lpsedesk.fetch_site import from_this_site_only
from lpsedesk.labels import category_label, decision_label, ktp_seen_label
from lpsedesk.models import Visit
from lpsedesk.reports import statistics
from lpsedesk.pagination import page_number
from lpsedesk.reports.guestbook import guestbook_page, iter_guestbook_rows, tally
from lpsedesk.reports.visit_report import reported_visits
from lpsedesk.roles import Role
from lpsedesk.storage import StorageError

from .. import bp
from ..exported import record_export
from .documents import (
    duration_text, guestbook_spec, hhmm, labeller, memo, statistics_spec, stay_text, visit_report_spec,
)
from .area_text import area_text
from .guestbook_files import guestbook_pdf, guestbook_xlsx
from .period import period_from_request  # also registers the form that asks again for a bad period
from .skm_tile import skm_tile
from .statistics import csv_tables, headline, labelled, svg_charts, titles

MIMETYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",  # Werkzeug adds "; charset=utf-8" to text/* once
}
THUMBNAIL = (240, 80)


def _today():
    return wib_today()


def _download(data: bytes, filename: str, fmt: str):
    return send_file(io.BytesIO(data), mimetype=MIMETYPES[fmt], as_attachment=True, download_name=filename)


def _office() -> dict:
    return office.get_all(db.session)


def _signed_on() -> str:
    return indonesian_date(_today(), str(get_locale()))


@bp.get("/reports/")
@requires()
def reports_index():
    return render_template("admin/reports/index.html", today=_today(), actor=current_actor())


GUESTBOOK_PAGE = 100  # rows per screen page; the printout and the files hold the whole period


@bp.get("/reports/guestbook")
@requires()
def report_guestbook():
    period = period_from_request(1)
    page = page_number(request.args.get("page"))
    listed = guestbook_page(db.session, period, page=page, per_page=GUESTBOOK_PAGE)
    # The screen shows each visit's signature (personal data, as a KTP image is): one event per page
    # shown, which covers the pictures it loads; an event per picture wrote 100 a page into a log
    # that is never purged and onto every visit's timeline each time the helpdesk looked (h45v).
    audit.record(db.session, current_actor(), "report.guestbook_viewed", details={
        "from": period.start.isoformat(), "to": period.end.isoformat(), "page": page,
        "rows": len(listed.rows), "signatures": sum(1 for row in listed.rows if row.signature_key)})
    return render_template("admin/reports/guestbook.html", period=period, rows=listed.rows, listed=listed,
                           office=_office(), category_label=memo(category_label), choice=labeller(),
                           decision_label=memo(decision_label), hhmm=hhmm, actor=current_actor(),
                           signed_on=_signed_on(), Role=Role, area_text=area_text,
                           ktp_seen_label=ktp_seen_label)


def _attachment(body, filename: str, fmt: str) -> Response:
    response = Response(body, mimetype=MIMETYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/reports/guestbook.<fmt>")
@requires()
@from_this_site_only
def report_guestbook_export(fmt: str):
    if fmt not in MIMETYPES:
        raise user_error(404, _("This export format does not exist."))
    period = period_from_request(1)
    actor = current_actor()
    full_nik = request.args.get("full_nik") == "1"
    if full_nik and not actor.has(Role.ADMIN):
        raise user_error(403, _("Only an Admin may export full NIKs."))
    counts = tally(db.session, period)
    storage = current_app.extensions["storage"]
    # Personal data leaves the system: who took which period, in which form, masked or not.
    audit.record(db.session, actor, "report.guestbook_exported", details={
        "format": fmt, "from": period.start.isoformat(), "to": period.end.isoformat(),
        "rows": counts.visits, "full_nik": full_nik})
    filename = guestbook_spec([], period, counts).filename(fmt)
    if fmt == "csv":  # streamed as the rows are read, a chunk at a time
        rows = iter_guestbook_rows(db.session, period, full_nik=full_nik)
        return _attachment(stream_with_context(iter_csv(guestbook_spec(rows, period, counts))), filename, fmt)
    if fmt == "xlsx":  # written once as the rows are read; only the finished (zipped) file is held
        with tempfile.TemporaryFile() as out:
            guestbook_xlsx(iter_guestbook_rows(db.session, period, full_nik=full_nik),
                           lambda rows: guestbook_spec(rows, period, counts), storage, out)
            out.seek(0)
            return _download(out.read(), filename, fmt)
    # built page by page as the rows are read
    return _download(guestbook_pdf(iter_guestbook_rows(db.session, period, full_nik=full_nik),
                                   lambda rows: guestbook_spec(rows, period, counts), storage), filename, fmt)


@bp.get("/reports/signatures/<int:visit_id>.png")
@requires()
@from_this_site_only
def report_signature(visit_id: int):
    """A small PNG of a visit's signature for the printable guest book (stored files are encrypted)."""
    visit = db.get_or_404(Visit, visit_id)
    if not visit.signature_key:
        raise user_error(404, _("This visit has no signature."))
    try:
        image = Image.open(io.BytesIO(current_app.extensions["storage"].open(visit.signature_key)))
        image.thumbnail(THUMBNAIL)
    except (StorageError, UnidentifiedImageError, OSError):
        raise user_error(404, _("This visit has no signature.")) from None
    # A signature is personal data kept to the retention period, as the KTP image and a request
    # letter are; the guest book screen that shows it is audited once a page (report.guestbook_viewed),
    # and a link on another site cannot open it (from_this_site_only).
    out = io.BytesIO()
    image.convert("L").save(out, format="PNG", optimize=True)
    return send_file(io.BytesIO(out.getvalue()), mimetype="image/png")


@bp.get("/reports/visits")
@requires()
def report_visits():
    period = period_from_request(_today().day)  # default: this month so far
    visits = reported_visits(db.session, period)
    return render_template("admin/reports/visits.html", period=period, visits=visits, office=_office(),
                           incidents=sum(len(v.incidents) for v in visits), choice=labeller(),
                           duration_text=duration_text, stay_text=stay_text, hhmm=hhmm, signed_on=_signed_on(),
                           ktp_seen_label=ktp_seen_label)


@bp.get("/reports/visits.<fmt>")
@requires()
@from_this_site_only
def report_visits_export(fmt: str):
    if fmt not in MIMETYPES:
        raise user_error(404, _("This export format does not exist."))
    period = period_from_request(_today().day)
    visits = reported_visits(db.session, period)
    record_export("report.visits_exported", fmt, period, len(visits))
    spec = visit_report_spec(visits, period)
    render = {"pdf": render_pdf, "xlsx": render_xlsx, "csv": render_csv}[fmt]
    return _download(render(spec), spec.filename(fmt), fmt)


@bp.get("/reports/statistics")
@requires()
def report_statistics():
    period = period_from_request(90)
    figures = statistics.compute(db.session, period)
    return render_template("admin/reports/statistics.html", period=period, figures=figures,
                           headline=headline(figures), data=labelled(figures), titles=titles(),
                           charts=svg_charts(figures), today=_today(), skm_tile=skm_tile(_today()))


@bp.get("/reports/statistics.csv")
@requires()
def report_statistics_csv():
    period = period_from_request(90)
    figures = statistics.compute(db.session, period)
    spec = statistics_spec(figures, csv_tables(figures))
    return _download(render_csv(spec), spec.filename("csv"), "csv")
