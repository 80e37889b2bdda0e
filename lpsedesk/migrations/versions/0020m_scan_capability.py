"""scan sessions keep the hash of the capability their camera frames carry (issue 16, narrow frame path)

Revision ID: 0020m_scan_capability
Revises: 0019j_days_filled_files_by_id
Create Date: 2026-12-02

Rows made before it have none: the frame route refuses them until the kiosk reopens its session
(the camera loop does so by itself), and the form route (an uploaded photo) does not need one.
"""
from alembic import op
import sqlalchemy as sa

revision = "0020m_scan_capability"
down_revision = "0019j_days_filled_files_by_id"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scan_sessions") as batch:
        batch.add_column(sa.Column("capability_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scan_sessions") as batch:
        batch.drop_column("capability_hash")
