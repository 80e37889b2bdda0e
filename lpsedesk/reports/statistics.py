"""Figures for the statistics page, computed by aggregate queries over the period's visits.

The database counts and groups (per WIB day, per status, category, purpose, facility, institution
spelling, refusal reason) through the submitted_at index and hands back a few hundred rows, not
a year of visits; merging spellings (case, spaces) and filling the calendar are done here.
Order statistics (median, 95th percentile, longest stay) are read as the one row at their rank,
and their durations computed from that row's own timestamps, exactly as before.
Durations: stay = check-out - time in (submission), the two times printed in the guest book;
approval waiting = decided_at - submitted_at over the Kasubag's decisions (approved or refused).
Median is the middle value (mean of the two middle ones for an even count); p95 uses the
nearest-rank method (the smallest value with at least 95 % of the values at or below it).
"""
from __future__ import annotations

import math
import statistics as stats
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..exports.dates import Period
from ..models import RemoteAccessRequest, Visit, Visitor
from ..workflow import RemoteStatus

DECIDED_BY_KASUBAG = ("approved", "checked_out", "reported", "denied")
TOP_INSTITUTIONS = 10


@dataclass
class Statistics:
    period: Period
    total_visits: int = 0
    per_day: list[tuple[date, int]] = field(default_factory=list)
    per_week: list[tuple[date, int]] = field(default_factory=list)  # keyed by the week's Monday
    per_month: list[tuple[date, int]] = field(default_factory=list)  # keyed by the 1st
    by_status: list[tuple[str, int]] = field(default_factory=list)
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_purpose: list[tuple[str, int]] = field(default_factory=list)
    by_facility: list[tuple[str, int]] = field(default_factory=list)
    by_institution: list[tuple[str, int]] = field(default_factory=list)  # top 10, then "other"
    stays: int = 0
    stay_average: timedelta | None = None
    stay_longest: timedelta | None = None
    stay_longest_visit_id: int | None = None
    decisions: int = 0
    wait_median: timedelta | None = None
    wait_p95: timedelta | None = None
    refusals: int = 0
    refusal_reasons: list[tuple[str, int]] = field(default_factory=list)
    remote_requests: int = 0
    remote_by_status: list[tuple[str, int]] = field(default_factory=list)
    remote_accounts_open: int = 0  # now, whatever the period


def median(values: list[float]) -> float | None:
    return stats.median(values) if values else None


def percentile_nearest_rank(values: list[float], pct: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def _seconds(value: float | None) -> timedelta | None:
    return None if value is None else timedelta(seconds=round(value))


def _ranked(counter: Counter) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))


def _normalise(name: str) -> str:
    return " ".join(name.split())


def merged_spellings(counts: list[tuple[str | None, int]], top: int = TOP_INSTITUTIONS) -> list[tuple[str, int]]:
    """Counts per raw spelling merged case- and space-insensitively, shown in their most common
    spelling; beyond `top`, the rest summed as ""."""
    merged: Counter = Counter()
    spellings: dict[str, Counter] = {}
    for raw, n in counts:
        name = _normalise(raw or "")
        merged[name.casefold()] += n
        spellings.setdefault(name.casefold(), Counter())[name] += n
    ranked = _ranked(merged)
    head = [(spellings[k].most_common(1)[0][0], n) for k, n in ranked[:top]]
    rest = sum(n for _k, n in ranked[top:])
    return head + ([("", rest)] if rest else [])


def _time_series(per_day: Counter, period: Period) -> tuple[list, list, list]:
    span = [period.start + timedelta(days=i) for i in range((period.end - period.start).days + 1)]
    weeks: Counter = Counter()
    months: Counter = Counter()
    for day in span:  # every bucket of the period, zeros included, so charts show quiet days
        weeks[day - timedelta(days=day.weekday())] += per_day[day]
        months[day.replace(day=1)] += per_day[day]
    return ([(d, per_day[d]) for d in span], sorted(weeks.items()), sorted(months.items()))


