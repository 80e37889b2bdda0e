"""Staff authentication and authorisation: who is logged in, which roles they act with, guards."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import wraps
from urllib.parse import urlsplit

from flask import abort, current_app, g, jsonify, redirect, request, session, url_for
from flask_login import current_user, logout_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from . import audit, staff_sessions
from .clock import wib_date
from .extensions import db, login_manager
from .models import Delegation, User, utcnow
from .roles import Actor, Role
from .security import cookies_secure
from .urls import same_site_path

# Set at login, dropped at logout on this browser: a session that ends by itself (12 hours idle, the
# browser forgetting the expired cookie) leaves no other trace, and the login page says it ended (h21u).
SIGNED_IN_BEFORE = "lpsedesk_signed_in"



@login_manager.user_loader
def load_user(cookie_id: str) -> User | None:
    parsed = staff_sessions.parse_cookie_id(cookie_id)
    if parsed is None:
        return None
    user_id, token, nonce = parsed
    user = db.session.get(User, user_id)
    # A deactivated user or a rotated session token (password reset) ends the session at once;
    # logout ends this one session on the server, so a copied cookie is worth nothing after it.
    if user is None or not user.active or user.session_token != token:
        return None
    longest = timedelta(hours=current_app.config["STAFF_SESSION_MAX_HOURS"])  # however busy the login
    if not staff_sessions.is_live(db.session, user.id, nonce, longest):
        return None
    user.login_nonce = nonce
    return user


def active_delegation(session: Session, user: User, on: date) -> Delegation | None:
    return session.scalars(
        select(Delegation).where(
            Delegation.delegate_id == user.id, Delegation.revoked_at.is_(None),
            Delegation.starts_on <= on, Delegation.ends_on >= on,
        ).order_by(Delegation.id.desc())
    ).first()


def actor_for(session: Session, user: User, now: datetime) -> Actor:
    """The Actor a user acts as now: their roles, plus Kasubag's while a Plh./Plt. delegation runs."""
    roles = set(user.roles)
    behalf_id = behalf_label = None
    if Role.KASUBAG not in roles:
        delegation = active_delegation(session, user, wib_date(now))
        # The delegate borrows the principal's power: gone with the principal's account or Kasubag
        # role, even while the delegation's dates still run (sec4 probe).
        principal = delegation.principal if delegation is not None else None
        if principal is not None and principal.active and Role.KASUBAG in principal.roles:
            roles.add(Role.KASUBAG)
            behalf_id, behalf_label = delegation.principal_id, delegation.principal.full_name
    return Actor(kind="user", id=user.id, label=user.full_name, roles=frozenset(roles),
                 on_behalf_of_id=behalf_id, on_behalf_of_label=behalf_label)


def current_actor() -> Actor | None:
    if "actor" not in g:
        g.actor = None
        if current_user.is_authenticated:
            g.actor = actor_for(db.session, current_user._get_current_object(), utcnow())
    return g.actor


def session_ended() -> bool:
    """This browser was signed in and is no longer: the session ended (idle or longest limit, logout
    elsewhere, password reset), as opposed to a first visit."""
    return "_user_id" in session or SIGNED_IN_BEFORE in request.cookies


def sent_no_cookie() -> bool:
    """This request carried none of the desk's cookies, neither a session nor the mark of a past sign-in
    (90 days): a browser that keeps no cookies for this site (blocked, or all just cleared), as opposed
    to one whose session ended, which still sends the mark (h43p)."""
    return not any(name in request.cookies for name in (current_app.config["SESSION_COOKIE_NAME"], SIGNED_IN_BEFORE))


