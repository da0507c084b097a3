"""survey responses from survey tools: the tool, its response id, the contact's e-mail, the question

Revision ID: 0020
Revises: 0003
Create Date: 2026-11-24 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0020"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NEW_COLUMNS = (("contact_email", 254), ("question", 500), ("source", 40), ("external_id", 200))


def upgrade() -> None:
    with op.batch_alter_table("survey_response", schema=None) as batch_op:
        for name, length in NEW_COLUMNS:
            batch_op.add_column(
                sa.Column(
                    name,
                    sqlmodel.sql.sqltypes.AutoString(length=length),
                    nullable=False,
                    server_default="",
                )
            )
        batch_op.create_index("ix_survey_responded_on", ["responded_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("survey_response", schema=None) as batch_op:
        batch_op.drop_index("ix_survey_responded_on")
        for name, _length in reversed(NEW_COLUMNS):
            batch_op.drop_column(name)
