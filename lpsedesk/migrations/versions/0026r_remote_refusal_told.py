"""a refused remote-access letter records when, by whom and how the third party was told (h35r)

Revision ID: 0026r_remote_refusal_told
Revises: 0025c_kiosk_camera_size
Create Date: 2026-12-06

Three nullable columns: a letter refused before the upgrade shows as not yet told, so it waits on the
Admin's home until the Admin records the answer (or says it was given long ago, with its date).
"""
from alembic import op
import sqlalchemy as sa

revision = '0026r_remote_refusal_told'
down_revision = '0025c_kiosk_camera_size'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('remote_access_requests') as batch:
        batch.add_column(sa.Column('refusal_told_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('refusal_told_by_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('refusal_told_note', sa.String(length=200), nullable=True))
        batch.create_index(batch.f('ix_remote_access_requests_refusal_told_by_id'), ['refusal_told_by_id'], unique=False)
        batch.create_foreign_key(batch.f('fk_remote_access_requests_refusal_told_by_id_users'), 'users',
                                 ['refusal_told_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('remote_access_requests') as batch:
        batch.drop_constraint(batch.f('fk_remote_access_requests_refusal_told_by_id_users'), type_='foreignkey')
        batch.drop_index(batch.f('ix_remote_access_requests_refusal_told_by_id'))
        batch.drop_column('refusal_told_note')
        batch.drop_column('refusal_told_by_id')
        batch.drop_column('refusal_told_at')
