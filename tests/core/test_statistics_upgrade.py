"""Statistics right after an upgrade (issue 16): the first page of a year must not count a third of
a million visits (10.8 s on SQLite, 5.1 s on PostgreSQL at 1M). The upgrade (migration
0019j_days_filled_files_by_id) counts every settled day set-based and keeps it, so the first request
counts no settled day at all (only today and yesterday, always counted from their visits), each
day at most once, and its figures equal a count made visit by visit.
"""
from __future__ import annotations

import importlib.util
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, update

from lpsedesk.clock import WIB, wib_date, wib_today
from lpsedesk.exports import range_period
from lpsedesk.extensions import db
from lpsedesk.models import DayCount, DayTotal, Visit
from lpsedesk.reports import day_figures
from lpsedesk.reports.statistics import compute

from .test_statistics_days import agree, build, kept_days, make_visit, reference

MIGRATION = Path(__file__).parents[2] / "lpsedesk/migrations/versions/0019j_days_filled_files_by_id.py"


# h24s: a later step of the same upgrade recounts the kept stays from the Kasubag's approval
STAYS = Path(__file__).parents[2] / "lpsedesk/migrations/versions/0024s_stays_from_approval.py"


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_upgrade() -> None:
    """The migrations' upgrade on the test database, as `flask db upgrade` runs them: 0019j fills the
    settled days, 0024s recounts their stays from the approval."""
    fill, stays = _load(MIGRATION), _load(STAYS)
    db.session.remove()
    with db.engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            fill._fill_settled_days(conn, conn.dialect.name)
            stays.recount_kept_stays(conn)


def counted_spans(monkeypatch) -> list[tuple[date, date]]:
    """Every span of days the statistics count from the visits, as they count them."""
    spans: list[tuple[date, date]] = []
    original = day_figures.from_rows

    def counting(session, first, last):
        spans.append((first, last))
        return original(session, first, last)

    monkeypatch.setattr(day_figures, "from_rows", counting)
    return spans


def test_the_first_statistics_after_the_upgrade_count_only_today_and_yesterday(app, monkeypatch):
    rng = random.Random(19)
    today = wib_today()
    with app.app_context():
        build(rng, days=150, visits=600, never_let_in=0)  # before 0027h: every decision let in
        db.session.execute(update(DayTotal).values(summarised=None))  # nothing kept, as before 0019j
        db.session.commit()
        run_upgrade()
        first = wib_date(db.session.scalar(select(func.min(Visit.submitted_at))))
        assert kept_days() == (today - timedelta(days=2) - first).days + 1, \
            "every settled day from the first visit's is kept, days without visits too"
        spans = counted_spans(monkeypatch)
        year = range_period(today - timedelta(days=364), today)
        figures = compute(db.session, year)
        db.session.commit()
        assert spans[-1] == (today - timedelta(days=1), today), "today and yesterday, from their visits"
        assert all(last < first for _first, last in spans[:-1]), \
            "no settled day with visits counted on the first request (only the empty days before the first visit)"
        assert figures == reference(year)
        for period in (range_period(today - timedelta(days=149), today - timedelta(days=100)),
                       range_period(today - timedelta(days=40), today - timedelta(days=40))):
            assert compute(db.session, period) == reference(period)
        assert len(spans) == 2, "older periods read kept days only (the empty ones kept by the first request)"
        counted = [d for a, b in spans for d in day_figures.span(a, b)]
        assert len(counted) == len(set(counted)), "no day counted more than once"


def test_the_upgrade_fills_only_days_not_kept_and_never_doubles_a_days_counts(app, monkeypatch):
    """A desk where the page or the daily job already kept some days, and where a later change made
    some of them count no more (their version moved): the upgrade counts those and the never-kept
    ones, each once, and leaves the days kept at their version as they are."""
    rng = random.Random(20)
    today = wib_today()
    with app.app_context():
        visitors = build(rng, days=90, visits=400, never_let_in=0)  # before 0027h: every decision let in
        db.session.execute(update(DayTotal).values(summarised=None))
        db.session.commit()
        agree(range_period(today - timedelta(days=60), today - timedelta(days=30)))  # 31 days kept
        kept_before = dict(db.session.execute(select(DayTotal.day, DayTotal.summarised)
                                              .where(DayTotal.summarised.is_not(None))).all())
        settled = Visit.submitted_at < datetime.combine(today - timedelta(days=2), time(0), WIB)
        changed = db.session.scalars(select(Visit).where(settled, Visit.submitted_at >= datetime.combine(
            today - timedelta(days=60), time(0), WIB)).order_by(Visit.id).limit(5)).all()
        for visit in changed:  # their days' kept figures count no more
            visit.purpose = "other" if visit.purpose != "other" else "training"
        db.session.add(make_visit(rng, visitors[0], today - timedelta(days=45), never_let_in=0))
        db.session.commit()
        stale = {wib_date(v.submitted_at) for v in changed} | {today - timedelta(days=45)}
        run_upgrade()
        rows = dict(db.session.execute(select(DayTotal.day, DayTotal.summarised)).all())
        for day, summarised in kept_before.items():
            if day not in stale:
                assert rows[day] == summarised, f"{day} was kept and untouched: left as it was"
        per_day_version = db.session.execute(
            select(DayCount.day, DayCount.version, DayCount.kind, func.count()).where(DayCount.kind == "status")
            .group_by(DayCount.day, DayCount.version, DayCount.kind).having(
                func.count() != func.count(func.distinct(DayCount.value)))).all()
        assert per_day_version == [], "no value counted twice for one day and version"
        spans = counted_spans(monkeypatch)
        for period in (range_period(today - timedelta(days=89), today),
                       range_period(today - timedelta(days=60), today - timedelta(days=30))):
            assert compute(db.session, period) == reference(period)
            db.session.commit()
        assert set(spans) == {(today - timedelta(days=1), today)}


def test_the_upgrade_on_a_desk_without_visits_keeps_nothing(app):
    with app.app_context():
        run_upgrade()
        assert db.session.scalar(select(func.count()).select_from(DayTotal)) == 0
