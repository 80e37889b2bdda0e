"""a small copy of each signature for the guest book's PDF and workbook (issue 16)

Revision ID: 0017c_signature_small
Revises: 0017a_day_totals
Create Date: 2026-12-01

Nullable: visits signed before this keep only the signature as drawn, which the guest book still
makes small when it reads it. The partial index of visits holding files carries the new key too,
so the orphan sweep still reads the keys rows name from the index alone.
"""
from alembic import op
import sqlalchemy as sa

revision = '0017c_signature_small'
down_revision = '0017a_day_totals'
branch_labels = None
depends_on = None

HOLDING_FILES = "id_capture_key IS NOT NULL OR signature_key IS NOT NULL OR id_barcodes IS NOT NULL"


def _holding_files(columns: list[str]) -> None:
    op.drop_index('ix_visits_holding_files', table_name='visits')
    op.create_index('ix_visits_holding_files', 'visits', columns, unique=False,
                    sqlite_where=sa.text(HOLDING_FILES), postgresql_where=sa.text(HOLDING_FILES))


def upgrade():
    op.add_column('visits', sa.Column('signature_small_key', sa.String(length=128), nullable=True))
    _holding_files(['submitted_at', 'id_capture_key', 'signature_key', 'signature_small_key'])


def downgrade():
    _holding_files(['submitted_at', 'id_capture_key', 'signature_key'])
    op.drop_column('visits', 'signature_small_key')
