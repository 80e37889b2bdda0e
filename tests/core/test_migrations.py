"""The Alembic migrations build exactly the schema the models describe."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from lpsedesk.extensions import db
from lpsedesk.models import Base
from lpsedesk.search_index import include_object_for


def test_migrations_match_the_models(app):
    with app.app_context(), db.engine.connect() as conn:
        # as migrations/env.py compares them: the search index's FTS table and trigram indexes aside
        context = MigrationContext.configure(conn, opts={"compare_type": True,
                                                         "include_object": include_object_for(conn.dialect.name)})
        assert compare_metadata(context, Base.metadata) == []
