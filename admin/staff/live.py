"""The staff screens' live feed: an SSE stream of the changes the viewer's roles may see (lpsedesk.live).

A stream runs for minutes on the login that opened it, so it asks every few seconds whether that
login still holds (logout, idle or absolute limit, deactivation): a screen left open after logout
must not go on hearing of new visits and requests.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask import current_app, request
from flask_login import current_user
from sqlalchemy.orm import Session

from lpsedesk import live_rules, staff_sessions
from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.live import sse_response
from lpsedesk.models import utcnow

from .. import bp


def staff_filter(roles):
    """The core's rule (live_rules) for a viewer holding `roles`."""
    roles = frozenset(roles)
    return lambda row: live_rules.staff_may_hear(roles, row.object_type, row.action)


def _cookie_idle_end() -> datetime:
    """When the login cookie this request carried goes idle: it was signed at its last renewal, and
    a stream never renews it (lpsedesk/sessionless.py)."""
    app = current_app._get_current_object()
    lifetime: timedelta = app.permanent_session_lifetime
    signed_at = None
    raw = request.cookies.get(app.config["SESSION_COOKIE_NAME"])
    serializer = app.session_interface.get_signing_serializer(app)
    if raw and serializer is not None:
        try:
            _data, signed_at = serializer.loads(raw, max_age=int(lifetime.total_seconds()), return_timestamp=True)
        except Exception:  # the cookie was read moments ago; if it now fails, count from now
            signed_at = None
    start = signed_at.astimezone(timezone.utc) if signed_at is not None else utcnow()
    return start + lifetime


def _login_check():
    """A cheap check of the current login for the stream's thread (its own short DB session)."""
    user = current_user._get_current_object()
    user_id, token, nonce = user.id, user.session_token, user.login_nonce
    longest = timedelta(hours=current_app.config["STAFF_SESSION_MAX_HOURS"])
    idle_until, engine = _cookie_idle_end(), db.engine

    def still_valid() -> bool:
        with Session(engine) as session:
            return staff_sessions.still_valid(session, user_id, token, nonce, longest, idle_until)

    return still_valid


@bp.get("/events")
@requires()
def events():
    actor = current_actor()
    lifetime = float(current_app.config.get("LIVE_STREAM_SECONDS", 300))
    return sse_response(db.engine, db.session, staff_filter(actor.roles), lifetime=lifetime,
                        owner=f"user:{actor.id}", per_owner=current_app.config["LIVE_STREAMS_PER_USER"],
                        still_allowed=_login_check())

