"""`make run` is one process: `serve --upgrade` migrates a database that is behind, and one at the
latest migration costs only a look at its version row (issue 16)."""
from __future__ import annotations

import flask_migrate
import pytest
from sqlalchemy import inspect

from lpsedesk.extensions import db
from lpsedesk.schema_state import current_heads, heads_of_scripts, upgrade_if_behind


def test_a_new_database_is_migrated_and_one_at_head_is_left_alone(make_app, tmp_path, monkeypatch):
    app = make_app({"DATABASE_URL": f"sqlite:///{tmp_path}/new.db", "TESTING": True},
                   instance_path=str(tmp_path / "instance"))
    with app.app_context():
        assert upgrade_if_behind(app) is True
        assert "visits" in inspect(db.engine).get_table_names()
        assert current_heads(app) == heads_of_scripts(app)
        monkeypatch.setattr(flask_migrate, "upgrade", lambda *a, **k: pytest.fail("upgraded a database at head"))
        assert upgrade_if_behind(app) is False


def test_the_makefile_runs_the_app_once():
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "serve --upgrade" in run and "db upgrade" not in run
