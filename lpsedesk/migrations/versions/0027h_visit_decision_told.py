"""a Kasubag's decision on a visit records when and by whom the helpdesk acted on it (h36d)

Revision ID: 0027h_visit_decision_told
Revises: 0026r_remote_refusal_told
Create Date: 2026-12-06

SOP 1: the helpdesk lets an approved visitor in, or tells a refused one the reason. Two nullable
columns and a partial index of the decisions still waiting for that. Visits decided before the
upgrade were treated as let in (or told) at the decision, as the board then showed them: they are
filled with the decision's time and no helpdesk name, so no old decision reappears on the board.

Downgrade: the columns and the index go; the old code counts a visitor inside from the approval.
"""
from alembic import op
import sqlalchemy as sa

revision = '0027h_visit_decision_told'
down_revision = '0026r_remote_refusal_told'
branch_labels = None
depends_on = None

TO_TELL = "decision_told_at IS NULL AND status IN ('approved', 'denied')"  # models/visits.py


def upgrade() -> None:
    with op.batch_alter_table('visits') as batch:
        batch.add_column(sa.Column('decision_told_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('decision_told_by_id', sa.Integer(), nullable=True))
        batch.create_index(batch.f('ix_visits_decision_told_by_id'), ['decision_told_by_id'], unique=False)
        batch.create_foreign_key(batch.f('fk_visits_decision_told_by_id_users'), 'users',
                                 ['decision_told_by_id'], ['id'])
    op.execute("UPDATE visits SET decision_told_at = decided_at "
               "WHERE decided_at IS NOT NULL AND status IN ('approved', 'denied', 'checked_out', 'reported')")
    op.create_index('ix_visits_decisions_to_tell', 'visits', ['decided_at'], unique=False,
                    sqlite_where=sa.text(TO_TELL), postgresql_where=sa.text(TO_TELL))


def downgrade() -> None:
    op.drop_index('ix_visits_decisions_to_tell', table_name='visits',
                  sqlite_where=sa.text(TO_TELL), postgresql_where=sa.text(TO_TELL))
    with op.batch_alter_table('visits') as batch:
        batch.drop_constraint(batch.f('fk_visits_decision_told_by_id_users'), type_='foreignkey')
        batch.drop_index(batch.f('ix_visits_decision_told_by_id'))
        batch.drop_column('decision_told_by_id')
        batch.drop_column('decision_told_at')
