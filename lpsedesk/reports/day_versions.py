"""Every change the statistics count bumps the version of the WIB days it touches, in its own
transaction, so kept figures of those days (lpsedesk/models/day_totals.py) count no more.

Caught in the unit of work (`before_flush`: new, changed and deleted visits; visitors whose category
or institution changed, which the statistics count on each of their visits) and in ORM bulk
UPDATE / DELETE statements on visits or visitors that set a counted column (their days read with the
statement's own WHERE first). Plain SQL text is not seen: do not write visits that way.

Only days before today (WIB) are bumped: figures are kept only for days before yesterday
(lpsedesk/reports/day_cache.py), so a write that straddles midnight never races a kept day.
Concurrency: the bump is an upsert (one row per day, locked until the writer commits); a reader
stores figures only `WHERE version = <the version it read before counting>`, so figures counted
before a change committed are never stored as current.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import event, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..clock import wib_date, wib_today
from ..models import DayTotal, Visit, Visitor

# What the statistics read: a change to anything else (notes, files, NIK) leaves them as they are.
# h40p: the let-in too (decision_told_at): a visitor never let in has no stay.
VISIT_COLUMNS = frozenset({"submitted_at", "status", "purpose", "facility", "checked_out_at", "decided_at",
                           "decision_reason", "visitor_id", "visitor", "decision_told_at"})
VISITOR_COLUMNS = frozenset({"category", "institution"})


def bump(session: Session, days: Iterable[date], today: date | None = None) -> None:
    """Make the kept figures of `days` (those before today) count no more, in this transaction."""
    today = today or wib_today()
    settled = sorted({d for d in days if d < today})  # one order for every writer: no deadlock
    if not settled:
        return
    conn = session.connection()
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    upsert = dialect.insert(DayTotal.__table__)
    conn.execute(upsert.on_conflict_do_update(index_elements=["day"],
                                              set_={"version": DayTotal.__table__.c.version + 1}),
                 [{"day": d, "version": 1, "visits": 0, "stays": 0, "stay_seconds": 0.0, "decisions": 0}
                  for d in settled])


def _days(moments: Iterable[datetime | None]) -> set[date]:
    return {wib_date(m) for m in moments if m is not None}


def _changed(obj, names: frozenset[str]) -> bool:
    attrs = inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in names)


def _visit_days(obj: Visit) -> set[date]:
    history = inspect(obj).attrs.submitted_at.history
    return _days([obj.submitted_at, *history.deleted])


def _visitors_days(session: Session, where) -> set[date]:
    rows = session.connection().execute(
        select(Visit.submitted_at).join(Visitor, Visitor.id == Visit.visitor_id).where(where))
    return _days(r[0] for r in rows)


@event.listens_for(Session, "before_flush")
def _bump_changed_days(session: Session, _context, _instances) -> None:
    days: set[date] = set()
    visitor_ids: set[int] = set()
    for obj in session.new:
        if isinstance(obj, Visit):
            days |= _days([obj.submitted_at])  # None: stamped now, today
    for obj in session.dirty:
        if isinstance(obj, Visit) and _changed(obj, VISIT_COLUMNS):
            days |= _visit_days(obj)
        elif isinstance(obj, Visitor) and obj.id is not None and _changed(obj, VISITOR_COLUMNS):
            visitor_ids.add(obj.id)
    for obj in session.deleted:
        if isinstance(obj, Visit):
            days |= _visit_days(obj)
        elif isinstance(obj, Visitor) and obj.id is not None:
            visitor_ids.add(obj.id)
    if visitor_ids:
        days |= _visitors_days(session, Visitor.id.in_(visitor_ids))
    bump(session, days)


def _set_columns(state) -> set[str]:
    statement = state.statement
    names = {getattr(c, "key", c) for c in (getattr(statement, "_values", None) or {})}
    params = state.parameters
    if isinstance(params, list):  # bulk UPDATE by primary key: one dict per row
        for row in params:
            names |= set(row)
    return names


@event.listens_for(Session, "do_orm_execute")
def _bump_days_of_bulk_statements(state) -> None:
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return
    entity = state.bind_mapper.class_
    counted = VISIT_COLUMNS if entity is Visit else VISITOR_COLUMNS if entity is Visitor else None
    if counted is None or (state.is_update and not (_set_columns(state) & counted)):
        return
    where = state.statement.whereclause
    params = state.parameters
    if isinstance(params, list):  # by primary key
        where = entity.id.in_([row["id"] for row in params])
    session = state.session
    if entity is Visit:
        query = select(Visit.submitted_at) if where is None else select(Visit.submitted_at).where(where)
        bump(session, _days(r[0] for r in session.connection().execute(query)))
    else:
        bump(session, _visitors_days(session, True if where is None else where))
