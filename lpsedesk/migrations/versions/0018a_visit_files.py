"""a visit's personal files in a narrow table of their own, so the purge never rewrites the visit (issue 16)

Revision ID: 0018a_visit_files
Revises: 0017c_signature_small
Create Date: 2026-12-01

The purge cleared the four file columns of each old visit: on PostgreSQL a new version of the
whole row and an entry in each of the table's two dozen indexes (the keys were indexed, so no HOT
update). Now it deletes a row of `visit_files`. The rows of visits still holding a file are copied
in one statement (set-based: seconds at a million visits), then the columns and their partial
index go. Downgrade puts them back.
"""
from alembic import op
import sqlalchemy as sa

revision = '0018a_visit_files'
down_revision = '0017c_signature_small'
branch_labels = None
depends_on = None

KEYS = ('id_capture_key', 'id_barcodes', 'signature_key', 'signature_small_key')
HOLDING_FILES = "id_capture_key IS NOT NULL OR signature_key IS NOT NULL OR id_barcodes IS NOT NULL"


def upgrade():
    op.create_table('visit_files',
                    sa.Column('visit_id', sa.Integer(), nullable=False),
                    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
                    sa.Column('id_capture_key', sa.String(length=128), nullable=True),
                    sa.Column('id_barcodes', sa.JSON(), nullable=True),
                    sa.Column('signature_key', sa.String(length=128), nullable=True),
                    sa.Column('signature_small_key', sa.String(length=128), nullable=True),
                    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_files_visit_id_visits'),
                                            ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('visit_id', name=op.f('pk_visit_files')))
    columns = ', '.join(KEYS)
    op.execute(f"INSERT INTO visit_files (visit_id, submitted_at, {columns}) "
               f"SELECT id, submitted_at, {columns} FROM visits "
               f"WHERE {HOLDING_FILES} OR signature_small_key IS NOT NULL")
    op.create_index(op.f('ix_visit_files_submitted_at'), 'visit_files', ['submitted_at'], unique=False)
    op.drop_index('ix_visits_holding_files', table_name='visits')
    for name in KEYS:
        op.drop_column('visits', name)


def downgrade():
    op.add_column('visits', sa.Column('id_capture_key', sa.String(length=128), nullable=True))
    op.add_column('visits', sa.Column('id_barcodes', sa.JSON(), nullable=True))
    op.add_column('visits', sa.Column('signature_key', sa.String(length=128), nullable=True))
    op.add_column('visits', sa.Column('signature_small_key', sa.String(length=128), nullable=True))
    values = ', '.join(f"{name} = (SELECT f.{name} FROM visit_files f WHERE f.visit_id = visits.id)" for name in KEYS)
    op.execute(f"UPDATE visits SET {values} WHERE id IN (SELECT visit_id FROM visit_files)")
    op.create_index('ix_visits_holding_files', 'visits',
                    ['submitted_at', 'id_capture_key', 'signature_key', 'signature_small_key'], unique=False,
                    sqlite_where=sa.text(HOLDING_FILES), postgresql_where=sa.text(HOLDING_FILES))
    op.drop_table('visit_files')
