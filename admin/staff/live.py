"""The staff screens' live feed: an SSE stream of the changes the viewer's roles may see (lpsedesk.live).

A stream runs for minutes on the login that opened it, so it asks every few seconds whether that
login still holds (logout, idle or absolute limit, deactivation): a screen left open after logout
must not go on hearing of new visits and requests.
"""
from __future__ import annotations

from datetime import timedelta

from flask import current_app
from flask_login import current_user
from sqlalchemy.orm import Session

from lpsedesk import live_rules, staff_sessions
from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.live import sse_response
from lpsedesk.models import utcnow
from lpsedesk.sessionless import renewed_at

from .. import bp


def staff_filter(roles):
    """The core's rule (live_rules) for a viewer holding `roles`."""
    roles = frozenset(roles)
    return lambda row: live_rules.staff_may_hear(roles, row.object_type, row.action)


def _login_check():
    """A cheap check of the current login for the stream's thread (its own short DB session)."""
    user = current_user._get_current_object()
    user_id, token, nonce = user.id, user.session_token, user.login_nonce
    longest = timedelta(hours=current_app.config["STAFF_SESSION_MAX_HOURS"])
    idle = current_app.permanent_session_lifetime
    renewed, engine = renewed_at() or utcnow(), db.engine  # a stream never renews the cookie

    def still_valid() -> bool:
        with Session(engine) as session:
            return staff_sessions.still_valid(session, user_id, token, nonce, longest, renewed, idle)

    return still_valid


@bp.get("/events")
@requires()
def events():
    actor = current_actor()
    lifetime = float(current_app.config.get("LIVE_STREAM_SECONDS", 300))
    return sse_response(db.engine, db.session, staff_filter(actor.roles), lifetime=lifetime,
                        owner=f"user:{actor.id}", per_owner=current_app.config["LIVE_STREAMS_PER_USER"],
                        still_allowed=_login_check())