def comes_back_to(page: Callable[..., str], *, from_list: Callable[..., str] | None = None):
    """Marks a Kasubag's decision view (h40p). Sent after the login ended, it decides nothing (a fresh
    login comes first, and a decision is never replayed behind the decider's back): the login page says
    the decision was not sent, and afterwards brings the decider back to that request, where one tap
    finishes it: `from_list(**view_args)` when the decision was sent from that list (the queue, the
    request shown first, h39d's way), else `page(**view_args)`, the request's own page. A refusal's reason
    typed is kept in the tab meanwhile (static/admin/reason_keep.js), never in an address."""

    def mark(view):
        view.unsent_comes_back_to = (page, from_list)
        return view

    return mark


def _unsent_back() -> str | None:
    """Where a decision sent after the session ended comes back to (comes_back_to), or None."""
    view = current_app.view_functions.get(request.endpoint or "")
    mark = getattr(view, "unsent_comes_back_to", None)
    if request.method == "GET" or mark is None:
        return None
    page, from_list = mark
    args = request.view_args or {}
    sent_from = urlsplit(same_site_path(request.form.get("next")) or "").path
    if from_list is not None and sent_from == urlsplit(listed := from_list(**args)).path:
        return listed
    return page(**args)


def login_url() -> str:
    """The login page, back here afterwards: this page, or for a form sent after the session ended the
    page it was sent from (a POST-only address opened after login was a 405), or for a decision its
    request (comes_back_to) with `unsent=1`; `ended=1` when the session ended."""
    here = request.full_path if request.query_string else request.path  # no bare "?" at the end
    back = here if request.method == "GET" else same_site_path(request.form.get("next"))
    args = {}
    if unsent := _unsent_back():
        back, args["unsent"] = unsent, 1
    if back:
        args["next"] = back
    if request.method != "GET" and sent_no_cookie():
        # a form sent without any cookie: "your session ended" was untrue for a browser that blocks them
        args.pop("unsent", None)
        args["cookies"] = 1
    elif session_ended():
        args["ended"] = 1
    return url_for(current_app.login_manager.login_view, **args)


def end_staff_login(why: str | None = None) -> None:
    """End this browser's staff login, if it has one: its session record is ended, so a copy of the
    cookie dies with it, and the logout is audited (`why` when the user did not ask for it). The
    caller unmarks the browser (remember_signed_in) on its response."""
    actor = current_actor()
    if actor is None:
        return
    audit.record(db.session, actor, "user.logout", details={"why": why} if why else None)
    staff_sessions.end(db.session, current_user.login_nonce)
    logout_user()
    g.pop("actor", None)


def remember_signed_in(response, signed_in: bool):
    """Mark (or, at logout, unmark) this browser as one a staff member signed in on."""
    if signed_in:
        response.set_cookie(SIGNED_IN_BEFORE, "1", max_age=60 * 60 * 24 * 90, httponly=True, samesite="Lax",
                            secure=cookies_secure())
    else:
        response.delete_cookie(SIGNED_IN_BEFORE, httponly=True, samesite="Lax",
                               secure=cookies_secure())
    return response


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json" or "/api/" in request.path


def login_required_response():
    """The answer to a staff request from a browser nobody is signed in on: the login page (back here
    afterwards), or to a background send a 401 its script turns into the same."""
    if _wants_json():
        return jsonify(error="login_required"), 401
    return redirect(login_url())


def needs_login_now() -> bool:
    """This request is for a staff view (one `requires` guards) and nobody is signed in on this browser."""
    view = current_app.view_functions.get(request.endpoint or "")
    return getattr(view, "required_roles", None) is not None and current_actor() is None


def requires(*roles: Role):
    """Allow a staff view only to logged-in users holding one of `roles` (none given: any staff)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            actor = current_actor()
            if actor is None:
                return login_required_response()
            if roles and not actor.has(*roles):
                abort(403)
            return view(*args, **kwargs)

        # Read by the authorisation test that walks every route with every role.
        wrapped.required_roles = frozenset(roles) if roles else frozenset({Role.HELPDESK, Role.KASUBAG, Role.ADMIN})
        return wrapped

    return decorator
