"""Survei Kepuasan Masyarakat: anonymous answers, answered visits, question texts, follow-up plans (issue 14)

Revision ID: 0014a_skm_survey
Revises: 0015b_watchlist_escort
Create Date: 2026-12-01

The answers table has no link to a visit or a visitor; skm_answered_visits only says which visits
have answered. The old visits.rating column stays (history) but is no longer asked.
"""
from alembic import op
import sqlalchemy as sa

revision = '0014a_skm_survey'
down_revision = '0015b_watchlist_escort'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('skm_responses',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=8), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=True),
    sa.Column('age_band', sa.String(length=8), nullable=True),
    sa.Column('occupation', sa.String(length=16), nullable=True),
    sa.Column('education', sa.String(length=16), nullable=True),
    *[sa.Column(f'u{n}', sa.SmallInteger(), nullable=True) for n in range(1, 10)],
    sa.Column('suggestion', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skm_responses'))
    )
    op.create_index(op.f('ix_skm_responses_answered_on'), 'skm_responses', ['answered_on'], unique=False)
    op.create_table('skm_answered_visits',
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_skm_answered_visits_visit_id_visits'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visit_id', name=op.f('pk_skm_answered_visits'))
    )
    op.create_table('skm_questions',
    sa.Column('element', sa.String(length=16), nullable=False),
    sa.Column('question_id', sa.Text(), nullable=False),
    sa.Column('question_en', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('element', name=op.f('pk_skm_questions'))
    )
    op.create_table('skm_follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('plan', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_skm_follow_ups_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skm_follow_ups')),
    sa.UniqueConstraint('period_start', 'period_end', name=op.f('uq_skm_follow_ups_period_start'))
    )
    op.create_index(op.f('ix_skm_follow_ups_updated_by_id'), 'skm_follow_ups', ['updated_by_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_skm_follow_ups_updated_by_id'), table_name='skm_follow_ups')
    op.drop_table('skm_follow_ups')
    op.drop_table('skm_questions')
    op.drop_table('skm_answered_visits')
    op.drop_index(op.f('ix_skm_responses_answered_on'), table_name='skm_responses')
    op.drop_table('skm_responses')
