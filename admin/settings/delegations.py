"""The Admin names a Plh./Plt. to decide in a Kasubag's place for a range of WIB dates, and revokes it."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from lpsedesk import users
from lpsedesk.auth import current_actor, requires
from lpsedesk.clock import wib_date
from lpsedesk.extensions import db
from lpsedesk.ids import row_id
from lpsedesk.models import Delegation, User, utcnow
from lpsedesk.roles import Role
from lpsedesk.typed_time import TypedTimeError, parse_day

from .. import bp
from ..typed_fields import day_problem
from .messages import account_message


def delegation_groups(rows: list[Delegation], now: datetime) -> dict[str, list[Delegation]]:
    """Running today, starting later, and finished or revoked (WIB dates), each newest first."""
    today = wib_date(now)
    groups: dict[str, list[Delegation]] = {"active": [], "future": [], "past": []}
    for row in sorted(rows, key=lambda d: (d.starts_on, d.id), reverse=True):
        if row.revoked_at is not None or row.ends_on < today:
            groups["past"].append(row)
        elif row.starts_on > today:
            groups["future"].append(row)
        else:
            groups["active"].append(row)
    return groups


DAY_FIELDS = {"starts_on": "first", "ends_on": "last"}


def _typed_days(form: dict, problems: dict[str, str]) -> dict[str, date]:
    """Each typed day read on its own; an empty or unreadable one is said beside that day only."""
    days: dict[str, date] = {}
    for name, which in DAY_FIELDS.items():
        if not form[name]:
            problems[name] = (_("Enter the first day, e.g. 25/12/2026.") if which == "first"
                              else _("Enter the last day, e.g. 25/12/2026."))
            continue
        try:
            days[name] = parse_day(form[name])
        except TypedTimeError as exc:
            problems[name] = day_problem(exc.code)
    return days


def _day_rule_problem(code: str, days: dict[str, date], today: date) -> str:
    """The days' rules name the day to change and what it may be (ux5: "already past" said no more)."""
    start, end = days["starts_on"].strftime("%d/%m/%Y"), days["ends_on"].strftime("%d/%m/%Y")
    if code == "delegation_in_past":
        return _("The last day, %(day)s, has already passed. Write today (%(today)s) or a later day.",
                 day=end, today=today.strftime("%d/%m/%Y"))
    if code == "delegation_dates_reversed":
        return _("The last day, %(day)s, is before the first day (%(start)s). Write %(start)s or a later day.",
                 day=end, start=start)
    latest = days["starts_on"] + timedelta(days=users.MAX_DELEGATION_DAYS - 1)
    return _("A delegation can last at most one year: the last day can be %(latest)s at the latest.",
             latest=latest.strftime("%d/%m/%Y"))


# Each rule the core refuses is said beside the field it concerns: the days' rules beside the last
# day (every one of them is fixed there), who may stand in for whom beside the person to change.
DAY_RULES = ("delegation_dates_reversed", "delegation_in_past", "delegation_too_long")
PROBLEM_FIELDS = {
    "bad_delegation_title": "title",
    "delegation_to_self": "delegate", "delegate_is_kasubag": "delegate", "delegation_inactive_user": "delegate",
    "principal_not_kasubag": "principal",
}


def _page(form: dict, problems: dict[str, str], status: int = 200):
    staff = db.session.scalars(select(User).where(User.active.is_(True)).order_by(User.full_name)).all()
    rows = db.session.scalars(select(Delegation)).all()
    today = wib_date(utcnow())
    return render_template(
        "admin/settings/delegations.html", groups=delegation_groups(rows, utcnow()), form=form, problems=problems,
        principals=[u for u in staff if Role.KASUBAG in u.roles],
        delegates=[u for u in staff if Role.KASUBAG not in u.roles],
        titles=users.DELEGATION_TITLES, today=today), status


@bp.route("/settings/delegations", methods=["GET", "POST"])
@requires(Role.ADMIN)
def settings_delegations():
    if request.method == "GET":
        return _page({"title": "Plh.", "delegate": "", "principal": "", "starts_on": "", "ends_on": ""}, {})
    form = {k: request.form.get(k, "").strip() for k in ("delegate", "principal", "title", "starts_on", "ends_on")}
    problems: dict[str, str] = {}
    days = _typed_days(form, problems)
    delegate = db.session.get(User, delegate_id) if (delegate_id := row_id(form["delegate"])) else None
    principal = db.session.get(User, principal_id) if (principal_id := row_id(form["principal"])) else None
    if principal is None:
        problems["principal"] = _("Choose the Kasubag represented.")
    if delegate is None:
        problems["delegate"] = _("Choose the delegate.")
    if problems:
        return _page(form, problems, 400)
    starts_on, ends_on, today = days["starts_on"], days["ends_on"], wib_date(utcnow())
    try:
        delegation = users.create_delegation(
            db.session, current_actor(), delegate=delegate, principal=principal, title=form["title"],
            starts_on=starts_on, ends_on=ends_on, today=today)
    except users.UserError as exc:
        if exc.code in DAY_RULES:
            return _page(form, {"ends_on": _day_rule_problem(exc.code, days, today)}, 400)
        return _page(form, {PROBLEM_FIELDS.get(exc.code, "form"): account_message(exc.code)}, 400)
    flash(_("%(title)s %(delegate)s decides for %(principal)s from %(start)s to %(end)s.",
            title=delegation.title, delegate=delegate.full_name, principal=principal.full_name,
            start=starts_on.strftime("%d/%m/%Y"), end=ends_on.strftime("%d/%m/%Y")), "info")
    return redirect(url_for("admin.settings_delegations"))


@bp.post("/settings/delegations/<int:delegation_id>/revoke")
@requires(Role.ADMIN)
def settings_delegation_revoke(delegation_id: int):
    delegation = db.get_or_404(Delegation, delegation_id)
    try:
        users.revoke_delegation(db.session, current_actor(), delegation, utcnow())
    except users.UserError as exc:
        flash(account_message(exc.code), "error")
        return redirect(url_for("admin.settings_delegations"))
    flash(_("Delegation revoked."), "info")
    return redirect(url_for("admin.settings_delegations"))
