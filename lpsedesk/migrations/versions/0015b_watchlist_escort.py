"""the watch list, and escorted visits to restricted facilities (issue 15)

Revision ID: 0015b_watchlist_escort
Revises: 0015a_invitations
Create Date: 2026-12-01

A watch list entry names a NIK or a name with its institution; a visit keeps the match it made (and
a copy of the reason). A visit to a restricted facility keeps its escort, the area's entry and exit
and the devices brought in, each confirmed at check-out.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015b_watchlist_escort'
down_revision = '0015a_invitations'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('watch_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('full_name', sa.String(length=120), nullable=True),
    sa.Column('institution', sa.String(length=160), nullable=True),
    sa.Column('name_key', sa.String(length=120), nullable=True),
    sa.Column('institution_key', sa.String(length=160), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('expires_on', sa.Date(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_watch_entries_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_watch_entries'))
    )
    with op.batch_alter_table('watch_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_watch_entries_created_by_id'), ['created_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_watch_entries_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_watch_entries_nik'), ['nik'], unique=False)

    op.create_table('visit_devices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('brand', sa.String(length=60), nullable=False),
    sa.Column('serial', sa.String(length=80), nullable=False),
    sa.Column('left_with_visitor', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_devices_visit_id_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_devices'))
    )
    with op.batch_alter_table('visit_devices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_devices_visit_id'), ['visit_id'], unique=False)

    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.add_column(sa.Column('watch_entry_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('watch_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('restricted', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('devices_none', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('escort_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('area_entered_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('area_entered_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('area_left_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('area_left_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('devices_checked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('devices_checked_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_visits_area_entered_by_id'), ['area_entered_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_area_left_by_id'), ['area_left_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_devices_checked_by_id'), ['devices_checked_by_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_escort_id'), ['escort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_watch_entry_id'), ['watch_entry_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_visits_escort_id_users'), 'users', ['escort_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_visits_watch_entry_id_watch_entries'), 'watch_entries', ['watch_entry_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_visits_devices_checked_by_id_users'), 'users', ['devices_checked_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_visits_area_entered_by_id_users'), 'users', ['area_entered_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_visits_area_left_by_id_users'), 'users', ['area_left_by_id'], ['id'])



def downgrade():
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_visits_area_left_by_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_visits_area_entered_by_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_visits_devices_checked_by_id_users'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_visits_watch_entry_id_watch_entries'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_visits_escort_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_visits_watch_entry_id'))
        batch_op.drop_index(batch_op.f('ix_visits_escort_id'))
        batch_op.drop_index(batch_op.f('ix_visits_devices_checked_by_id'))
        batch_op.drop_index(batch_op.f('ix_visits_area_left_by_id'))
        batch_op.drop_index(batch_op.f('ix_visits_area_entered_by_id'))
        batch_op.drop_column('devices_checked_by_id')
        batch_op.drop_column('devices_checked_at')
        batch_op.drop_column('area_left_by_id')
        batch_op.drop_column('area_left_at')
        batch_op.drop_column('area_entered_by_id')
        batch_op.drop_column('area_entered_at')
        batch_op.drop_column('escort_id')
        batch_op.drop_column('devices_none')
        batch_op.drop_column('restricted')
        batch_op.drop_column('watch_reason')
        batch_op.drop_column('watch_entry_id')

    with op.batch_alter_table('visit_devices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_devices_visit_id'))

    op.drop_table('visit_devices')
    with op.batch_alter_table('watch_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_watch_entries_nik'))
        batch_op.drop_index(batch_op.f('ix_watch_entries_name_key'))
        batch_op.drop_index(batch_op.f('ix_watch_entries_created_by_id'))

    op.drop_table('watch_entries')
