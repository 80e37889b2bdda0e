"""Logging in and out, and the first-run page that creates the first Admin."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user, logout_user

from lpsedesk import audit, users
from lpsedesk.auth import current_actor
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.firstrun import consume_token, needs_setup, no_accounts, token_matches
from lpsedesk.models import utcnow
from lpsedesk.passwords import verify_password
from lpsedesk.roles import Role

from . import bp
from .forms import LoginForm, SetupForm
from .messages import user_error_message


def _safe_next(target: str | None) -> str:
    # Only same-site paths: never bounce a fresh login to another host.
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("admin.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if no_accounts(db.session):
        return redirect(url_for("admin.setup"))
    form = LoginForm()
    if form.validate_on_submit():
        throttle = current_app.extensions["login_throttle"]
        keys = (f"user:{form.username.data.strip().lower()}", f"ip:{request.remote_addr}")
        if wait := throttle.retry_after(*keys):
            exc = user_error(429, _("Too many failed attempts. Try again in %(minutes)d minutes.",
                                    minutes=max(1, (wait + 59) // 60)))
            exc.retry_after = wait  # type: ignore[attr-defined]
            raise exc
        user = users.find(db.session, form.username.data)
        if user is not None and user.active and verify_password(user.password_hash, form.password.data):
            throttle.succeed(*keys)
            user.last_login_at = utcnow()
            session.permanent = True  # ends after STAFF_SESSION_HOURS, not at some browser's whim
            login_user(user)
            audit.record(db.session, current_actor(), "user.login", user)
            db.session.commit()
            return redirect(_safe_next(request.args.get("next")))
        throttle.fail(*keys)
        audit.record(db.session, None, "user.login_failed",
                     details={"username": form.username.data[:64], "ip": request.remote_addr})
        db.session.commit()
        flash(_("Wrong user name or password."), "error")
        return render_template("admin/login.html", form=form), 401
    return render_template("admin/login.html", form=form)


@bp.post("/logout")
def logout():
    actor = current_actor()
    if actor is not None:
        audit.record(db.session, actor, "user.logout")
        db.session.commit()
    logout_user()
    flash(_("You have logged out."), "info")
    return redirect(url_for("admin.login"))


@bp.route("/setup", methods=["GET", "POST"])
def setup():
    if not needs_setup(db.session):
        return redirect(url_for("admin.login"))
    form = SetupForm(token=request.args.get("token", ""))
    token_ok = token_matches(current_app.instance_path, form.token.data)
    if form.validate_on_submit() and token_ok:
        try:
            user = users.create(db.session, None, username=form.username.data, full_name=form.full_name.data,
                                password=form.password.data, roles={Role.ADMIN})
        except users.UserError as exc:
            flash(user_error_message(exc.code), "error")
        else:
            consume_token(current_app.instance_path)
            db.session.commit()
            login_user(user)
            flash(_("Welcome. Your Admin account is ready."), "info")
            return redirect(url_for("admin.dashboard"))
    status = 200 if request.method == "GET" else 400
    return render_template("admin/setup.html", form=form, token_ok=token_ok), status
