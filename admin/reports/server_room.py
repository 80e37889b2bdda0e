"""The server room access log (issue 15): every visit to a restricted facility in a period with its
escort, the area's entry and exit, the devices brought in and their check, and any incident; as a
page, and as PDF (the one renderer, lpsedesk.exports), XLSX and CSV. Any staff role may read it,
like the guest book; NIKs are masked."""
from __future__ import annotations

from flask import render_template
from flask_babel import gettext as _

from lpsedesk.errors import user_error
from lpsedesk.auth import requires
from lpsedesk.exports import DocumentSpec, render_csv, render_pdf, render_xlsx
from lpsedesk.exports.dates import Period
from lpsedesk.extensions import db
from lpsedesk.fetch_site import from_this_site_only
from lpsedesk.labels import status_label
from lpsedesk.reports.restricted_log import AccessLogRow, access_log

from .. import bp
from ..exported import record_export
from .area_text import devices_text, hhmm
from .documents import _document, labeller
from .views import MIMETYPES, _download, _office, _signed_on, period_from_request


def device_check_text(row: AccessLogRow) -> str:
    area = row.area
    if area.devices_none:
        return _("nothing to check")
    if area.devices_checked_at is None:
        return _("not checked yet")
    return f"{hhmm(area.devices_checked_at)} {area.devices_checked_by}".strip()


def server_room_spec(rows: list[AccessLogRow], period: Period) -> DocumentSpec:
    choice = labeller()
    columns = [_("No."), _("Date"), _("Name"), _("NIK"), _("Institution"), _("Facility"), _("Approved by"),
               _("Escort"), _("Time in"), _("Area entry"), _("Area exit"), _("Time out"), _("Devices"),
               _("Device check"), _("Incidents")]
    cells = [[
        str(r.number), r.day.strftime("%d/%m/%Y"), r.name, r.nik, r.institution, choice("facilities", r.facility),
        r.decided_by or status_label(r.status), r.area.escort, hhmm(r.time_in), hhmm(r.area.area_in),
        hhmm(r.area.area_out), hhmm(r.time_out), devices_text(r.area), device_check_text(r), "\n".join(r.incidents),
    ] for r in rows]
    widths = [0.45, 0.95, 1.4, 1.5, 1.4, 1.1, 1.2, 1.2, 0.6, 0.6, 0.6, 0.6, 2.2, 1.0, 1.6]
    incidents = sum(1 for r in rows if r.incidents)
    summary = [_("Visits to restricted facilities: %(n)d; with an incident: %(i)d.", n=len(rows), i=incidents),
               _("Times in WIB. NIKs are masked.")]
    spec = _document(_("Server room access log").upper(), "log-akses-ruang-server", period, columns, cells,
                     widths, summary)
    spec.compact = True
    return spec


@bp.get("/reports/server-room")
@requires()
def report_server_room():
    period = period_from_request(30)
    rows = access_log(db.session, period)
    return render_template("admin/reports/server_room.html", period=period, rows=rows, office=_office(),
                           choice=labeller(), hhmm=hhmm, devices_text=devices_text,
                           device_check_text=device_check_text, status_label=status_label,
                           signed_on=_signed_on())


@bp.get("/reports/server-room.<fmt>")
@requires()
@from_this_site_only
def report_server_room_export(fmt: str):
    if fmt not in MIMETYPES:
        raise user_error(404, _("This export format does not exist."))
    period = period_from_request(30)
    rows = access_log(db.session, period)
    record_export("report.server_room_exported", fmt, period, len(rows))
    spec = server_room_spec(rows, period)
    render = {"pdf": render_pdf, "xlsx": render_xlsx, "csv": render_csv}[fmt]
    return _download(render(spec), spec.filename(fmt), fmt)
