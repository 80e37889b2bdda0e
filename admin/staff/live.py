"""The staff screens' live feed: an SSE stream of visit and remote-access changes (lpsedesk.live)."""
from __future__ import annotations

from flask import current_app

from lpsedesk.auth import current_actor, requires
from lpsedesk.extensions import db
from lpsedesk.live import sse_response
from lpsedesk.models import AuditEvent

from .. import bp

WATCHED = {"visit", "remote_access"}


def staff_wants(row: AuditEvent) -> bool:
    # Viewing a KTP image writes an audit event too; refreshing a screen for it would loop.
    return row.object_type in WATCHED and not row.action.endswith("_viewed")


@bp.get("/events")
@requires()
def events():
    lifetime = float(current_app.config.get("LIVE_STREAM_SECONDS", 300))
    return sse_response(db.engine, db.session, staff_wants, lifetime=lifetime, owner=f"user:{current_actor().id}",
                        per_owner=current_app.config["LIVE_STREAMS_PER_USER"])
