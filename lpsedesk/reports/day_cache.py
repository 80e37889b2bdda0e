"""Kept figures of settled days: read what is current, count what is not, keep it for next time.

A day is settled from the day after tomorrow on (today and yesterday are always counted from the
visits: a visit still open, a late check-out, a write on either side of midnight). Kept figures are
read only where `summarised == version`; a day whose version moved (lpsedesk/reports/day_versions.py)
or that was never kept is counted from its visits and stored, conditionally: the row must still be
at the version read before counting (an upsert that finds the row, or an UPDATE ... WHERE version
= v), so a change committed meanwhile leaves the new figures unkept, never kept as current. Two
readers storing one day: the second one's UPDATE waits for the first's row lock and then matches
nothing. Correct with an empty cache; the cache only saves time.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Date, Integer, and_, bindparam, column, delete, func, or_, select, tuple_, update, values
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..clock import wib_today
from ..models import DayCount, DayTotal
from . import day_figures
from .day_figures import DayFigures

SETTLED_AFTER = timedelta(days=2)  # days before yesterday
WARM_DAYS = 31  # days the daily job counts per transaction


def last_settled(today: date | None = None) -> date:
    return (today or wib_today()) - SETTLED_AFTER


def _runs(days: list[date]) -> list[tuple[date, date]]:
    runs: list[tuple[date, date]] = []
    for day in sorted(days):
        if runs and runs[-1][1] + timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs


def _count(session: Session, days: list[date]) -> dict[date, DayFigures]:
    """The figures of `days` counted from the visits, one pass per run of consecutive days; a day
    without visits gets empty figures (kept too: it was counted)."""
    counted: dict[date, DayFigures] = {}
    for a, b in _runs(days):
        found = day_figures.from_rows(session, a, b)
        counted.update({d: found.get(d, DayFigures()) for d in day_figures.span(a, b)})
    return counted


def figures(session: Session, first: date, last: date, today: date | None = None) -> tuple[DayFigures, dict[date, int]]:
    """The period's figures (all days added) and visits per day, kept figures where current, the
    rest counted from the visits (and stored for settled days)."""
    settled = last_settled(today)
    rows = {r.day: r for r in session.execute(
        select(DayTotal.day, DayTotal.version, DayTotal.summarised, DayTotal.visits, DayTotal.stays,
               DayTotal.stay_seconds, DayTotal.decisions, DayTotal.longest_seconds, DayTotal.longest_visit_id)
        .where(DayTotal.day >= first, DayTotal.day <= last))}
    current = {d: r for d, r in rows.items() if d <= settled and r.summarised is not None and r.summarised == r.version}
    total, per_day = _read_kept(session, current)
    counted = _count(session, [d for d in day_figures.span(first, last) if d not in current])
    store(session, {d: f for d, f in counted.items() if d <= settled},
          {d: rows[d].version if d in rows else None for d in counted})
    for d, f in counted.items():
        total.add(f)
        per_day[d] = f.visits
    return total, per_day


def _read_kept(session: Session, current: dict) -> tuple[DayFigures, dict[date, int]]:
    total = DayFigures()
    per_day: dict[date, int] = {}
    for d, r in current.items():
        per_day[d] = r.visits
        total.add(DayFigures(visits=r.visits, stays=r.stays, stay_seconds=r.stay_seconds, decisions=r.decisions,
                             longest=None if r.longest_visit_id is None else (r.longest_seconds, r.longest_visit_id)))
    if current:
        pairs = [(d, r.version) for d, r in current.items()]
        query = (select(DayCount.kind, DayCount.value, DayCount.seconds, func.sum(DayCount.visits))
                 .where(DayCount.day >= min(current), DayCount.day <= max(current))
                 .group_by(DayCount.kind, DayCount.value, DayCount.seconds))
        counts = session.execute(_of_versions(session, query, pairs))
        for kind, value, seconds, n in counts:
            if kind == "wait":
                total.waits[seconds] += n
            else:
                total.counts[(kind, value)] += n
    return total, per_day


def _of_versions(session: Session, query, pairs: list[tuple[date, int]]):
    """`query` narrowed to the counts of these (day, version) pairs: on PostgreSQL joined to a VALUES
    list (a row-value IN list of a year is planned as 365 ORs, 40-75 ms against 20); SQLite has no
    column names for VALUES and runs the IN list through the index."""
    if session.get_bind().dialect.name == "postgresql":
        kept = values(column("day", Date), column("version", Integer), name="kept").data(pairs)
        return query.join(kept, and_(DayCount.day == kept.c.day, DayCount.version == kept.c.version))
    return query.where(tuple_(DayCount.day, DayCount.version).in_(pairs))


def _values(f: DayFigures) -> dict:
    seconds, visit_id = f.longest or (None, None)
    return {"visits": f.visits, "stays": f.stays, "stay_seconds": f.stay_seconds, "decisions": f.decisions,
            "longest_seconds": seconds, "longest_visit_id": visit_id}


def store(session: Session, days: dict[date, DayFigures], versions: dict[date, int | None]) -> int:
    """Keep the figures of `days`, each counted at `versions[day]` (None: the day had no row); a
    day whose row moved on since is left as it is. Returns the days stored."""
    conn = session.connection()
    table = DayTotal.__table__
    dialect = sqlite if conn.dialect.name == "sqlite" else postgresql
    stored: list[tuple[date, int, DayFigures]] = []
    for day in sorted(days):  # one order for every writer: no deadlock
        version, f = versions.get(day), days[day]
        if version is None:
            done = conn.execute(dialect.insert(table).values(day=day, version=0, summarised=0, **_values(f))
                                .on_conflict_do_nothing(index_elements=["day"])).rowcount
            version = 0
        else:
            done = conn.execute(update(table).where(
                table.c.day == day, table.c.version == version,
                or_(table.c.summarised.is_(None), table.c.summarised != version))
                .values(summarised=version, **_values(f))).rowcount
        if done:
            stored.append((day, version, f))
    if stored:  # nothing should be there; a hand-emptied day_totals must not double a day's counts
        counts = DayCount.__table__
        conn.execute(delete(counts).where(counts.c.day == bindparam("d"), counts.c.version == bindparam("v")),
                     [{"d": day, "v": version} for day, version, _f in stored])
    rows = [{"day": day, "version": version, "kind": kind, "value": value, "seconds": None, "visits": n}
            for day, version, f in stored for (kind, value), n in f.counts.items()]
    rows += [{"day": day, "version": version, "kind": "wait", "value": None, "seconds": s, "visits": n}
             for day, version, f in stored for s, n in f.waits.items()]
    if rows:
        conn.execute(DayCount.__table__.insert(), rows)
    return len(stored)


def forget_stale_counts(session: Session) -> int:
    """Counts of versions no longer current (left for readers that read them a moment before)."""
    current = select(DayTotal.day).where(DayTotal.day == DayCount.day, DayTotal.summarised == DayCount.version)
    return session.execute(delete(DayCount).where(~current.exists())
                           .execution_options(synchronize_session=False)).rowcount or 0


@dataclass
class Warmed:
    days: int  # kept in this batch
    more: bool
    changed: bool
    total: int = 0  # kept in this run, this batch included

    def __str__(self) -> str:
        return f"{self.total} settled days counted and kept"


def warm(session: Session, earliest: date | None, today: date | None = None, previous: Warmed | None = None) -> Warmed:
    """Count and keep up to WARM_DAYS settled days not kept (newest first), from `earliest` on; the
    last batch forgets stale counts."""
    settled = last_settled(today)
    missing: list[date] = []
    if earliest is not None and earliest <= settled:
        kept = set(session.scalars(select(DayTotal.day).where(
            DayTotal.day >= earliest, DayTotal.day <= settled,
            and_(DayTotal.summarised.is_not(None), DayTotal.summarised == DayTotal.version))))
        missing = [d for d in reversed(day_figures.span(earliest, settled)) if d not in kept][:WARM_DAYS]
    stored = 0
    if missing:
        versions = dict(session.execute(select(DayTotal.day, DayTotal.version).where(DayTotal.day.in_(missing))).all())
        counted = _count(session, missing)
        stored = store(session, counted, {d: versions.get(d) for d in counted})
    more = len(missing) == WARM_DAYS
    forgotten = 0 if more else forget_stale_counts(session)
    return Warmed(stored, more, bool(stored or forgotten), (previous.total if previous else 0) + stored)


def counter_of(total: DayFigures, kind: str) -> Counter:
    return Counter({value: n for (k, value), n in total.counts.items() if k == kind})
