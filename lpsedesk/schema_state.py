"""Whether the database is at the latest migration, found cheaply, and the upgrade when it is not.

`serve --upgrade` (what `make run` runs) brings the database up to date in the serving process
itself: importing the app once instead of twice (`flask db upgrade`, then `flask serve`), and at
head (every start but the first after an update) only reading the alembic_version row.
"""
from __future__ import annotations

from flask import Flask


def heads_of_scripts(app: Flask) -> set[str]:
    from alembic.script import ScriptDirectory

    migrate = app.extensions["migrate"]
    return set(ScriptDirectory.from_config(migrate.migrate.get_config(migrate.directory)).get_heads())


def current_heads(app: Flask) -> set[str]:
    from alembic.migration import MigrationContext

    from .extensions import db

    with db.engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def upgrade_if_behind(app: Flask) -> bool:
    """Run the migrations when the database is behind; returns True when it did."""
    if current_heads(app) == heads_of_scripts(app):
        return False
    from flask_migrate import upgrade

    upgrade()
    return True
