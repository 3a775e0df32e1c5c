"""plan number, read from "Kèm theo Kế hoạch số …"

Revision ID: 0002_plan_identity
Revises: 0001
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002_plan_identity"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_plan_number"), ["number"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_number"))
        batch_op.drop_column("number")
