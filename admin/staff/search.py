"""Every visit, searchable by name, NIK, institution, WIB date range and status, page by page."""
from __future__ import annotations

from datetime import date

from flask import render_template, request
from flask_babel import gettext as _

from lpsedesk import visit_queries as q
from lpsedesk.auth import requires
from lpsedesk.exports.dates import PeriodError, parse_date
from lpsedesk.extensions import db
from lpsedesk.pagination import page_number
from lpsedesk.seen_text import seen_text
from lpsedesk.workflow import VisitStatus

from .. import bp

PER_PAGE = 25


def _date(name: str, problems: list[str]) -> date | None:
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    try:
        return parse_date(raw)
    except PeriodError:
        problems.append(_("%(value)s is not a date: write it as dd/mm/yyyy, e.g. 25/12/2026.", value=raw[:20]))
        return None


@bp.get("/visits")
@requires()
def visits():
    problems: list[str] = []
    # read as the names it searches are kept (seen_text): a name pasted with a zero-width space or a
    # separate accent looks like the visitor's and must find it
    text = seen_text(request.args.get("q", "")[:240])[:120]
    status = request.args.get("status", "")
    if status and status not in {s.value for s in VisitStatus}:
        problems.append(_("Unknown status."))
        status = ""
    date_from, date_to = _date("from", problems), _date("to", problems)
    if date_from and date_to and date_from > date_to:
        problems.append(_("The start date is after the end date."))
    page = page_number(request.args.get("page"))
    result = q.search(db.session, text=text, status=status, date_from=date_from, date_to=date_to,
                      page=page, per_page=PER_PAGE)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("admin/staff/search.html", result=result, problems=problems, args=args,
                           statuses=[s.value for s in VisitStatus]), (400 if problems else 200)
