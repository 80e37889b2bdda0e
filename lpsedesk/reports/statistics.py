"""Figures for the statistics page, computed in Python over the period's visits.

One query loads the period's visits (a busy office makes a few thousand a year), then every
figure is counted from the same rows, so the page, the charts and the CSV always agree.
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

from ..clock import wib_date
from ..exports.dates import Period
from ..models import RemoteAccessRequest, Visit
from ..workflow import RemoteStatus
from .guestbook import visits_in

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


def institutions(visits: list[Visit], top: int = TOP_INSTITUTIONS) -> list[tuple[str, int]]:
    """Counted case-insensitively, shown in their most common spelling; the rest summed as ""."""
    counts: Counter = Counter()
    spellings: dict[str, Counter] = {}
    for visit in visits:
        name = _normalise(visit.visitor.institution)
        counts[name.casefold()] += 1
        spellings.setdefault(name.casefold(), Counter())[name] += 1
    ranked = _ranked(counts)
    head = [(spellings[k].most_common(1)[0][0], n) for k, n in ranked[:top]]
    rest = sum(n for _k, n in ranked[top:])
    return head + ([("", rest)] if rest else [])


def _time_series(days: list[date], period: Period) -> tuple[list, list, list]:
    per_day = Counter(days)
    span = [period.start + timedelta(days=i) for i in range((period.end - period.start).days + 1)]
    weeks: Counter = Counter()
    months: Counter = Counter()
    for day in span:  # every bucket of the period, zeros included, so charts show quiet days
        weeks[day - timedelta(days=day.weekday())] += per_day[day]
        months[day.replace(day=1)] += per_day[day]
    return ([(d, per_day[d]) for d in span], sorted(weeks.items()), sorted(months.items()))


def compute(session: Session, period: Period) -> Statistics:
    visits = visits_in(session, period)
    result = Statistics(period=period, total_visits=len(visits))
    days = [wib_date(v.submitted_at) for v in visits]
    result.per_day, result.per_week, result.per_month = _time_series(days, period)
    result.by_status = _ranked(Counter(v.status for v in visits))
    result.by_category = _ranked(Counter(v.visitor.category for v in visits))
    result.by_purpose = _ranked(Counter(v.purpose for v in visits))
    result.by_facility = _ranked(Counter(v.facility for v in visits))
    result.by_institution = institutions(visits)

    stays = [(v.checked_out_at - v.submitted_at, v.id) for v in visits if v.checked_out_at]
    if stays:
        result.stays = len(stays)
        result.stay_average = _seconds(sum(s.total_seconds() for s, _ in stays) / len(stays))
        result.stay_longest, result.stay_longest_visit_id = max(stays, key=lambda s: (s[0], -s[1]))

    waits = [(v.decided_at - v.submitted_at).total_seconds() for v in visits
             if v.decided_at and v.status in DECIDED_BY_KASUBAG]
    result.decisions = len(waits)
    result.wait_median = _seconds(median(waits))
    result.wait_p95 = _seconds(percentile_nearest_rank(waits, 95))

    refused = [v for v in visits if v.status == "denied"]
    result.refusals = len(refused)
    result.refusal_reasons = _ranked(Counter(_normalise(v.decision_reason or "") for v in refused))

    lo, hi = period.utc_bounds()
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
