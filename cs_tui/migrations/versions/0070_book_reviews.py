"""book reviews: the internal quarterly review of a CSM's book, and the actions agreed in it

Revision ID: 0070
Revises: 0060
Create Date: 2026-12-04 19:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0070"
down_revision: str | None = "0060"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "book_review",
        *_tracked(),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("period", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("template", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("expectations", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.Column("worked", sa.Text(), nullable=False),
        sa.Column("failed", sa.Text(), nullable=False),
        sa.Column("learned", sa.Text(), nullable=False),
        sa.Column("next_plan", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "status IN ('prepared', 'held', 'closed')", name="ck_book_review_status"
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("book_review", schema=None) as batch_op:
        batch_op.create_index(
            "ux_book_review_owner_period",
            ["owner", "period"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )
    op.create_table(
        "review_action",
        *_tracked(),
        sa.Column("review_id", sa.Uuid(), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("check_on", sa.Date(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "status IN ('open', 'done', 'cancelled')", name="ck_review_action_status"
        ),
        sa.ForeignKeyConstraint(["review_id"], ["book_review.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("review_action", schema=None) as batch_op:
        batch_op.create_index("ix_review_action_review", ["review_id"], unique=False)
        batch_op.create_index(
            "ix_review_action_owner_status_due", ["owner", "status", "due_on"], unique=False
        )
        batch_op.create_index("ix_review_action_check", ["check_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_action", schema=None) as batch_op:
        batch_op.drop_index("ix_review_action_check")
        batch_op.drop_index("ix_review_action_owner_status_due")
        batch_op.drop_index("ix_review_action_review")
    op.drop_table("review_action")
    with op.batch_alter_table("book_review", schema=None) as batch_op:
        batch_op.drop_index("ux_book_review_owner_period")
    op.drop_table("book_review")
