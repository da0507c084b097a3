"""revenue and renewals: a revenue event's competitor, source and import key; renewal forecasts

Revision ID: 0040
Revises: 0020
Create Date: 2026-12-04 18:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0040"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_COLUMNS = (("competitor", 200), ("source", 40), ("external_id", 200))


def upgrade() -> None:
    with op.batch_alter_table("revenue_event", schema=None) as batch_op:
        for name, length in NEW_COLUMNS:
            batch_op.add_column(
                sa.Column(
                    name,
                    sqlmodel.sql.sqltypes.AutoString(length=length),
                    nullable=False,
                    server_default="",
                )
            )
    op.create_table(
        "renewal_forecast",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("renewal_on", sa.Date(), nullable=False),
        sa.Column("forecast_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("category", sa.String(length=10), nullable=False),
        sa.Column("risks", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "category IN ('commit', 'likely', 'at_risk', 'lost')", name="ck_forecast_category"
        ),
        sa.CheckConstraint("probability >= 0 AND probability <= 1", name="ck_forecast_probability"),
        sa.CheckConstraint("forecast_minor >= 0", name="ck_forecast_amount_non_negative"),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "renewal_on", name="uq_renewal_forecast"),
    )
    with op.batch_alter_table("renewal_forecast", schema=None) as batch_op:
        batch_op.create_index("ix_renewal_forecast_renewal_on", ["renewal_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("renewal_forecast", schema=None) as batch_op:
        batch_op.drop_index("ix_renewal_forecast_renewal_on")
    op.drop_table("renewal_forecast")
    with op.batch_alter_table("revenue_event", schema=None) as batch_op:
        for name, _length in reversed(NEW_COLUMNS):
            batch_op.drop_column(name)
