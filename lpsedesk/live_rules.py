"""What a live stream may carry, to whom, and how far back it may replay. Plain Python, no Flask.

The SOP gives remote access (akses jarak jauh) to the Admin LPSE and the Kasubag only: the helpdesk
never sees a remote request, so its screens' stream must not even say that one changed. A stream
carries a change only when one of the viewer's roles may see that kind of record.

A browser that reconnects names the last event it saw (Last-Event-ID) and gets what it missed. That
replay is bounded: an old or forged id would otherwise make the stream read the audit log from far
back (from event 0: the whole log, 200 rows a query). Past the bounds the client is told to reload
its screen instead, which shows the state as it is now.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from .roles import Role

# Which kinds of record (the audit event's object_type) each role's staff stream may carry.
STREAM_KINDS: dict[Role, frozenset[str]] = {
    Role.HELPDESK: frozenset({"visit"}),
    # invitations: the Kasubag's queue lists those to approve in advance, and a new one (or a training's
    # import) appears there as a visit request does (h46d); no other screen shows them live
    Role.KASUBAG: frozenset({"visit", "remote_access", "invitations"}),
    Role.ADMIN: frozenset({"visit", "remote_access"}),
}

# A reconnecting stream replays at most this much of what it missed; older: "reload".
REPLAY_SECONDS = 120
REPLAY_EVENTS = 200


def kinds_for(roles: Iterable[Role]) -> frozenset[str]:
    """Every kind of change a viewer holding `roles` may hear of (a Plh. holds Kasubag's for a time)."""
    kinds: set[str] = set()
    for role in roles:
        kinds |= STREAM_KINDS.get(role, frozenset())
    return frozenset(kinds)


def staff_may_hear(roles: Iterable[Role], object_type: str | None, action: str) -> bool:
    """Whether a staff stream for `roles` carries this change. A KTP viewing writes an audit event
    too; a screen refreshed for it would refresh again for its own viewing, and so on."""
    return object_type in kinds_for(roles) and not action.endswith("_viewed")


@dataclass(frozen=True)
class ReplayStart:
    after_id: int  # stream the events after this one
    reload: bool  # the client's id is too old (or not ours): tell it to reload instead of replaying


def replay_start(asked: int | None, latest: int, first_missed_at: datetime | None,
                 now: datetime) -> ReplayStart:
    """Where a stream starts for a client that last saw event `asked` (None: a new client).

    `latest` is the newest event id now; `first_missed_at` the time of the first event after `asked`
    (None when there is none). Ids only grow, with gaps, so `latest - asked` bounds the count.
    """
    if asked is None or asked == latest:
        return ReplayStart(latest, False)
    too_many = asked <= 0 or latest - asked > REPLAY_EVENTS
    too_old = first_missed_at is not None and now - first_missed_at > timedelta(seconds=REPLAY_SECONDS)
    from_elsewhere = asked > latest  # not an id this log gave (another database, a restore, forged)
    if too_many or too_old or from_elsewhere:
        return ReplayStart(latest, True)
    return ReplayStart(asked, False)
