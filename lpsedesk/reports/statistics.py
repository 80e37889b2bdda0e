"""Figures for the statistics page: each WIB day's figures added up over the period.

Each day is counted by aggregate SQL over its visits (lpsedesk/reports/day_figures.py: per status,
category, purpose, facility, institution spelling, refusal reason; stays; decisions; approval waits
per whole second; the longest stay); settled days' figures are kept and read back while none of
their visits changed (lpsedesk/reports/day_cache.py), so a year reads a few thousand rows, not a
third of a million visits. Merging spellings (case, spaces) and filling the calendar are done here.
Durations: stay = check-out - the Kasubag's approval (lpsedesk/visit_stay: SOP 1's visit begins
with the permission; the kiosk's submission is the arrival), each cut to the minute shown, as the
visit report, the board and the queue count it; approval waiting = decided_at - submitted_at over the Kasubag's decisions (approved or refused),
each counted in whole seconds (rounded half up). Median is the middle value (mean of the two middle
ones for an even count); p95 uses the nearest-rank method (the smallest value with at least 95 % of
the values at or below it). The longest stay is its visit's own (visit_stay.stay).
"""
from __future__ import annotations

import math
import statistics as stats
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import visit_stay
from ..exports.dates import Period
from ..models import RemoteAccessRequest, Visit
from ..workflow import RemoteStatus
from . import day_cache
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
    head = [(_most_common_spelling(spellings[k]), n) for k, n in ranked[:top]]
    rest = sum(n for _k, n in ranked[top:])
    return head + ([("", rest)] if rest else [])


def _most_common_spelling(spellings: Counter) -> str:
    # Ties broken by the spelling itself, not by which row came first: the database returns rows in
    # no set order (PostgreSQL), and the screen, the PDF and the kept days must name "Dinas PU" /
    # "DINAS PU" (one visit each) alike.
    return min(spellings.items(), key=lambda item: (-item[1], item[0]))[0]


def _time_series(per_day: Counter, period: Period) -> tuple[list, list, list]:
    span = [period.start + timedelta(days=i) for i in range((period.end - period.start).days + 1)]
    weeks: Counter = Counter()
    months: Counter = Counter()
    for day in span:  # every bucket of the period, zeros included, so charts show quiet days
        weeks[day - timedelta(days=day.weekday())] += per_day[day]
        months[day.replace(day=1)] += per_day[day]
    return ([(d, per_day[d]) for d in span], sorted(weeks.items()), sorted(months.items()))


def compute(session: Session, period: Period, today: date | None = None) -> Statistics:
    lo, hi = period.utc_bounds()
    total, per_day_counts = day_cache.figures(session, period.start, period.end, today)
    per_day = Counter({d: n for d, n in per_day_counts.items() if n})
    result = Statistics(period=period, total_visits=total.visits)
    result.per_day, result.per_week, result.per_month = _time_series(per_day, period)
    result.by_status = _ranked(day_cache.counter_of(total, "status"))
    result.by_category = _ranked(day_cache.counter_of(total, "category"))
    result.by_purpose = _ranked(day_cache.counter_of(total, "purpose"))
    result.by_facility = _ranked(day_cache.counter_of(total, "facility"))
    result.by_institution = merged_spellings(list(day_cache.counter_of(total, "institution").items()))

    if total.stays:
        result.stays = total.stays
        result.stay_average = _seconds(total.stay_seconds / total.stays)
        visit_id = total.longest[1]
        result.stay_longest, result.stay_longest_visit_id = visit_stay.stay(session.get(Visit, visit_id)), visit_id

    result.decisions = total.decisions
    if total.waits:
        n = sum(total.waits.values())
        middle = [(n + 1) // 2] if n % 2 else [n // 2, n // 2 + 1]
        p95 = max(1, math.ceil(0.95 * n))
        at = _at_ranks(total.waits, {*middle, p95})
        result.wait_median = _seconds(sum(at[r] for r in middle) / len(middle))
        result.wait_p95 = _seconds(at[p95])

    reasons = day_cache.counter_of(total, "reason")
    result.refusals = sum(reasons.values())
    result.refusal_reasons = _ranked(_merge_reasons(list(reasons.items())))

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


def _at_ranks(histogram: Counter, ranks: set[int]) -> dict[int, int]:
    """The values at the 1-based `ranks` of the sorted values a histogram (value -> count) holds."""
    at: dict[int, int] = {}
    seen = 0
    wanted = sorted(ranks)
    for value in sorted(histogram):
        seen += histogram[value]
        while wanted and wanted[0] <= seen:
            at[wanted.pop(0)] = value
        if not wanted:
            break
    return at


def _merge_reasons(rows: list[tuple[str | None, int]]) -> Counter:
    counts: Counter = Counter()
    for reason, n in rows:
        counts[_normalise(reason or "")] += n
    return counts
