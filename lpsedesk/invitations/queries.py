"""Invitations as the screens list them: upcoming, waiting for the Kasubag, and a training's roster."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Invitation, InvitationStatus
from ..workflow import VisitStatus

S = InvitationStatus


def awaiting_decision(session: Session, now: datetime, limit: int = 200) -> list[Invitation]:
    """Open invitations whose window has not ended: the Kasubag may approve or refuse them in advance."""
    return list(session.scalars(
        select(Invitation).where(Invitation.status == S.OPEN.value, Invitation.ends_at > now)
        .order_by(Invitation.starts_at, Invitation.event_name, Invitation.full_name).limit(limit)))


def upcoming(session: Session, now: datetime, limit: int = 300) -> list[Invitation]:
    """Invitations whose window has not ended, and those used today or later, by start."""
    return list(session.scalars(
        select(Invitation).where(Invitation.ends_at > now).order_by(Invitation.starts_at, Invitation.full_name)
        .limit(limit)))


def events(session: Session, now: datetime) -> list[tuple[str, int, datetime]]:
    """(event name, invitations, first start) of events that have not ended yet."""
    rows = session.execute(
        select(Invitation.event_name, func.count(), func.min(Invitation.starts_at))
        .where(Invitation.event_name.is_not(None), Invitation.ends_at > now)
        .group_by(Invitation.event_name).order_by(func.min(Invitation.starts_at)))
    return [(name, count, first) for name, count, first in rows]


def of_event(session: Session, name: str) -> list[Invitation]:
    return list(session.scalars(
        select(Invitation).where(Invitation.event_name == name).order_by(Invitation.full_name, Invitation.id)))


# Where an invited person stands, from the invitation and the visit it became.
NOT_ARRIVED, WAITING, INSIDE, LEFT, NOT_ADMITTED, WITHDRAWN = (
    "not_arrived", "waiting", "inside", "left", "not_admitted", "withdrawn")


def presence(invitation: Invitation) -> str:
    visit = invitation.visit
    if visit is None:
        return WITHDRAWN if invitation.status in (S.CANCELLED, S.REFUSED) else NOT_ARRIVED
    if visit.status == VisitStatus.PENDING:
        return WAITING
    if visit.status == VisitStatus.APPROVED:
        return INSIDE
    if visit.status in (VisitStatus.CHECKED_OUT, VisitStatus.REPORTED):
        return LEFT
    return NOT_ADMITTED


@dataclass
class Roster:
    name: str
    rows: list[tuple[Invitation, str]]
    counts: dict[str, int]


def roster(session: Session, name: str) -> Roster:
    """A training's invitees with where each stands, and how many stand where."""
    rows = [(inv, presence(inv)) for inv in of_event(session, name)]
    counts = {k: 0 for k in (NOT_ARRIVED, WAITING, INSIDE, LEFT, NOT_ADMITTED, WITHDRAWN)}
    for _inv, where in rows:
        counts[where] += 1
    return Roster(name, rows, counts)


def by_visit(session: Session, visit_ids: list[int]) -> dict[int, Invitation]:
    """The invitation each of these visits came from, if any (one query for a whole queue)."""
    if not visit_ids:
        return {}
    rows = session.scalars(select(Invitation).where(Invitation.visit_id.in_(visit_ids)))
    return {inv.visit_id: inv for inv in rows}
