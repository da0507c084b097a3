"""team sync: this device, the field history and outbox, applied journal files, conflicts, pending rows

Revision ID: 0075
Revises: 0070
Create Date: 2026-12-04 18:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0075"
down_revision: str | None = "0070"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "sync_device",
        sa.Column("device_id", _text(40), nullable=False),
        sa.Column("identity", _text(200), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("team", _text(200), nullable=False),
        sa.Column("clock", _text(80), nullable=False),
        sa.Column("last_synced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id"),
    )
    op.create_table(
        "sync_op",
        sa.Column("table_name", _text(80), nullable=False),
        sa.Column("row_id", _text(40), nullable=False),
        sa.Column("field", _text(80), nullable=False),
        sa.Column("clock", _text(80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("base", _text(80), nullable=False),
        sa.Column("author", _text(120), nullable=False),
        sa.Column("local", sa.Boolean(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field", "clock"),
    )
    op.create_index(
        "ix_sync_op_outbox",
        "sync_op",
        ["clock"],
        unique=False,
        sqlite_where=sa.text("local AND seq IS NULL"),
        postgresql_where=sa.text("local AND seq IS NULL"),
    )
    op.create_table(
        "sync_segment",
        sa.Column("device_id", _text(40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("op_count", sa.Integer(), nullable=False),
        sa.Column("checksum", _text(80), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "seq"),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("table_name", _text(80), nullable=False),
        sa.Column("row_id", _text(40), nullable=False),
        sa.Column("field", _text(80), nullable=False),
        sa.Column("winner_clock", _text(80), nullable=False),
        sa.Column("loser_clock", _text(80), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", "field", "winner_clock", "loser_clock"),
    )
    op.create_table(
        "sync_pending",
        sa.Column("table_name", _text(80), nullable=False),
        sa.Column("row_id", _text(40), nullable=False),
        sa.Column("reason", _text(300), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id"),
    )


def downgrade() -> None:
    op.drop_table("sync_pending")
    op.drop_table("sync_conflict")
    op.drop_table("sync_segment")
    op.drop_index("ix_sync_op_outbox", table_name="sync_op")
    op.drop_table("sync_op")
    op.drop_table("sync_device")
