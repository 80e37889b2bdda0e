"""The statistics page's SKM tile: this semester's IKM and category, and the IKM month by month."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from markupsafe import Markup

from lpsedesk.extensions import db
from lpsedesk.reports import charts
from lpsedesk.skm import periods
from lpsedesk.skm.report import build, monthly_trend

from .skm_labels import category_text, locale, number
from .statistics import _month


@dataclass(frozen=True)
class SkmTile:
    period_label: str
    respondents: int
    converted: str
    category: str
    chart: Markup
    trend: list[tuple[str, str, int]]  # (month, converted or "-", respondents)


def skm_tile(today) -> SkmTile:
    period = periods.current_semester(today, locale())
    report = build(db.session, period.start, period.end)
    points = monthly_trend(db.session, today, months=12)
    # The chart draws whole numbers; the table beside it keeps the two decimals.
    chart = charts.column_chart([(_month(p.month), int(p.converted or 0)) for p in points],
                                title=_("Converted IKM per month"), label_every=2)
    return SkmTile(period.label, report.result.respondents, number(report.result.converted_rounded),
                   category_text(report), Markup(chart),
                   [(_month(p.month), number(p.converted), p.respondents) for p in points])
