"""invitations carry a version: two kiosks (or a kiosk and the Kasubag) writing one invitation at once

Revision ID: 0022l_invitation_version
Revises: 0021s_open_account_name_unique
Create Date: 2026-12-03

Without it the second write overwrote the first: one invitation approved in advance became two
approved visits. Existing rows start at version 1.
"""
from alembic import op
import sqlalchemy as sa

revision = "0022l_invitation_version"
down_revision = "0021s_open_account_name_unique"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("invitations") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("invitations") as batch:
        batch.drop_column("version")
