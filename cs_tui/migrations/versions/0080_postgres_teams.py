"""team safety on a shared server: version counters on shared records, one open override per account

Revision ID: 0080
Revises: 0075
Create Date: 2026-12-04 19:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0080"
down_revision: str | None = "0075"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VERSIONED = (
    "account",
    "stakeholder",
    "success_plan",
    "plan_objective",
    "plan_milestone",
    "follow_up",
    "score_override",
)
OPEN_OVERRIDE = "cleared_at IS NULL AND deleted_at IS NULL"


def _close_extra_open_overrides() -> None:
    """Before the index: of several open overrides on one account, keep the latest one set."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            f"SELECT id, account_id FROM score_override WHERE {OPEN_OVERRIDE} "
            "ORDER BY account_id, set_on DESC, created_at DESC, id"
        )
    ).all()
    seen: set[object] = set()
    extra = []
    for row_id, account_id in rows:
        if account_id in seen:
            extra.append(row_id)
        seen.add(account_id)
    for row_id in extra:
        connection.execute(
            sa.text("UPDATE score_override SET cleared_at = updated_at WHERE id = :id"),
            {"id": row_id},
        )


def upgrade() -> None:
    # plain ALTER TABLE on both backends: a batch copy of `account` would lose its expression index
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    _close_extra_open_overrides()
    op.create_index(
        "ux_override_open",
        "score_override",
        ["account_id"],
        unique=True,
        sqlite_where=sa.text(OPEN_OVERRIDE),
        postgresql_where=sa.text(OPEN_OVERRIDE),
    )


def downgrade() -> None:
    op.drop_index("ux_override_open", table_name="score_override")
    for table in reversed(VERSIONED):
        op.drop_column(table, "version")
