"""the reports waiting for the Kasubag through a partial index (issue 16)

Revision ID: 0016d_reports_waiting
Revises: 0016c_scan_sessions
Create Date: 2026-12-01

PostgreSQL's statistics treat status and acknowledged_at as independent: "most visits are
reported" times "some visits are unacknowledged" predicted hundreds of waiting reports where there
was one, and the queue then read every visit. A partial index holds exactly the waiting ones.
"""
from alembic import op
import sqlalchemy as sa

revision = '0016d_reports_waiting'
down_revision = '0016c_scan_sessions'
branch_labels = None
depends_on = None

REPORTS_WAITING = "status = 'reported' AND acknowledged_at IS NULL"


def upgrade():
    op.create_index('ix_visits_reports_waiting', 'visits', ['reported_at'], unique=False,
                    sqlite_where=sa.text(REPORTS_WAITING), postgresql_where=sa.text(REPORTS_WAITING))


def downgrade():
    op.drop_index('ix_visits_reports_waiting', table_name='visits')
