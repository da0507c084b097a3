"""account owner history: who owned an account when, so book metrics count the owner at a date

Revision ID: 0045
Revises: 0040
Create Date: 2026-12-04 18:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0045"
down_revision: str | None = "0040"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account_owner_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("previous_owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("account_owner_change", schema=None) as batch_op:
        batch_op.create_index(
            "ix_owner_change_account_date", ["account_id", "changed_on"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("account_owner_change", schema=None) as batch_op:
        batch_op.drop_index("ix_owner_change_account_date")
    op.drop_table("account_owner_change")
