"""A training's participants from an XLSX or CSV file, all or nothing, and the template to fill in."""
from __future__ import annotations

import csv
import io

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, ngettext
from openpyxl import Workbook

from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.form_limits import file_beside_typed_fields
from lpsedesk.invitations import batch, rules

from .. import bp
from . import common
from .forms import ImportForm
from .messages import field_message, field_name, file_message
from .views import mark_errors


def _page(form, status: int = 200, *, problems=None, file_error: str | None = None):
    rows = [(p.line, [(field_name(k), field_message(v)) for k, v in p.fields.items()]) for p in problems or []]
    return render_template("admin/invitations/import.html", form=form, problems=rows, file_error=file_error,
                           max_rows=batch.MAX_ROWS, max_bytes=batch.MAX_BYTES,
                           too_large=file_message("too_large")), status


@bp.route("/invitations/import", methods=["GET", "POST"])
@file_beside_typed_fields(batch.MAX_BYTES)
@requires(*common.INVITERS)
def invitation_import():
    form = common.with_choices(ImportForm())
    if request.method == "GET":
        return _page(form)
    if not form.validate_on_submit():
        return _page(form, 400)
    common_draft = common.common_draft(form)
    # The shared part is checked once, as if for one participant, so its problems show on the form.
    shared = rules.validate(common_draft, purposes=common.office_choices()[0], facilities=common.office_choices()[1])
    shared = {k: v for k, v in shared.items() if k in ("purpose", "purpose_detail", "facility", "window", "event_name")}
    if shared:
        mark_errors(form, shared)
        return _page(form, 400)
    upload = form.participants.data
    data = upload.read(batch.MAX_BYTES + 1)
    purposes, facilities = common.office_choices()
    try:
        result = batch.import_file(db.session, current_actor(), data, upload.filename or "", common_draft,
                                   purposes=purposes, facilities=facilities)
    except batch.BatchFileError as exc:
        return _page(form, 400, file_error=file_message(exc.code))
    if result.problems:
        return _page(form, 400, problems=result.problems)
    flash(ngettext("%(num)d invitation created. Print it as a card or on a page of its own.",
                   "%(num)d invitations created. Print them as a sheet of cards or one per page.",
                   len(result.invitations)), "info")
    if common_draft.event_name:
        return redirect(url_for("admin.invitation_training", event=result.invitations[0].event_name))
    return redirect(url_for("admin.invitations"))


@bp.get("/invitations/template.<fmt>")
@requires(*common.INVITERS)
def invitation_template(fmt: str):
    rows = batch.template_rows()
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        return Response(out.getvalue().encode("utf-8-sig"), mimetype="text/csv",
                        headers={"Content-Disposition": "attachment; filename=template-peserta.csv"})
    if fmt != "xlsx":
        return Response(status=404)
    book = Workbook()
    sheet = book.active
    sheet.title = "Peserta"
    for row in rows:
        sheet.append(list(row))
    for column, width in zip("ABCDE", (32, 20, 18, 36, 18)):
        sheet.column_dimensions[column].width = width
    # NIK and phone as text: Excel would otherwise drop a phone's leading 0 and round a NIK.
    for column in ("B", "C"):
        for cell in sheet[column]:
            cell.number_format = "@"
    notes = book.create_sheet("Petunjuk")
    for line in (
        _("One participant per row; replace the example row."),
        _("NAMA, PONSEL, INSTANSI and KATEGORI are required; NIK is optional."),
        _("KATEGORI: penyedia, pokja, ppk, pa_kpa, apip, opd, public or other."),
        _("The event, date, time window, purpose and facility are chosen on the import page."),
    ):
        notes.append([line])
    out = io.BytesIO()
    book.save(out)
    return Response(out.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": "attachment; filename=template-peserta.xlsx"})
