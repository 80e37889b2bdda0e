"""indexes for every foreign key and every filter the screens and jobs use (issue 16)

Revision ID: 0016a_scale_indexes
Revises: 0012a_staff_sessions
Create Date: 2026-12-01

The queue, the board, the search, a visit's timeline and the retention purge each read a few rows
through these instead of scanning history. The two partial indexes hold only the rows the purge
may still change (visits that keep personal files, visitors whose NIK is whole); their conditions
are literal SQL, repeated exactly by lpsedesk/retention.py, so SQLite's planner can use them.
"""
from alembic import op
import sqlalchemy as sa

revision = '0016a_scale_indexes'
down_revision = '0012a_staff_sessions'
branch_labels = None
depends_on = None

HOLDING_FILES = "id_capture_key IS NOT NULL OR signature_key IS NOT NULL OR id_barcodes IS NOT NULL"
NIK_UNMASKED = "nik NOT LIKE '%*%'"

# (table, index name, columns) of the plain indexes
PLAIN = [
    ('visits', 'ix_visits_visitor_id_submitted_at', ['visitor_id', 'submitted_at']),
    ('visits', 'ix_visits_status_acknowledged_at', ['status', 'acknowledged_at']),
    ('visits', 'ix_visits_status_submitted_at', ['status', 'submitted_at']),
    ('visits', 'ix_visits_decided_at', ['decided_at']),
    ('visits', 'ix_visits_checked_out_at', ['checked_out_at']),
    ('visits', 'ix_visits_reported_at', ['reported_at']),
    ('visits', 'ix_visits_submitted_via_kiosk_id', ['submitted_via_kiosk_id']),
    ('visits', 'ix_visits_submitted_by_id', ['submitted_by_id']),
    ('visits', 'ix_visits_ktp_checked_by_id', ['ktp_checked_by_id']),
    ('visits', 'ix_visits_decided_by_id', ['decided_by_id']),
    ('visits', 'ix_visits_decided_on_behalf_of_id', ['decided_on_behalf_of_id']),
    ('visits', 'ix_visits_checked_out_by_id', ['checked_out_by_id']),
    ('visits', 'ix_visits_reported_by_id', ['reported_by_id']),
    ('visits', 'ix_visits_acknowledged_by_id', ['acknowledged_by_id']),
    ('visit_notes', 'ix_visit_notes_author_id', ['author_id']),
    ('audit_events', 'ix_audit_events_object', ['object_type', 'object_id', 'at']),
    ('delegations', 'ix_delegations_delegate_id', ['delegate_id']),
    ('delegations', 'ix_delegations_principal_id', ['principal_id']),
    ('delegations', 'ix_delegations_created_by_id', ['created_by_id']),
    ('remote_access_requests', 'ix_remote_access_requests_recorded_at', ['recorded_at']),
    ('remote_access_requests', 'ix_remote_access_requests_extends_id', ['extends_id']),
    ('remote_access_requests', 'ix_remote_access_requests_recorded_by_id', ['recorded_by_id']),
    ('remote_access_requests', 'ix_remote_access_requests_decided_at', ['decided_at']),
    ('remote_access_requests', 'ix_remote_access_requests_decided_by_id', ['decided_by_id']),
    ('remote_access_requests', 'ix_remote_access_requests_decided_on_behalf_of_id', ['decided_on_behalf_of_id']),
    ('remote_access_requests', 'ix_remote_access_requests_granted_by_id', ['granted_by_id']),
    ('remote_access_requests', 'ix_remote_access_requests_closed_by_id', ['closed_by_id']),
]


def upgrade():
    # The new (status, acknowledged_at) index serves every lookup by status alone as well.
    op.drop_index('ix_visits_status', table_name='visits')
    for table, name, columns in PLAIN:
        op.create_index(name, table, columns, unique=False)
    op.create_index('ix_visits_holding_files', 'visits', ['submitted_at', 'id_capture_key', 'signature_key'],
                    unique=False,
                    sqlite_where=sa.text(HOLDING_FILES), postgresql_where=sa.text(HOLDING_FILES))
    op.create_index('ix_visitors_unmasked', 'visitors', ['id'], unique=False,
                    sqlite_where=sa.text(NIK_UNMASKED), postgresql_where=sa.text(NIK_UNMASKED))


def downgrade():
    op.drop_index('ix_visitors_unmasked', table_name='visitors')
    op.drop_index('ix_visits_holding_files', table_name='visits')
    for table, name, _columns in reversed(PLAIN):
        op.drop_index(name, table_name=table)
    op.create_index('ix_visits_status', 'visits', ['status'], unique=False)
