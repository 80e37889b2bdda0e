"""The SKM report of a period (the Laporan SKM), and the month-by-month trend, read from the
database. Plain Python; the views and the documents ask this module."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..clock import wib_at
from ..models import SkmResponse, Visit
from .answers import follow_up, scores_of
from .compute import IkmResult, compute
from .elements import EDUCATION
from .profile import AGE_BANDS, SEXES, ProfileRow, table
from .sample import SampleCheck, check

OCCUPATIONS = ("penyedia", "pokja", "ppk", "pa_kpa", "apip", "opd", "public", "other")


@dataclass(frozen=True)
class SkmReport:
    start: date
    end: date
    result: IkmResult
    sample: SampleCheck
    profiles: dict[str, list[ProfileRow]]  # sex, age, education, occupation
    suggestions: list[tuple[date, str]]
    follow_up: str
    responses: list[SkmResponse]


def responses_between(session: Session, start: date, end: date) -> list[SkmResponse]:
    # Ordered by date, then by the random id: within a day no order of answering survives.
    return list(session.scalars(select(SkmResponse).where(SkmResponse.answered_on >= start,
                                                          SkmResponse.answered_on <= end)
                                .order_by(SkmResponse.answered_on, SkmResponse.id)))


def visits_served(session: Session, start: date, end: date) -> int:
    """The population of the sample: visits checked out (served) between the WIB dates."""
    lo, hi = wib_at(start, time(0)), wib_at(end + timedelta(days=1), time(0))
    return session.scalar(select(func.count(Visit.id)).where(Visit.checked_out_at >= lo,
                                                             Visit.checked_out_at < hi)) or 0


def build(session: Session, start: date, end: date) -> SkmReport:
    rows = responses_between(session, start, end)
    result = compute(scores_of(r) for r in rows)
    profiles = {
        "sex": table((r.sex for r in rows), SEXES),
        "age": table((r.age_band for r in rows), [label for label, _lo, _hi in AGE_BANDS]),
        "education": table((r.education for r in rows), EDUCATION),
        "occupation": table((r.occupation for r in rows), OCCUPATIONS),
    }
    suggestions = [(r.answered_on, r.suggestion) for r in rows if r.suggestion]
    return SkmReport(start, end, result, check(visits_served(session, start, end), len(rows)), profiles,
                     suggestions, follow_up(session, start, end), rows)


@dataclass(frozen=True)
class MonthPoint:
    month: date  # first day
    respondents: int
    converted: object  # Decimal | None, rounded to 2 decimals
    grade: str | None


def monthly_trend(session: Session, last_month: date, months: int = 12) -> list[MonthPoint]:
    """The converted IKM of each of the `months` months up to `last_month`'s, oldest first."""
    first = last_month.replace(day=1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    end = (last_month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    by_month: dict[date, list] = defaultdict(list)
    for r in responses_between(session, first, end):
        by_month[r.answered_on.replace(day=1)].append(scores_of(r))
    out, month = [], first
    while month <= end:
        result = compute(by_month.get(month, []))
        out.append(MonthPoint(month, result.respondents, result.converted_rounded,
                              result.category.grade if result.category else None))
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return out

