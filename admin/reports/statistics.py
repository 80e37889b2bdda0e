"""The statistics page's figures, labelled once for the page, its charts and its CSV."""
from __future__ import annotations

from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup

from lpsedesk.labels import category_label, status_label
from lpsedesk.exports.dates import MONTHS
from lpsedesk.reports import charts
from lpsedesk.reports.statistics import Statistics

from .documents import duration_text, labeller



def _month(d) -> str:
    names = MONTHS["en" if str(get_locale()).startswith("en") else "id"]
    return f"{names[d.month - 1][:3]} {d.year}"


def labelled(figures: Statistics) -> dict[str, dict[str, list[tuple[str, int]]]]:
    """Every count with its label in the user's language, keyed by figure name."""
    other, choice = _("Others"), labeller()
    return {
        "per_month": [(_month(d), n) for d, n in figures.per_month],
        "per_week": [(d.strftime("%d/%m"), n) for d, n in figures.per_week],
        "per_day": [(d.strftime("%d/%m"), n) for d, n in figures.per_day],
        "by_status": [(status_label(k), n) for k, n in figures.by_status],
        "by_category": [(category_label(k), n) for k, n in figures.by_category],
        "by_purpose": [(choice("purposes", k), n) for k, n in figures.by_purpose],
        "by_facility": [(choice("facilities", k), n) for k, n in figures.by_facility],
        "by_institution": [(k or other, n) for k, n in figures.by_institution],
        "refusal_reasons": [(k or _("(no reason given)"), n) for k, n in figures.refusal_reasons],
        "remote_by_status": [(status_label(k), n) for k, n in figures.remote_by_status],
    }


def titles() -> dict[str, str]:
    return {
        "per_month": _("Visits per month"), "per_week": _("Visits per week (from Monday)"),
        "per_day": _("Visits per day"), "by_status": _("Visits by status"),
        "by_category": _("Visits by visitor category"), "by_purpose": _("Visits by purpose"),
        "by_facility": _("Visits by facility"), "by_institution": _("Visits by institution (top 10)"),
        "refusal_reasons": _("Refusals by reason"), "remote_by_status": _("Remote-access requests by status"),
    }


def _minutes(value) -> str:
    return "" if value is None else f"{value.total_seconds() / 60:.1f}"


def _figures(figures: Statistics) -> list[tuple[str, str, str]]:
    """(label, as shown, as written to the CSV): durations go to the CSV as plain minutes."""
    return [
        (_("Visits"), str(figures.total_visits), str(figures.total_visits)),
        (_("Average stay (approval to check-out)"), duration_text(figures.stay_average) or "-",
         _minutes(figures.stay_average)),
        (_("Longest stay"), duration_text(figures.stay_longest) or "-", _minutes(figures.stay_longest)),
        (_("Approval waiting time, median"), duration_text(figures.wait_median) or "-",
         _minutes(figures.wait_median)),
        (_("Approval waiting time, 95th percentile"), duration_text(figures.wait_p95) or "-",
         _minutes(figures.wait_p95)),
        (_("Refusals"), str(figures.refusals), str(figures.refusals)),
        (_("Remote-access requests received"), str(figures.remote_requests), str(figures.remote_requests)),
        (_("Remote-access accounts open now"), str(figures.remote_accounts_open),
         str(figures.remote_accounts_open)),
    ]


def headline(figures: Statistics) -> list[tuple[str, str]]:
    """The single figures shown as cards at the top of the page."""
    return [(label, shown) for label, shown, _csv in _figures(figures)]


def csv_tables(figures: Statistics) -> dict[str, list[tuple[str, str]]]:
    minutes = _("(minutes)")
    named = {_("Summary"): [(label if value == shown or not value else f"{label} {minutes}", value)
                            for label, shown, value in _figures(figures)]}
    names = titles()
    for key, pairs in labelled(figures).items():
        named[names[key]] = [(label, str(n)) for label, n in pairs]
    return named


def svg_charts(figures: Statistics) -> dict[str, Markup]:
    """Markup is safe: charts.py escapes every label it writes."""
    data, names = labelled(figures), titles()
    days = data["per_day"]
    out = {
        "per_month": charts.column_chart(data["per_month"], title=names["per_month"],
                                         label_every=max(1, -(-len(data["per_month"]) // 7))),
        "per_week": charts.column_chart(data["per_week"], title=names["per_week"],
                                        label_every=max(1, -(-len(data["per_week"]) // 7))),
        "per_day": charts.column_chart(days, title=names["per_day"], label_every=max(1, len(days) // 10)),
    }
    for key in ("by_category", "by_purpose", "by_facility", "by_institution", "refusal_reasons",
                "remote_by_status"):
        if data[key]:
            out[key] = charts.bar_chart(data[key], title=names[key])
    return {k: Markup(v) for k, v in out.items()}
