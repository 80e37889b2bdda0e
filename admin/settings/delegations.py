"""The Admin names a Plh./Plt. to decide in a Kasubag's place for a range of WIB dates, and revokes it."""
from __future__ import annotations

from datetime import date, datetime

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


def _parse_date(raw: str | None) -> date | None:
    try:
        return parse_day(raw)
    except TypedTimeError:
        return None


# Each rule the core refuses is said beside the field it concerns: the days' rules under the two day
# fields (where the Admin types again), who may stand in for whom beside the person to change.
PROBLEM_FIELDS = {
    "bad_delegation_title": "title",
    "delegation_dates_reversed": "days", "delegation_in_past": "days", "delegation_too_long": "days",
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
    starts_on, ends_on = _parse_date(form["starts_on"]), _parse_date(form["ends_on"])
    delegate = db.session.get(User, delegate_id) if (delegate_id := row_id(form["delegate"])) else None
    principal = db.session.get(User, principal_id) if (principal_id := row_id(form["principal"])) else None
    if principal is None:
        problems["principal"] = _("Choose the Kasubag represented.")
    if delegate is None:
        problems["delegate"] = _("Choose the delegate.")
    if not (form["starts_on"] and form["ends_on"]):
        problems["days"] = _("Enter the first and the last day.")
    elif starts_on is None or ends_on is None:
        problems["days"] = _("Write the days as dd/mm/yyyy, e.g. 25/12/2026.")
    if problems:
        return _page(form, problems, 400)
    try:
        delegation = users.create_delegation(
            db.session, current_actor(), delegate=delegate, principal=principal, title=form["title"],
            starts_on=starts_on, ends_on=ends_on, today=wib_date(utcnow()))
    except users.UserError as exc:
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
