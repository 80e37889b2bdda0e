"""Migration 0021s_open_account_name_unique on a register that a lost race already left with two
open accounts under one name: the upgrade still goes through (the desk keeps serving), leaves the
index out and says which name and what to run; on a clean register it adds the index."""
from __future__ import annotations

import importlib.util
import logging
from pathlib import Path

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text, update

from lpsedesk.extensions import db
from lpsedesk.models import RemoteAccessRequest

from .. import factories

MIGRATION = Path(__file__).parents[2] / "lpsedesk/migrations/versions/0021s_open_account_name_unique.py"
INDEX = "uq_remote_access_requests_active_username"


def _upgrade() -> None:
    spec = importlib.util.spec_from_file_location("open_account_name", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    db.session.remove()
    with db.engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
        module.upgrade()


def _has_index() -> bool:
    return INDEX in {i["name"] for i in inspect(db.engine).get_indexes("remote_access_requests")}


def test_two_open_accounts_under_one_name_leave_the_index_out_and_say_so(app, caplog):
    with app.app_context():
        with db.engine.begin() as conn:
            conn.execute(text(f"DROP INDEX {INDEX}"))  # the register as it was before 0021s
        ids = [factories.remote_request("active", username="vendor_x").id for _ in range(2)]
        with caplog.at_level(logging.WARNING, logger="alembic"):
            _upgrade()
        assert not _has_index()
        assert "vendor_x" in caplog.text and f"CREATE UNIQUE INDEX {INDEX}" in caplog.text
        db.session.execute(update(RemoteAccessRequest).where(RemoteAccessRequest.id == ids[0]).values(status="closed"))
        db.session.commit()
        _upgrade()
        assert _has_index()
