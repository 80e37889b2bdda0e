"""The Laporan SKM as one `lpsedesk.exports` document (PDF and XLSX), and the raw answers as CSV.

The document's table is the regulation's: per element the respondents, NRR, NRR x 1/9 and the
converted value, closed by the IKM row; the other parts of the report (category, sample size,
weakest elements, profile, suggestions, follow-up plan) are the lines under it.
"""
from __future__ import annotations

from flask_babel import gettext as _

from lpsedesk.exports import DocumentSpec, Period
from lpsedesk.skm.elements import ELEMENTS, education_label
from lpsedesk.skm.report import SkmReport

from .documents import _document
from .skm_labels import (
    category_text, locale, lowest_text, number, percent, profile_label, profile_titles, sample_text,
)

MAX_SUGGESTIONS = 15  # in the printed document (it then fits one page); the page and the CSV have them all


def skm_spec(report: SkmReport, period: Period) -> DocumentSpec:
    loc, result = locale(), report.result
    columns = [_("No."), _("Element"), _("Respondents"), _("NRR"), _("NRR x 1/9"), _("Converted (x 25)")]
    rows = [[str(r.element.number), f"{r.element.code} {r.element.name(loc)}" + (" *" if r.lowest else ""),
             str(r.answered), number(r.nrr), number(r.weighted, 4), number(r.converted)]
            for r in result.elements]
    rows.append(["", _("IKM"), str(result.respondents), "", number(result.ikm, 4), number(result.converted_rounded)])
    summary = [
        _("Respondents: %(n)d.", n=result.respondents),
        _("IKM: %(ikm)s; converted IKM: %(conv)s; quality of service: %(cat)s.", ikm=number(result.ikm, 4),
          conv=number(result.converted_rounded), cat=category_text(report)),
        _("Categories: A Very good 88.31-100.00; B Good 76.61-88.30; C Less than good 65.00-76.60; "
          "D Not good 25.00-64.99."),
        _("Sample: %(text)s", text=sample_text(report)),
        _("Weakest elements (*): %(list)s", list=lowest_text(report)),
    ]
    titles = profile_titles()
    for kind, table in report.profiles.items():
        parts = "; ".join(f"{profile_label(kind, row.key)} {row.count} ({percent(row.percent)})" for row in table
                          if row.count)
        summary.append(f"{titles[kind]}: {parts or '-'}")
    summary.append(_("Follow-up plan: %(plan)s", plan=report.follow_up or "-"))
    if report.suggestions:
        summary.append(_("Suggestions (%(n)d):", n=len(report.suggestions)))
        summary += [f"- {text}" for _day, text in report.suggestions[:MAX_SUGGESTIONS]]
        if len(report.suggestions) > MAX_SUGGESTIONS:
            summary.append(_("... and %(n)d more (see the page or the CSV of the answers).",
                             n=len(report.suggestions) - MAX_SUGGESTIONS))
    spec = _document(_("Survey of public satisfaction (SKM) report").upper(), "laporan-skm", period, columns, rows,
                     [0.6, 3.9, 1.3, 0.8, 1.3, 1.3], summary)
    spec.orientation = "portrait"
    spec.centered = (0, 2, 3, 4, 5)
    return spec


def answers_spec(report: SkmReport, period: Period) -> DocumentSpec:
    """One line per questionnaire, no name, no visit: date, profile, U1..U9, suggestion."""
    loc = locale()
    columns = [_("Date"), _("Channel"), _("Sex"), _("Age (years)"), _("Education"),
               _("Occupation (visitor category)")] + [e.code for e in ELEMENTS] + [_("Suggestion")]
    rows = [[r.answered_on.isoformat(), r.channel, r.sex or "", r.age_band or "",
             education_label(r.education, loc), r.occupation or ""]
            + ["" if getattr(r, f"u{e.number}") is None else str(getattr(r, f"u{e.number}")) for e in ELEMENTS]
            + [r.suggestion or ""] for r in report.responses]
    return _document(_("SKM answers"), "jawaban-skm", period, columns, rows, None, [])
