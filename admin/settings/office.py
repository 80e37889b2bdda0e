"""The Admin's office settings: name, hours, signatory, kiosk and retention; the facility, purpose and
access-rights lists. Rules live in lpsedesk.settings_rules; every change is audited there."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from lpsedesk import form_edits, settings, settings_rules
from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.labels import weekday_names
from lpsedesk.roles import Role
from lpsedesk.settings_rules import SettingError

from .. import bp
from ..changed_meanwhile import changed_meanwhile_message, shown_marks
from .messages import setting_label, setting_message


def _shown_now() -> str:
    """The marks of what a settings page shows now (lpsedesk.form_edits), sent back with its form."""
    values = settings.get_all(db.session)
    return form_edits.marks(values, values.keys())


def _changed_meanwhile(exc: form_edits.ChangedMeanwhile) -> str:
    return changed_meanwhile_message(setting_label(k) for k in exc.keys)


def _save(values: dict, endpoint: str):
    """Store what the Admin changed, then back to the page; ChangedMeanwhile goes to the caller."""
    return _saved(settings_rules.apply(db.session, current_actor(), values, shown_marks()), endpoint)


def _saved(changed: list[str], endpoint: str):
    if changed:
        flash(_("Saved: %(what)s.", what=", ".join(setting_label(k) for k in changed)), "info")
    else:
        flash(_("Nothing changed."), "info")
    return redirect(url_for(endpoint))


@bp.route("/settings/office", methods=["GET", "POST"])
@requires(Role.ADMIN)
def settings_office():
    values = settings.get_all(db.session)
    errors: dict[str, str] = {}
    holidays_typed = settings_rules.holidays_text(values["holidays"])
    shown, status = _shown_now(), 200
    if request.method == "POST":
        cleaned, problems = settings_rules.clean_office(request.form)
        for key in settings_rules.REASON_LISTS:
            if key in request.form:  # a form without the list leaves it as it is
                try:
                    cleaned[key] = settings_rules.clean_refusal_reasons(request.form[key], key)
                except SettingError as exc:
                    problems.append(exc)
        if "office_days_shown" in request.form:  # the boxes: none ticked sends nothing at all
            try:
                cleaned["office_days"] = settings_rules.clean_office_days(request.form.getlist("office_days"))
            except SettingError as exc:
                problems.append(exc)
        if "holidays" in request.form:
            try:
                cleaned["holidays"] = settings_rules.clean_holidays(request.form["holidays"])
            except SettingError as exc:
                problems.append(exc)
        status = 400
        if not problems:
            try:
                return _save(cleaned, "admin.settings_office")
            except form_edits.ChangedMeanwhile as exc:
                # shown afresh: the Admin has been told, so saving again replaces the other change
                flash(_changed_meanwhile(exc), "error")
                status = 409
        else:
            shown = request.form.get("shown", "")  # still what the page first showed
            errors = {exc.key: setting_message(exc) for exc in problems}
            flash(_("Nothing was saved: please correct the marked fields."), "error")
        typed = {**{k: request.form.get(k, "") for k in settings_rules.OFFICE_KEYS},
                 "ktp_check_before_kasubag": request.form.get("ktp_check_before_kasubag") == "1",
                 **{k: request.form.get(k, "").splitlines() for k in settings_rules.REASON_LISTS},
                 "office_days": request.form.getlist("office_days"), "holidays": request.form.get("holidays", "")}
        if status == 409:
            # Only the fields this Admin changed show what they typed; the rest show what is stored, or
            # saving again would put back the old values of settings the 409 never named (h34w).
            typed.update(form_edits.page_after_clash(values, typed, cleaned, shown_marks()))
        holidays = typed.pop("holidays")
        holidays_typed = holidays if isinstance(holidays, str) else settings_rules.holidays_text(holidays)
        values = {**values, **typed}
    office_days = set(settings_rules.ticked_office_days(values["office_days"]))  # type: ignore[arg-type]
    return render_template("admin/settings/office.html", values=values, errors=errors,
                           label=setting_label, ranges=settings_rules.NUMBERS, weekdays=weekday_names(),
                           office_days=office_days, holidays_typed=holidays_typed, shown=shown), status


def _rows_from_form() -> list[dict]:
    rows = []
    for n in request.form.getlist("row"):
        rows.append({
            "key": request.form.get(f"key-{n}", "").strip(),
            "id": request.form.get(f"id-{n}", ""),
            "en": request.form.get(f"en-{n}", ""),
            "active": n == "new" or request.form.get(f"active-{n}") == "1",
            "remove": request.form.get(f"remove-{n}") == "1",
            "restricted": request.form.get(f"restricted-{n}") == "1",
        })
    return rows


def _choices(list_key: str, endpoint: str):
    old: list[dict] = settings.get(db.session, list_key)  # type: ignore[assignment]
    in_use = settings_rules.keys_in_use(db.session, list_key)
    items, error, shown, status = old, None, _shown_now(), 200
    if request.method == "POST":
        rows = _rows_from_form()
        try:
            items, hidden = settings_rules.clean_choices(list_key, rows, old, in_use)
        except SettingError as exc:
            error, shown, status = setting_message(exc), request.form.get("shown", ""), 400
            items = [row for row in rows if not row.get("remove")]
        else:
            try:
                response = _save({list_key: items}, endpoint)
            except form_edits.ChangedMeanwhile as exc:
                error, status = _changed_meanwhile(exc), 409
                items = [row for row in rows if not row.get("remove")]
            else:
                if hidden:
                    flash(_("Still used by earlier visits, so hidden from new visits instead of removed: %(keys)s.",
                            keys=", ".join(hidden)), "info")
                return response
    new_row = next((row for row in items if row.get("key") == "" and (row.get("id") or row.get("en"))), None)
    return render_template("admin/settings/choices.html", list_key=list_key, title=setting_label(list_key),
                           items=[i for i in items if i.get("key")], new_row=new_row or {}, error=error,
                           in_use=in_use, endpoint=endpoint, shown=shown), status


@bp.route("/settings/facilities", methods=["GET", "POST"])
@requires(Role.ADMIN)
def settings_facilities():
    return _choices("facilities", "admin.settings_facilities")


@bp.route("/settings/purposes", methods=["GET", "POST"])
@requires(Role.ADMIN)
def settings_purposes():
    return _choices("purposes", "admin.settings_purposes")


@bp.route("/settings/access-rights", methods=["GET", "POST"])
@requires(Role.ADMIN)
def settings_access_rights():
    text = "\n".join(settings.get(db.session, "access_rights"))  # type: ignore[arg-type]
    error, shown, status = None, _shown_now(), 200
    if request.method == "POST":
        text = request.form.get("access_rights", "")
        try:
            rights = settings_rules.clean_access_rights(text)
        except SettingError as exc:
            error, shown, status = setting_message(exc), request.form.get("shown", ""), 400
        else:
            try:
                return _save({"access_rights": rights}, "admin.settings_access_rights")
            except form_edits.ChangedMeanwhile as exc:
                error, status = _changed_meanwhile(exc), 409
    return render_template("admin/settings/access_rights.html", text=text, error=error, shown=shown), status
