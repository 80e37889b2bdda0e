"""the size of the picture each kiosk's camera gives, for the Admin's kiosks page (session 29)

Revision ID: 0025c_kiosk_camera_size
Revises: 0024s_stays_from_approval
Create Date: 2026-12-06

Two nullable integers: a kiosk that has not opened its camera since the upgrade shows no size.
"""
from alembic import op
import sqlalchemy as sa

revision = '0025c_kiosk_camera_size'
down_revision = '0024s_stays_from_approval'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('kiosk_devices') as batch:
        batch.add_column(sa.Column('camera_width', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('camera_height', sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('kiosk_devices') as batch:
        batch.drop_column('camera_height')
        batch.drop_column('camera_width')
