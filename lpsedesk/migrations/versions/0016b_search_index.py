"""search by name and institution through an index (issue 16)

Revision ID: 0016b_search_index
Revises: 0014a_skm_survey
Create Date: 2026-12-01

A search for part of a name or an institution ("%x%") can use no B-tree index. PostgreSQL gets
trigram GIN indexes (pg_trgm), which serve ILIKE '%x%' directly. SQLite gets an FTS5 table with the
trigram tokenizer (SQLite 3.34 and later), holding only the two searched columns and reading the
rest from `visitors` (external content); triggers keep it in step with every insert, update and
delete, so the purge's deletions leave nothing behind in it.

Also (issue 16, several app processes): `throttle_failures`, the rate limits' failed attempts,
shared by every app process on PostgreSQL (lpsedesk/throttle.py). One migration per helper.
"""
from alembic import op
import sqlalchemy as sa

revision = '0016b_search_index'
down_revision = '0014a_skm_survey'
branch_labels = None
depends_on = None

# Kept in step with lpsedesk/search_index.py (the model side) by tests/core/test_search_index.py.
TRGM_INDEXES = [('ix_visitors_full_name_trgm', 'full_name'), ('ix_visitors_institution_trgm', 'institution')]
FTS = 'visitors_search'
SQLITE_TRIGGERS = {
    'visitors_search_ai': "AFTER INSERT ON visitors BEGIN "
                          "INSERT INTO visitors_search(rowid, full_name, institution) "
                          "VALUES (new.id, new.full_name, new.institution); END",
    'visitors_search_ad': "AFTER DELETE ON visitors BEGIN "
                          "INSERT INTO visitors_search(visitors_search, rowid, full_name, institution) "
                          "VALUES ('delete', old.id, old.full_name, old.institution); END",
    'visitors_search_au': "AFTER UPDATE OF full_name, institution ON visitors BEGIN "
                          "INSERT INTO visitors_search(visitors_search, rowid, full_name, institution) "
                          "VALUES ('delete', old.id, old.full_name, old.institution); "
                          "INSERT INTO visitors_search(rowid, full_name, institution) "
                          "VALUES (new.id, new.full_name, new.institution); END",
}


def upgrade():
    op.create_table('throttle_failures',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('key', sa.String(length=255), nullable=False),
                    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_throttle_failures')))
    op.create_index('ix_throttle_failures_key_at', 'throttle_failures', ['key', 'at'], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == 'postgresql':
        op.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        for name, column in TRGM_INDEXES:
            op.create_index(name, 'visitors', [column], unique=False, postgresql_using='gin',
                            postgresql_ops={column: 'gin_trgm_ops'})
    elif dialect == 'sqlite':
        # Without the trigram tokenizer (SQLite before 3.34) the search falls back to LIKE, unindexed.
        if _sqlite_has_trigram():
            op.execute(f"CREATE VIRTUAL TABLE {FTS} USING fts5(full_name, institution, "
                       f"content='visitors', content_rowid='id', tokenize='trigram')")
            for name, body in SQLITE_TRIGGERS.items():
                op.execute(f'CREATE TRIGGER {name} {body}')
            op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")


def downgrade():
    op.drop_index('ix_throttle_failures_key_at', table_name='throttle_failures')
    op.drop_table('throttle_failures')
    dialect = op.get_bind().dialect.name
    if dialect == 'postgresql':
        for name, _column in reversed(TRGM_INDEXES):
            op.drop_index(name, table_name='visitors', postgresql_using='gin')
    elif dialect == 'sqlite':
        for name in SQLITE_TRIGGERS:
            op.execute(f'DROP TRIGGER IF EXISTS {name}')
        op.execute(f'DROP TABLE IF EXISTS {FTS}')


def _sqlite_has_trigram() -> bool:
    import sqlite3

    return sqlite3.sqlite_version_info >= (3, 34, 0)
