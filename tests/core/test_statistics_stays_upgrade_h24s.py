"""The upgrade that makes kept statistics count a stay from the Kasubag's approval (migration
0024s_stays_from_approval, h24s). SOP 1: the visit starts when the Kasubag permits it; the kiosk's
submission is the arrival. Days kept before the upgrade hold stays counted from the submission; after
it, the first statistics of a period equal a count made visit by visit from the approval, without
counting any settled day from its visits again.
"""
from __future__ import annotations

import importlib.util
import random
from datetime import date, datetime, timedelta
from pathlib import Path

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, update

from lpsedesk.clock import WIB, wib_today
from lpsedesk.exports import range_period
from lpsedesk.extensions import db
from lpsedesk.models import DayTotal
from lpsedesk.reports.statistics import compute

from .. import factories
from .test_statistics_days import agree, build, kept_days, reference
from .test_statistics_upgrade import counted_spans

MIGRATION = Path(__file__).parents[2] / "lpsedesk/migrations/versions/0024s_stays_from_approval.py"


def migration():
    spec = importlib.util.spec_from_file_location("stays_migration", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(step: str) -> None:
    """The migration's upgrade or downgrade on the test database, as `flask db upgrade` runs it."""
    module = migration()
    db.session.remove()
    with db.engine.begin() as conn:
        with Operations.context(MigrationContext.configure(conn)):
            getattr(module, step)()


def kept_as_before_the_upgrade() -> None:
    """Kept stays as the old count left them: from the submission, so longer than from the approval."""
    db.session.execute(update(DayTotal).where(DayTotal.stays > 0).values(
        stay_seconds=DayTotal.stay_seconds + 1800.0 * DayTotal.stays,
        longest_seconds=DayTotal.longest_seconds + 5400.0))
    db.session.commit()


def test_after_the_upgrade_kept_days_count_stays_from_the_approval_without_counting_them_again(app, monkeypatch):
    rng = random.Random(24)
    today = wib_today()
    with app.app_context():
        build(rng, days=120, visits=500, never_let_in=0)  # before 0027h: every decision let in
        year = range_period(today - timedelta(days=364), today)
        agree(year)  # every settled day kept
        kept = kept_days()
        assert kept >= 100
        kept_as_before_the_upgrade()
        assert compute(db.session, year) != reference(year), "the stale kept stays are read as they are"
        db.session.rollback()
        run("upgrade")
        assert kept_days() == kept, "every kept day stays kept"
        spans = counted_spans(monkeypatch)
        figures = compute(db.session, year)
        db.session.commit()
        assert figures == reference(year)
        assert set(spans) == {(today - timedelta(days=1), today)}, "only today and yesterday, from their visits"
        for period in (range_period(today - timedelta(days=119), today - timedelta(days=60)),
                       range_period(today - timedelta(days=30), today - timedelta(days=30))):
            assert compute(db.session, period) == reference(period)


def test_the_upgrade_counts_the_sops_example_as_60_minutes(app):
    """Submitted 08:00 WIB, approved 08:30, checked out 09:30, on a kept day: 60 minutes, not 90."""
    day = wib_today() - timedelta(days=10)
    at = lambda h, m: datetime(day.year, day.month, day.day, h, m, tzinfo=WIB)  # noqa: E731
    with app.app_context():
        visit_id = factories.visit(status="checked_out", submitted_at=at(8, 0), decided_at=at(8, 30),
                                   checked_out_at=at(9, 30)).id
        factories.visit(status="denied", submitted_at=at(9, 0), decided_at=at(9, 10))
        db.session.commit()
        period = range_period(day, day)
        compute(db.session, period)
        db.session.commit()
        db.session.execute(update(DayTotal).where(DayTotal.day == day).values(
            stay_seconds=5400.0, longest_seconds=5400.0))  # as the old count kept it
        db.session.commit()
        run("upgrade")
        row = db.session.execute(select(DayTotal).where(DayTotal.day == day)).scalar_one()
        assert (row.stays, row.stay_seconds, row.longest_seconds, row.longest_visit_id) == (1, 3600.0, 3600.0, visit_id)
        figures = compute(db.session, period)
        assert figures.stay_average == figures.stay_longest == timedelta(minutes=60)


def test_the_downgrade_leaves_no_day_kept_so_the_old_count_counts_again(app):
    with app.app_context():
        build(random.Random(25), days=30, visits=100)
        agree(range_period(wib_today() - timedelta(days=29), wib_today()))
        assert kept_days() > 0
        run("downgrade")
        assert kept_days() == 0
        assert db.session.scalar(select(func.count()).select_from(DayTotal)) > 0, "rows stay, only not current"


def test_the_upgrade_on_a_desk_without_kept_days_changes_nothing(app):
    with app.app_context():
        run("upgrade")
        assert db.session.scalar(select(func.count()).select_from(DayTotal)) == 0
