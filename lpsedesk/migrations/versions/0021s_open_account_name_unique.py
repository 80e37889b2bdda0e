"""one open remote-access account per user name, held by the database (probe sec16)

Revision ID: 0021s_open_account_name_unique
Revises: 0020m_scan_capability
Create Date: 2026-12-03

The Admin's "user name in use" check read the open accounts and then wrote; two Admins giving one
name to two requests at the same instant both passed it, leaving two open accounts under one name
("close it" then names two). A partial unique index makes the second give fail at its write.

A register that already holds two open accounts under one name (a race lost before this version)
cannot take the index: the upgrade then leaves it out and names the user names in the log (the
Admin's check goes on as before); once one account of each is closed, the log's statement adds it.
"""
import logging

from alembic import op
import sqlalchemy as sa

revision = "0021s_open_account_name_unique"
down_revision = "0020m_scan_capability"
branch_labels = None
depends_on = None

ACTIVE = "status = 'active'"
NAME = "uq_remote_access_requests_active_username"


def upgrade() -> None:
    twice = op.get_bind().execute(sa.text(
        "SELECT username, COUNT(*) FROM remote_access_requests WHERE status = 'active' AND username IS NOT NULL "
        "GROUP BY username HAVING COUNT(*) > 1")).all()
    if twice:
        logging.getLogger("alembic").warning(
            "index %s not added: open remote accounts share a user name (%s). Close one of each, then run: "
            "CREATE UNIQUE INDEX %s ON remote_access_requests (username) WHERE %s",
            NAME, ", ".join(row[0] for row in twice), NAME, ACTIVE)
        return
    op.create_index(NAME, "remote_access_requests", ["username"], unique=True,
                    sqlite_where=sa.text(ACTIVE), postgresql_where=sa.text(ACTIVE))


def downgrade() -> None:
    op.execute(sa.text(f"DROP INDEX IF EXISTS {NAME}"))
