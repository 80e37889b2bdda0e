"""kiosk scan sessions shared by every app process (issue 16)

Revision ID: 0016c_scan_sessions
Revises: 0016b_search_index
Create Date: 2026-12-01

A kiosk's frames may reach any of several app processes behind a proxy; the auto-capture tracker,
the steady run's crops, the codes seen and the captures not yet claimed by a visit live in this
table on PostgreSQL (kiosk/scan_sessions.py), so any process continues the scan and any process
may claim the capture.
"""
from alembic import op
import sqlalchemy as sa

revision = '0016c_scan_sessions'
down_revision = '0016b_search_index'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('scan_sessions',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.Column('device_id', sa.Integer(), nullable=False),
                    sa.Column('session_id', sa.String(length=64), nullable=False),
                    sa.Column('tracker', sa.JSON(), nullable=False),
                    sa.Column('codes', sa.JSON(), nullable=False),
                    sa.Column('pending_keys', sa.JSON(), nullable=False),
                    sa.Column('steady', sa.LargeBinary(), nullable=True),
                    sa.Column('touched_at', sa.DateTime(timezone=True), nullable=False),
                    sa.ForeignKeyConstraint(['device_id'], ['kiosk_devices.id'],
                                            name=op.f('fk_scan_sessions_device_id_kiosk_devices'),
                                            ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id', name=op.f('pk_scan_sessions')))
    op.create_index('ix_scan_sessions_device_id_session_id', 'scan_sessions', ['device_id', 'session_id'],
                    unique=True)
    op.create_index('ix_scan_sessions_touched_at', 'scan_sessions', ['touched_at'], unique=False)


def downgrade():
    op.drop_index('ix_scan_sessions_touched_at', table_name='scan_sessions')
    op.drop_index('ix_scan_sessions_device_id_session_id', table_name='scan_sessions')
    op.drop_table('scan_sessions')
