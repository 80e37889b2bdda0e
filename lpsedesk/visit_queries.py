"""What the staff screens list: the Kasubag's queue, the helpdesk board, reports, and the visit search."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, selectinload

from . import decision_told, visit_ops
from .clock import wib_date, wib_day_bounds
from .ids import ascii_digits
from .models import RemoteAccessRequest, Visit, Visitor
from .pagination import Page, paginate
from .search_index import visits_matching
from .workflow import RemoteStatus, VisitStatus

V = VisitStatus
CLOSED_TODAY = (V.DENIED, V.CANCELLED, V.EXPIRED, V.REPORTED, V.CHECKED_OUT)


def visits() -> Select:
    """Visits with their visitors loaded by id in a second query: a join planned from the visitors'
    side (a merge join walking every visitor) is never on the table."""
    return select(Visit).options(selectinload(Visit.visitor))


def pending(session: Session) -> list[Visit]:
    # Sorted here, as the other open states are (see _in_order): a handful of rows by status alone.
    return _in_order(session.scalars(visits().where(Visit.status == V.PENDING)), lambda v: v.submitted_at)


def split_for_kasubag(visits: list[Visit], ktp_first: bool) -> tuple[list[Visit], list[Visit]]:
    """(ready for a decision, still waiting for the helpdesk's KTP check) under the office setting;
    a visit without a KTP photo waits for the check whatever the setting (h43n)."""
    waiting = [v for v in visits if visit_ops.waits_for_ktp_check(v, ktp_first=ktp_first)]
    return [v for v in visits if v not in waiting], waiting


def remote_waiting(session: Session) -> list[RemoteAccessRequest]:
    return list(session.scalars(select(RemoteAccessRequest).where(RemoteAccessRequest.status == RemoteStatus.RECEIVED)
                                .order_by(RemoteAccessRequest.recorded_at)))


# Open states hold a handful of visits: they are read by status alone and put in order here. An
# ORDER BY in SQL tempts SQLite, whose statistics see only "a status matches 1/7 of the table",
# into walking the whole ordering index instead.
def _in_order(visits, key) -> list[Visit]:
    return sorted(visits, key=lambda v: (key(v) is None, key(v) or 0, v.id))


def inside_now(session: Session) -> list[Visit]:
    """Visitors the helpdesk let in and who have not left (decision_told.is_inside), let in earliest first."""
    return _in_order(session.scalars(visits().where(decision_told.let_in())), lambda v: v.decided_at)


def decisions_to_tell(session: Session) -> list[Visit]:
    """The Kasubag's decisions the helpdesk has still to act on (decision_told.awaits_telling): the
    approved visitor to let in, the refused one to tell why; the earliest decided first."""
    return _in_order(session.scalars(visits().where(decision_told.to_tell())), lambda v: v.decided_at)


def in_the_building(session: Session) -> list[Visit]:
    """Every approved visitor not yet checked out, let in or still at the desk: the evacuation list,
    which counted them all before h36d and still does (a visitor waiting at the desk is in the building)."""
    return _in_order(session.scalars(visits().where(Visit.status == V.APPROVED)), lambda v: v.decided_at)


def to_report(session: Session) -> list[Visit]:
    """Checked out but not yet reported, from any day: nothing finished is ever forgotten."""
    return _in_order(session.scalars(visits().where(Visit.status == V.CHECKED_OUT)),
                     lambda v: v.checked_out_at)


def finished_today(session: Session, now: datetime) -> list[Visit]:
    """Closed today (WIB): checked out today, or closed without a check-out by a decision today.

    Read as two small index ranges (checked out today, decided today) and sorted out here: one
    range over coalesce(checked_out_at, decided_at) has no index and reads all of history, and a
    status filter in SQL lets SQLite without statistics walk every closed visit instead.
    """
    start, end = wib_day_bounds(wib_date(now))
    today = or_((Visit.checked_out_at >= start) & (Visit.checked_out_at < end),
                (Visit.decided_at >= start) & (Visit.decided_at < end))
    closed = {s.value for s in CLOSED_TODAY}

    def ended(visit: Visit) -> datetime | None:
        return visit.checked_out_at or visit.decided_at

    # A refusal the desk has still to tell stands at the board's top until told (h36d), not here.
    found = [v for v in session.scalars(visits().where(today))
             if v.status in closed and ended(v) is not None and start <= ended(v) < end
             and not decision_told.awaits_telling(v)]
    return sorted(found, key=lambda v: (ended(v), v.id), reverse=True)


def decided_today(session: Session, now: datetime, limit: int = 10) -> list[Visit]:
    start, _end = wib_day_bounds(wib_date(now))
    return list(session.scalars(
        visits().where(Visit.decided_at >= start, Visit.status != V.PENDING)
        .order_by(Visit.decided_at.desc()).limit(limit)))


def same_names(visits: list[Visit]) -> set[int]:
    """The ids of the visits in `visits` whose visitor's name another of them also bears (case and
    spacing aside): two "Budi Santoso" on the Kasubag's phone, one card at a time, are told apart by
    what the screen says beside the name (h35k)."""
    def name(visit: Visit) -> str:
        return " ".join(visit.visitor.full_name.casefold().split())
    counts: dict[str, int] = {}
    for visit in {v.id: v for v in visits}.values():
        counts[name(visit)] = counts.get(name(visit), 0) + 1
    return {visit.id for visit in visits if counts[name(visit)] > 1}


def reported_unacknowledged(session: Session) -> list[Visit]:
    # The condition is the partial index ix_visits_reports_waiting's, word for word.
    return list(session.scalars(visits().where(Visit.status == V.REPORTED, Visit.acknowledged_at.is_(None))
                                .order_by(Visit.reported_at)))


def search(session: Session, *, text: str = "", status: str = "", date_from: date | None = None,
           date_to: date | None = None, page: int = 1, per_page: int = 25) -> Page:
    """Visits by name, NIK or institution, status and WIB date range (of submission), newest first.

    A NIK matches only when all 16 digits are given: lists show NIKs masked, and a search for a
    prefix would confirm the hidden digits one query at a time.
    """
    query = visits()
    text = text.strip()
    nik = "".join(text.split())
    if len(nik) == 16 and ascii_digits(nik):
        # A whole NIK is never part of a name or an institution: one exact match through its index.
        query = query.join(Visit.visitor).where(Visitor.nik == nik)
    elif text:
        # Visitors found through the search index first, then their visits (search_index.py).
        query = query.where(visits_matching(session, Visit.visitor_id, text))
    if status:
        query = query.where(Visit.status == status)
    if date_from:
        query = query.where(Visit.submitted_at >= wib_day_bounds(date_from)[0])
    if date_to:
        query = query.where(Visit.submitted_at < wib_day_bounds(date_to)[1])
    return paginate(session, query, Visit.submitted_at.desc(), Visit.id.desc(), page=page, per_page=per_page)
