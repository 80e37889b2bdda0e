"""The SKM report's figures as text in the user's language, shared by the page and the documents."""
from __future__ import annotations

from decimal import Decimal

from flask_babel import get_locale
from flask_babel import gettext as _

from lpsedesk.labels import category_label
from lpsedesk.skm.elements import education_label
from lpsedesk.skm.report import SkmReport


def locale() -> str:
    return str(get_locale() or "id")


def number(value: Decimal | None, places: int = 2) -> str:
    """Indonesian documents write a decimal comma (79,03); English a point."""
    if value is None:
        return "-"
    text = f"{value:.{places}f}"
    return text if locale().startswith("en") else text.replace(".", ",")


def percent(value: float) -> str:
    return number(Decimal(str(value)), 1) + " %"


def profile_titles() -> dict[str, str]:
    return {"sex": _("Sex"), "age": _("Age (years)"), "education": _("Education"),
            "occupation": _("Occupation (visitor category)")}


def profile_label(kind: str, key: str | None) -> str:
    if key is None:
        return _("Not known")
    if kind == "sex":
        return {"L": _("Male"), "P": _("Female")}.get(key, key)
    if kind == "age":
        return {"<20": _("under 20"), "60+": _("60 and over")}.get(key, key)
    if kind == "education":
        return education_label(key, locale()) or key
    return category_label(key)


def category_text(report: SkmReport) -> str:
    c = report.result.category
    return f"{c.grade} ({c.name(locale())})" if c else "-"


def sample_text(report: SkmReport) -> str:
    s = report.sample
    if s.population == 0:
        return _("No visits were served in this period.")
    if s.enough:
        return _("%(n)d respondents of %(visits)d visits served: enough (at least %(need)d needed, "
                 "Krejcie-Morgan, 95 %% confidence, 5 %% error).", n=s.respondents, visits=s.population,
                 need=s.required)
    return _("%(n)d respondents of %(visits)d visits served: not enough; %(need)d needed (Krejcie-Morgan, "
             "95 %% confidence, 5 %% error), %(more)d more.", n=s.respondents, visits=s.population,
             need=s.required, more=s.still_needed)


def lowest_text(report: SkmReport) -> str:
    loc = locale()
    return ", ".join(f"{r.element.code} {r.element.name(loc)} ({number(r.nrr)})" for r in report.result.lowest) or "-"
