"""Migration 0027h_visit_decision_told (h36d), down and up again on a desk with history: visits decided
before the upgrade were let in or told at the decision, as the board then showed them, so none comes
back to the board's top as a decision to act on; a waiting request has nothing to tell yet."""
from __future__ import annotations

import importlib.util
from datetime import timedelta
from pathlib import Path

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from lpsedesk import visit_queries
from lpsedesk.extensions import db
from lpsedesk.models import utcnow

from .. import factories

MIGRATION = Path(__file__).parents[2] / "lpsedesk/migrations/versions/0027h_visit_decision_told.py"


def run(step: str) -> None:
    spec = importlib.util.spec_from_file_location("decision_told_migration", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    db.session.remove()
    with db.engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
        getattr(module, step)()


def columns() -> set[str]:
    return {c["name"] for c in inspect(db.engine).get_columns("visits")}


def test_down_and_up_keeps_every_earlier_decision_told_and_nothing_waiting(app):
    now = utcnow()
    with app.app_context():
        ids = {status: factories.visit(status, decided_at=None if status == "pending" else now - timedelta(hours=1),
                                       decision_told_at=None).id
               for status in ("pending", "approved", "denied", "checked_out", "reported", "expired")}
        run("downgrade")
        assert "decision_told_at" not in columns() and "decision_told_by_id" not in columns()
        run("upgrade")
        assert {"decision_told_at", "decision_told_by_id"} <= columns()
        told = dict(db.session.execute(text("SELECT id, decision_told_at FROM visits")).all())
        assert {status for status, vid in ids.items() if told[vid] is not None} == {
            "approved", "denied", "checked_out", "reported"}
        assert visit_queries.decisions_to_tell(db.session) == []
        assert [v.id for v in visit_queries.inside_now(db.session)] == [ids["approved"]]
        assert "ix_visits_decisions_to_tell" in {i["name"] for i in inspect(db.engine).get_indexes("visits")}
