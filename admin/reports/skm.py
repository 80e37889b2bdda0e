"""Reports > SKM: the Indeks Kepuasan Masyarakat of a semester, a year or a range (PermenPANRB
No. 14 Tahun 2017), as a printable page, PDF and XLSX, the raw anonymous answers as CSV, and the
period's follow-up plan. Every staff role may read it; the Kasubag and the Admin write the plan."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lpsedesk import form_edits
from lpsedesk.auth import current_actor, requires
from lpsedesk.errors import user_error
from lpsedesk.exports import PeriodError, render_csv, render_pdf, render_xlsx
from lpsedesk.extensions import db
from lpsedesk.roles import Role
from lpsedesk.skm import answers as skm_answers
from lpsedesk.skm import periods
from lpsedesk.skm.report import build

from .. import bp
from ..changed_meanwhile import changed_meanwhile_message, shown_marks
from .skm_documents import answers_spec, skm_spec
from .skm_labels import category_text, locale, lowest_text, number, percent, profile_label, profile_titles, sample_text
from .period import BadPeriod, typed_range
from .views import _download, _office, _signed_on, _today

PLAN_WRITERS = (Role.KASUBAG, Role.ADMIN)


def _period():
    """(kind, period) of the query; a period that cannot be used comes back to the SKM form with the
    message beside the field it concerns (admin/reports/period.py)."""
    if (request.args.get("kind") or "").strip() == "range":
        return "range", typed_range()
    try:
        return periods.parse(request.args, _today(), locale())
    except PeriodError as exc:
        typed = {"from": request.args.get("from", ""), "to": request.args.get("to", "")}
        if exc.code == "unknown_kind":
            raise BadPeriod({"kind": _("Choose a semester, a year or a range of dates.")}, typed) from None
        raise BadPeriod({"year": _("Choose a valid year and semester, or write the dates as dd/mm/yyyy, e.g. 25/12/2026.")},
                        typed) from None


def period_args(kind: str, period) -> dict[str, str]:
    """The query that names this period again (links to the files, the form's return address)."""
    if kind == "range":
        return {"kind": kind, "from": period.start.isoformat(), "to": period.end.isoformat()}
    args = {"kind": kind, "year": str(period.start.year)}
    if kind == "semester":
        args["half"] = "1" if period.start.month == 1 else "2"
    return args


@bp.get("/reports/skm")
@requires()
def report_skm():
    return _report_page(*_period())


def _report_page(kind: str, period, plan_typed: str | None = None, status: int = 200, plan_clash: str | None = None):
    """The report; after a clash over the plan (409), with the plan as its writer typed it and the
    clash told beside the plan's box, far down a long page (first_error.js brings it into view)."""
    report = build(db.session, period.start, period.end)
    actor = current_actor()
    return render_template(
        "admin/reports/skm.html", kind=kind, period=period, report=report, args=period_args(kind, period),
        office=_office(), signed_on=_signed_on(), today=_today(), number=number, percent=percent,
        category_text=category_text(report), sample_text=sample_text(report), lowest_text=lowest_text(report),
        profile_titles=profile_titles(), profile_label=profile_label, locale=locale(),
        may_write_plan=actor.has(*PLAN_WRITERS), plan_typed=plan_typed, plan_clash=plan_clash,
        plan_marks=skm_answers.follow_up_marks(db.session, period.start, period.end)), status


@bp.post("/reports/skm/follow-up")
@requires(*PLAN_WRITERS)
def report_skm_follow_up():
    kind, period = _period()
    plan = request.form.get("plan", "")
    try:
        saved = skm_answers.save_follow_up(db.session, current_actor(), period.start, period.end, plan, shown_marks())
    except form_edits.ChangedMeanwhile:
        return _report_page(kind, period, plan, 409, changed_meanwhile_message([_("Follow-up plan")]))
    if not saved:
        raise user_error(400, _("The follow-up plan is too long (at most 5000 characters)."))
    flash(_("Follow-up plan saved."), "success")
    return redirect(url_for("admin.report_skm", **period_args(kind, period)) + "#follow-up")


@bp.get("/reports/skm.<fmt>")
@requires()
def report_skm_export(fmt: str):
    render = {"pdf": render_pdf, "xlsx": render_xlsx, "csv": render_csv}.get(fmt)
    if render is None:
        raise user_error(404, _("This export format does not exist."))
    _kind, period = _period()
    spec = skm_spec(build(db.session, period.start, period.end), period)
    return _download(render(spec), spec.filename(fmt), fmt)


@bp.get("/reports/skm-answers.csv")
@requires()
def report_skm_answers_csv():
    _kind, period = _period()
    spec = answers_spec(build(db.session, period.start, period.end), period)
    return _download(render_csv(spec), spec.filename("csv"), "csv")
