"""statistics' figures of settled WIB days (issue 16)

Revision ID: 0017a_day_totals
Revises: 0016d_reports_waiting
Create Date: 2026-12-01

A year's statistics at a million visits read a third of a million rows in several passes (8 s on
SQLite). Settled days' figures are kept here as a cache: empty after this migration, filled by the
statistics page for the days it needs and by the daily job `statistics_days`; a change to a visit
of a day makes that day's figures count no more (lpsedesk/reports/day_versions.py).
"""
from alembic import op
import sqlalchemy as sa

revision = '0017a_day_totals'
down_revision = '0016d_reports_waiting'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('day_totals',
                    sa.Column('day', sa.Date(), nullable=False),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.Column('summarised', sa.Integer(), nullable=True),
                    sa.Column('visits', sa.Integer(), nullable=False),
                    sa.Column('stays', sa.Integer(), nullable=False),
                    sa.Column('stay_seconds', sa.Float(), nullable=False),
                    sa.Column('decisions', sa.Integer(), nullable=False),
                    sa.Column('longest_seconds', sa.Float(), nullable=True),
                    sa.Column('longest_visit_id', sa.Integer(), nullable=True),
                    sa.PrimaryKeyConstraint('day', name=op.f('pk_day_totals')))
    op.create_table('day_counts',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('day', sa.Date(), nullable=False),
                    sa.Column('version', sa.Integer(), nullable=False),
                    sa.Column('kind', sa.String(length=16), nullable=False),
                    sa.Column('value', sa.Text(), nullable=True),
                    sa.Column('seconds', sa.Integer(), nullable=True),
                    sa.Column('visits', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_day_counts')))
    op.create_index('ix_day_counts_day_version', 'day_counts', ['day', 'version'], unique=False)


def downgrade():
    op.drop_index('ix_day_counts_day_version', table_name='day_counts')
    op.drop_table('day_counts')
    op.drop_table('day_totals')
