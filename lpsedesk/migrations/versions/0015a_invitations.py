"""invitations: visitors and training participants registered in advance (issue 15)

Revision ID: 0015a_invitations
Revises: 0016a_scale_indexes
Create Date: 2026-12-01

"""
from alembic import op
import sqlalchemy as sa

revision = '0015a_invitations'
down_revision = '0016a_scale_indexes'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('selector', sa.String(length=16), nullable=False),
    sa.Column('verifier', sa.String(length=32), nullable=False),
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('institution', sa.String(length=160), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('purpose', sa.String(length=32), nullable=False),
    sa.Column('purpose_detail', sa.Text(), nullable=True),
    sa.Column('facility', sa.String(length=64), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('event_name', sa.String(length=120), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_by_label', sa.String(length=120), nullable=True),
    sa.Column('decision_reason', sa.Text(), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('visit_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_invitations_created_by_id_users')),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_invitations_decided_by_id_users')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_invitations_visit_id_visits'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations')),
    sa.UniqueConstraint('selector', name=op.f('uq_invitations_selector')),
    sa.UniqueConstraint('visit_id', name=op.f('uq_invitations_visit_id'))
    )
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.create_index('ix_invitations_event_starts_at', ['event_name', 'starts_at'], unique=False)
        batch_op.create_index('ix_invitations_status_starts_at', ['status', 'starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitations_decided_by_id'), ['decided_by_id'], unique=False)


def downgrade():
    with op.batch_alter_table('invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_invitations_decided_by_id'))
        batch_op.drop_index(batch_op.f('ix_invitations_created_by_id'))
        batch_op.drop_index('ix_invitations_status_starts_at')
        batch_op.drop_index('ix_invitations_event_starts_at')
    op.drop_table('invitations')