def _wib_day(session: Session, column):
    """The WIB calendar day of a UTC timestamp, in SQL."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(column, "+7 hours")  # stored as naive UTC text; WIB has no DST
    return func.date(func.timezone("Asia/Jakarta", column))


def _seconds_between(session: Session, start, end):
    if session.get_bind().dialect.name == "sqlite":
        return (func.julianday(end) - func.julianday(start)) * 86400.0
    return func.extract("epoch", end - start)


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def compute(session: Session, period: Period) -> Statistics:
    lo, hi = period.utc_bounds()
    in_period = (Visit.submitted_at >= lo, Visit.submitted_at < hi)

    def grouped(*columns, where=(), join=False, totals=()) -> list[tuple]:
        query = select(*columns, func.count(), *totals).where(*in_period, *where).group_by(*columns)
        if join:
            query = query.join_from(Visit, Visitor, Visit.visitor_id == Visitor.id)
        return [tuple(r) for r in session.execute(query).all()]

    # One pass over the period's visits for the counts by day, status, purpose and facility (a few
    # thousand groups at most), one pass with their visitors for category and institution.
    # The same pass sums the stays and counts the Kasubag's decisions (each was a pass of its own).
    stay = _seconds_between(session, Visit.submitted_at, Visit.checked_out_at)
    per_day, status, purpose, facility = Counter(), Counter(), Counter(), Counter()
    stays, stay_total, decisions = 0, 0.0, 0
    for day, *keys, n, out, stay_sum, decided in grouped(
            _wib_day(session, Visit.submitted_at), Visit.status, Visit.purpose, Visit.facility,
            totals=(func.count(Visit.checked_out_at), func.sum(stay), func.count(Visit.decided_at))):
        per_day[_as_date(day)] += n
        for counter, key in zip((status, purpose, facility), keys):
            counter[key] += n
        stays, stay_total = stays + out, stay_total + float(stay_sum or 0)
        decisions += decided if keys[0] in DECIDED_BY_KASUBAG else 0
    category, spellings = Counter(), Counter()
    for kind, institution, n in grouped(Visitor.category, Visitor.institution, join=True):
        category[kind] += n
        spellings[institution] += n
    result = Statistics(period=period, total_visits=sum(per_day.values()))
    result.per_day, result.per_week, result.per_month = _time_series(per_day, period)
    result.by_status = _ranked(status)
    result.by_category = _ranked(category)
    result.by_purpose = _ranked(purpose)
    result.by_facility = _ranked(facility)
    result.by_institution = merged_spellings(list(spellings.items()))

    if stays:
        result.stays = stays
        result.stay_average = _seconds(stay_total / stays)
        longest = session.execute(select(Visit.id, Visit.submitted_at, Visit.checked_out_at)
                                  .where(*in_period, Visit.checked_out_at.is_not(None))
                                  .order_by(stay.desc(), Visit.id).limit(1)).one()
        result.stay_longest, result.stay_longest_visit_id = longest[2] - longest[1], longest[0]

    decided = (*in_period, Visit.decided_at.is_not(None), Visit.status.in_(DECIDED_BY_KASUBAG))
    result.decisions = decisions
    if result.decisions:
        wait = _seconds_between(session, Visit.submitted_at, Visit.decided_at)
        n = result.decisions
        middle = [(n + 1) // 2] if n % 2 else [n // 2, n // 2 + 1]
        p95 = max(1, math.ceil(0.95 * n))
        at = _waits_at_ranks(session, decided, wait, {*middle, p95})
        result.wait_median = _seconds(sum(at[r] for r in middle) / len(middle))
        result.wait_p95 = _seconds(at[p95])

    reasons = grouped(Visit.decision_reason, where=(Visit.status == "denied",))
    result.refusals = sum(n for _r, n in reasons)
    result.refusal_reasons = _ranked(Counter(_merge_reasons(reasons)))

    remote = session.execute(
        select(RemoteAccessRequest.status, func.count()).where(
            RemoteAccessRequest.recorded_at >= lo, RemoteAccessRequest.recorded_at < hi)
        .group_by(RemoteAccessRequest.status)).all()
    result.remote_by_status = _ranked(Counter(dict(remote)))
    result.remote_requests = sum(n for _s, n in remote)
    result.remote_accounts_open = session.scalar(
        select(func.count()).select_from(RemoteAccessRequest)
        .where(RemoteAccessRequest.status == RemoteStatus.ACTIVE)) or 0
    return result


def _waits_at_ranks(session: Session, decided, wait, ranks: set[int]) -> dict[int, float]:
    """The waits (seconds, from their own timestamps) at the 1-based `ranks` of the period's decided
    visits ordered by wait: one sort of the period for every rank (each rank as its own ORDER BY ...
    OFFSET sorted the period again: seconds at a million visits)."""
    ranked = (select(Visit.submitted_at, Visit.decided_at,
                     func.row_number().over(order_by=(wait, Visit.id)).label("rank"))
              .where(*decided).subquery())
    rows = session.execute(select(ranked.c.rank, ranked.c.submitted_at, ranked.c.decided_at)
                           .where(ranked.c["rank"].in_(sorted(ranks)))).all()
    return {rank: (b - a).total_seconds() for rank, a, b in rows}


def _merge_reasons(rows: list[tuple[str | None, int]]) -> Counter:
    counts: Counter = Counter()
    for reason, n in rows:
        counts[_normalise(reason or "")] += n
    return counts
