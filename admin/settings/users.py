"""The Admin's staff accounts: list, create, edit name and roles, deactivate, reset the password."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from lpsedesk import form_edits, users
from lpsedesk.role_history import role_changes
from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.models import User
from lpsedesk.passwords import generate_password
from lpsedesk.roles import Role

from .. import bp
from ..changed_meanwhile import changed_meanwhile_message, shown_marks
from .forms import PasswordForm, ProfileForm, RolesForm, UserCreateForm, role_choices
from .messages import account_message


def _user(user_id: int) -> User:
    return db.get_or_404(User, user_id)


def _shown_once(user: User, password: str, status: int = 200):
    # Rendered in the POST response (never a redirect, never stored): the one time it is shown.
    return render_template("admin/settings/password_shown.html", user=user, password=password), status


@bp.get("/settings/users")
@requires(Role.ADMIN)
def settings_users():
    rows = db.session.scalars(select(User).order_by(User.active.desc(), User.full_name)).all()
    return render_template("admin/settings/users.html", users=rows, role_labels=dict(role_choices()),
                           me=current_actor().user_id)


@bp.route("/settings/users/new", methods=["GET", "POST"])
@requires(Role.ADMIN)
def settings_user_new():
    form = UserCreateForm()
    if form.validate_on_submit():
        generated = not form.password.data
        password = generate_password() if generated else form.password.data
        try:
            user = users.create(db.session, current_actor(), username=form.username.data or "",
                                full_name=" ".join((form.full_name.data or "").split()), password=password,
                                roles={Role(r) for r in form.roles.data or []}, nip=form.nip.data)
        except users.UserError as exc:
            flash(account_message(exc.code), "error")
        else:
            if generated:
                return _shown_once(user, password, 201)
            flash(_("Account %(username)s created.", username=user.username), "info")
            return redirect(url_for("admin.settings_users"))
    status = 400 if form.is_submitted() else 200
    return render_template("admin/settings/user_new.html", form=form), status


@bp.get("/settings/users/<int:user_id>")
@requires(Role.ADMIN)
def settings_user(user_id: int):
    user = _user(user_id)
    profile = ProfileForm(obj=user)
    roles = RolesForm(data={"roles": sorted(r.value for r in user.roles)})
    return render_template("admin/settings/user_edit.html", user=user, profile=profile, roles_form=roles,
                           password_form=PasswordForm(), me=current_actor().user_id, shown=users.shown_marks(user),
                           **_role_history(user))


def _role_history(user: User) -> dict:
    return dict(role_changes=role_changes(db.session, user), role_labels=dict(role_choices()))


def _edit_page_with_errors(user: User, status: int = 400, **forms):
    forms.setdefault("profile", ProfileForm(obj=user, formdata=None))
    forms.setdefault("roles_form", RolesForm(data={"roles": sorted(r.value for r in user.roles)}, formdata=None))
    forms.setdefault("password_form", PasswordForm(formdata=None))
    # The form with mistakes keeps the marks it first showed; after a clash (409) every form shows the
    # stored account's, so saving again replaces the other Admin's change, knowingly.
    shown = users.shown_marks(user)
    posted = {"admin.settings_user_profile": "profile", "admin.settings_user_roles": "roles"}.get(request.endpoint)
    if status == 400 and posted:
        shown[posted] = request.form.get("shown", "")
    return render_template("admin/settings/user_edit.html", user=user, me=current_actor().user_id, shown=shown,
                           **_role_history(user), **forms), status


def _changed_meanwhile(user: User, exc: form_edits.ChangedMeanwhile, **forms):
    labels = {"full_name": _("Full name"), "nip": _("NIP (optional)"), "roles": _("Roles")}
    flash(changed_meanwhile_message(labels[k] for k in exc.keys), "error")
    return _edit_page_with_errors(user, 409, **forms)


def _refused(user: User, exc: users.UserError, **forms):
    flash(account_message(exc.code), "error")
    return _edit_page_with_errors(user, **forms)


@bp.post("/settings/users/<int:user_id>/profile")
@requires(Role.ADMIN)
def settings_user_profile(user_id: int):
    user = _user(user_id)
    form = ProfileForm()
    if not form.validate_on_submit():
        return _edit_page_with_errors(user, profile=form)
    typed = {"full_name": form.full_name.data or "", "nip": form.nip.data}
    shown = shown_marks()
    try:
        users.update_profile(db.session, current_actor(), user, **typed, shown=shown)
    except users.UserError as exc:
        return _refused(user, exc, profile=form)
    except form_edits.ChangedMeanwhile as exc:
        kept = users.profile_after_clash(user, typed, shown)
        return _changed_meanwhile(user, exc, profile=ProfileForm(formdata=None, data=kept))
    flash(_("Saved."), "info")
    return redirect(url_for("admin.settings_user", user_id=user.id))


@bp.post("/settings/users/<int:user_id>/roles")
@requires(Role.ADMIN)
def settings_user_roles(user_id: int):
    user = _user(user_id)
    form = RolesForm()
    if not form.validate_on_submit():
        return _edit_page_with_errors(user, roles_form=form)
    try:
        changed = users.set_roles(db.session, current_actor(), user, {Role(r) for r in form.roles.data or []},
                                  shown_marks())
    except users.UserError as exc:
        return _refused(user, exc, roles_form=form)
    except form_edits.ChangedMeanwhile as exc:
        return _changed_meanwhile(user, exc, roles_form=form)  # the roles as ticked: the one field, changed
    if not changed:
        flash(_("Nothing changed."), "info")
        return redirect(url_for("admin.settings_user", user_id=user.id))
    flash(_("Roles saved. %(name)s must log in again.", name=user.full_name), "info")
    return redirect(url_for("admin.settings_user", user_id=user.id))


@bp.post("/settings/users/<int:user_id>/deactivate")
@requires(Role.ADMIN)
def settings_user_deactivate(user_id: int):
    return _set_active(_user(user_id), False)


@bp.post("/settings/users/<int:user_id>/reactivate")
@requires(Role.ADMIN)
def settings_user_reactivate(user_id: int):
    return _set_active(_user(user_id), True)


def _set_active(user: User, active: bool):
    if user.active == active:
        flash(_("Nothing changed."), "info")
        return redirect(url_for("admin.settings_user", user_id=user.id))
    try:
        users.set_active(db.session, current_actor(), user, active)
    except users.UserError as exc:
        return _refused(user, exc)
    if active:
        flash(_("%(name)s can log in again.", name=user.full_name), "info")
    else:
        flash(_("%(name)s is deactivated and logged out everywhere.", name=user.full_name), "info")
    return redirect(url_for("admin.settings_user", user_id=user.id))


@bp.post("/settings/users/<int:user_id>/password")
@requires(Role.ADMIN)
def settings_user_password(user_id: int):
    user = _user(user_id)
    form = PasswordForm()
    if not form.validate_on_submit():
        return _edit_page_with_errors(user, password_form=form)
    generated = not form.password.data
    password = generate_password() if generated else form.password.data
    try:
        users.set_password(db.session, current_actor(), user, password)
    except users.UserError as exc:
        return _refused(user, exc, password_form=form)
    if generated:
        return _shown_once(user, password)
    flash(_("Password set. %(name)s must log in again.", name=user.full_name), "info")
    return redirect(url_for("admin.settings_user", user_id=user.id))
