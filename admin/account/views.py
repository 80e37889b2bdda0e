"""Logging in and out, and the first-run page that creates the first Admin."""
from __future__ import annotations

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user
from flask_wtf.csrf import generate_csrf

from lpsedesk import audit, staff_sessions, users
from lpsedesk.auth import current_actor, end_staff_login, remember_signed_in
from lpsedesk.errors import user_error
from lpsedesk.extensions import db
from lpsedesk.firstrun import consume_token, needs_setup, no_accounts, token_matches
from lpsedesk.models import utcnow
from lpsedesk.roles import Role
from lpsedesk.urls import same_site_path
from lpsedesk.transaction import after_commit, always

from .. import bp
from ..redirects import safe_next
from .forms import LoginForm, SetupForm
from .messages import user_error_message

# What a session keeps across logging in and out: the language the person chose, nothing else.
KEPT_ACROSS_LOGIN = ("lang",)


def _start_afresh() -> None:
    """Drop what the session held before, its CSRF token above all: a browser can be handed a session
    cookie before login (by a page on another port of this server, or on a plain-HTTP LAN), and
    whoever planted it knows the token inside (probe h18s)."""
    kept = {key: session[key] for key in KEPT_ACROSS_LOGIN if key in session}
    session.clear()
    session.update(kept)
    g.pop("csrf_token", None)  # Flask-WTF's copy of the old token for this request
    generate_csrf()  # the new one, in the cookie the login answers with


@bp.route("/login", methods=["GET", "POST"])
def login():
    if no_accounts(db.session):
        return redirect(url_for("admin.setup"))
    form = LoginForm()
    if form.validate_on_submit():
        user, wait = users.attempt_login(db.session, current_app.extensions["login_throttle"],
                                         form.username.data, form.password.data, request.remote_addr)
        if wait:
            exc = user_error(429, _("Too many failed attempts. Try again in %(minutes)d minutes.",
                                    minutes=max(1, (wait + 59) // 60)))
            exc.retry_after = wait  # type: ignore[attr-defined]
            raise exc
        if user is not None:
            user.last_login_at = utcnow()
            _start_afresh()
            session.permanent = True  # ends after STAFF_SESSION_HOURS, not at some browser's whim
            staff_sessions.start(db.session, user)
            login_user(user)
            audit.record(db.session, current_actor(), "user.login", user, details={"ip": request.remote_addr})
            return remember_signed_in(redirect(safe_next("admin.dashboard")), True)
        # The failed attempt stays in the audit log although the answer is a 401: the account tried, or
        # only that the name is no account's. The log is never purged, and a name nobody has is often a
        # password typed into the wrong box (h45s).
        account = users.find(db.session, form.username.data)
        details = ({"username": account.username} if account else {"unknown_name": True}) | {"ip": request.remote_addr}
        always(lambda: audit.record(db.session, None, "user.login_failed", details=details))
        flash(_("Wrong user name or password."), "error")
        return render_template("admin/login.html", form=form, ended=_ended(), unsent=_unsent(), cookies=_cookies()), 401
    if "next" in request.args and not same_site_path(request.args["next"]):
        # only a path of this site goes on into the form's address and the ID/EN links (h21u)
        kept = {k: v for k, v in request.args.items() if k != "next"}
        return redirect(url_for("admin.login", **kept))
    return render_template("admin/login.html", form=form, ended=_ended(), unsent=_unsent(), cookies=_cookies())


def _ended() -> bool:
    """Sent here because the session ended (auth.login_url): the page says so (h21u)."""
    return request.args.get("ended") == "1"


def _cookies() -> bool:
    """Sent here by a form that came without any cookie (auth.sent_no_cookie): cookies must be allowed (h43p)."""
    return request.args.get("cookies") == "1"


def _unsent() -> bool:
    """Sent here by a decision tapped after the session ended (auth.comes_back_to): it was not sent (h40p)."""
    return request.args.get("unsent") == "1"


@bp.post("/logout")
def logout():
    end_staff_login()
    _start_afresh()
    flash(_("You have logged out."), "info")
    return remember_signed_in(redirect(url_for("admin.login")), False)


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
            # The token is spent only once the account is really saved.
            after_commit(lambda: consume_token(current_app.instance_path))
            _start_afresh()
            session.permanent = True
            staff_sessions.start(db.session, user)
            login_user(user)
            flash(_("Welcome. Your Admin account is ready."), "info")
            # A new office's first screen is all zeros: say where the rest of the set-up is, since the
            # kiosk greets visitors with the default LPSE name until someone changes it.
            flash(_("Next: Settings → Office (the LPSE's name, office hours and days, holidays, the "
                    "signatory), Settings → Users (the helpdesk's and the Kasubag's accounts), then Settings → "
                    "Kiosks (enrol the kiosk's screen)."), "info")
            return remember_signed_in(redirect(url_for("admin.dashboard")), True)
    status = 200 if request.method == "GET" else 400
    return render_template("admin/setup.html", form=form, token_ok=token_ok), status
