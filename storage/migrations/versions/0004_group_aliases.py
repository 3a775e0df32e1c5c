"""group aliases: other spellings of a group point at the group itself

Revision ID: 0004_group_aliases
Revises: 0002_plan_identity
Create Date: 2026-12-06 05:20:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004_group_aliases'
down_revision = '0002_plan_identity'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('unit_group_alias',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('alias', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('folded_alias', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['unit_group.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('unit_group_alias', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_group_alias_folded_alias'), ['folded_alias'], unique=True)
        batch_op.create_index(batch_op.f('ix_unit_group_alias_group_id'), ['group_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('unit_group_alias', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_group_alias_group_id'))
        batch_op.drop_index(batch_op.f('ix_unit_group_alias_folded_alias'))
    op.drop_table('unit_group_alias')
