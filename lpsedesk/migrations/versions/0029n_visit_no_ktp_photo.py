"""a visit sent without a KTP photo, from a kiosk whose camera was absent or refused (h43n)

Revision ID: 0029n_visit_no_ktp_photo
Revises: 0028p_never_let_in_no_stay
Create Date: 2026-12-07

SOP 1: the visitor shows a valid KTP; the helpdesk checks the original. A kiosk without a working
camera can now send a request without a photo (`no_camera` in the request); the visit records it in
`visits.no_ktp_photo`, so it is never taken for a visit whose photo the retention purge has since
removed, and it waits for the desk's KTP check before the Kasubag whatever the office's setting.
Every visit before this revision was sent with a photo: false for all of them.

Downgrade: the column goes; such visits then read as visits whose photo is gone.
"""
import sqlalchemy as sa
from alembic import op

revision = '0029n_visit_no_ktp_photo'
down_revision = '0028p_never_let_in_no_stay'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.add_column(sa.Column("no_ktp_photo", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("visits") as batch:
        batch.drop_column("no_ktp_photo")
