"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 01:42:35.384255
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("external_id", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
        sa.Column("domain", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("segment", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("industry", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("lifecycle_stage", sa.String(length=20), nullable=False),
        sa.Column("arr_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("contract_start", sa.Date(), nullable=True),
        sa.Column("contract_end", sa.Date(), nullable=True),
        sa.Column("auto_renew", sa.Boolean(), nullable=False),
        sa.Column("licensed_seats", sa.Integer(), nullable=True),
        sa.Column("tags", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.CheckConstraint(
            "lifecycle_stage IN ('onboarding', 'adoption', 'value', 'renewal', 'churned')",
            name="ck_account_stage",
        ),
        sa.CheckConstraint("arr_minor >= 0", name="ck_account_arr_non_negative"),
        sa.CheckConstraint("length(currency) = 3", name="ck_account_currency"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index("ix_account_contract_end", ["contract_end"], unique=False)
        batch_op.create_index("ix_account_owner", ["owner"], unique=False)
        batch_op.create_index("ix_account_name_lower", [sa.text("lower(name)")], unique=False)
        batch_op.create_index(
            "ux_account_external_id",
            ["external_id"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL AND external_id IS NOT NULL"),
            postgresql_where=sa.text("deleted_at IS NULL AND external_id IS NOT NULL"),
        )

    op.create_table(
        "account_summary",
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("band", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("score_delta", sa.Float(), nullable=True),
        sa.Column("previous_band", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("coverage", sa.Float(), nullable=False),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("last_touch_on", sa.Date(), nullable=True),
        sa.Column("open_followups", sa.Integer(), nullable=False),
        sa.Column("overdue_followups", sa.Integer(), nullable=False),
        sa.Column("plan_status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("scored_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("account_id"),
    )
    with op.batch_alter_table("account_summary", schema=None) as batch_op:
        batch_op.create_index("ix_summary_band", ["band"], unique=False)

    op.create_table(
        "check_in",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("attendees", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sentiment", sa.Integer(), nullable=True),
        sa.Column("risks", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('call', 'meeting', 'email', 'qbr', 'onboarding', 'survey', 'internal_note')",
            name="ck_check_in_kind",
        ),
        sa.CheckConstraint(
            "sentiment IS NULL OR sentiment BETWEEN 1 AND 5", name="ck_check_in_sentiment"
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.create_index(
            "ix_check_in_account_date", ["account_id", "occurred_on"], unique=False
        )

    op.create_table(
        "health_snapshot",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("band", sa.String(length=20), nullable=False),
        sa.Column("coverage", sa.Float(), nullable=False),
        sa.Column("profile", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("override_score", sa.Integer(), nullable=True),
        sa.Column("breakdown", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "band IN ('red', 'yellow', 'green', 'insufficient')", name="ck_snapshot_band"
        ),
        sa.CheckConstraint("score IS NULL OR score BETWEEN 0 AND 100", name="ck_snapshot_score"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "taken_on", name="uq_health_snapshot_day"),
    )
    op.create_table(
        "metric_sample",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("metric", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "metric", "observed_on", name="uq_metric_sample"),
    )
    with op.batch_alter_table("metric_sample", schema=None) as batch_op:
        batch_op.create_index("ix_metric_sample_observed", ["observed_on"], unique=False)

    op.create_table(
        "revenue_event",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("reason_code", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('new', 'renewal', 'upsell', 'cross_sell', 'downsell', 'churn')",
            name="ck_revenue_kind",
        ),
        sa.CheckConstraint("amount_minor >= 0", name="ck_revenue_amount_non_negative"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("revenue_event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_revenue_account_date", ["account_id", "occurred_on"], unique=False
        )
        batch_op.create_index("ix_revenue_date", ["occurred_on"], unique=False)

    op.create_table(
        "score_override",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("set_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("score BETWEEN 0 AND 100", name="ck_override_score"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("score_override", schema=None) as batch_op:
        batch_op.create_index("ix_override_account", ["account_id"], unique=False)

    op.create_table(
        "sentiment_entry",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.CheckConstraint("value BETWEEN 1 AND 5", name="ck_sentiment_value"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("sentiment_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_sentiment_account_date", ["account_id", "recorded_on"], unique=False
        )

    op.create_table(
        "stakeholder",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "role IN ('champion', 'executive_sponsor', 'decision_maker', 'user', 'detractor')",
            name="ck_stakeholder_role",
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stakeholder_account_id"), ["account_id"], unique=False)

    op.create_table(
        "success_plan",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("why_bought", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("pain_points", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("success_definition", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("actions", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("template", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'agreed', 'active', 'achieved', 'abandoned')",
            name="ck_plan_status",
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("success_plan", schema=None) as batch_op:
        batch_op.create_index(
            "ux_success_plan_account",
            ["account_id"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("snoozed_until", sa.Date(), nullable=True),
        sa.Column("snooze_reason", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("origin_ref", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("check_in_id", sa.Uuid(), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "kind IN ('follow_up', 'risk', 'opportunity', 'lifecycle')", name="ck_follow_up_kind"
        ),
        sa.CheckConstraint("origin IN ('manual', 'check_in', 'rule')", name="ck_follow_up_origin"),
        sa.CheckConstraint(
            "priority IN ('low', 'normal', 'high', 'urgent')", name="ck_follow_up_priority"
        ),
        sa.CheckConstraint("status IN ('open', 'done', 'cancelled')", name="ck_follow_up_status"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["check_in_id"],
            ["check_in.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index("ix_follow_up_account_status", ["account_id", "status"], unique=False)
        batch_op.create_index("ix_follow_up_status_due", ["status", "due_on"], unique=False)

    op.create_table(
        "plan_objective",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("metric", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=True),
        sa.Column("current", sa.Float(), nullable=True),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "status IN ('not_started', 'on_track', 'at_risk', 'achieved', 'missed')",
            name="ck_objective_status",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["success_plan.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan_objective", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_objective_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "survey_response",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("moment", sa.String(length=20), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("responded_on", sa.Date(), nullable=False),
        sa.Column("contact", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("comment", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("competitor", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint(
            "(kind = 'nps' AND score BETWEEN 0 AND 10)"
            " OR (kind = 'csat' AND score BETWEEN 1 AND 5)",
            name="ck_survey_score_range",
        ),
        sa.CheckConstraint("kind IN ('nps', 'csat')", name="ck_survey_kind"),
        sa.CheckConstraint("moment IN ('onboarding', 'periodic', 'exit')", name="ck_survey_moment"),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("survey_response", schema=None) as batch_op:
        batch_op.create_index(
            "ix_survey_account_date", ["account_id", "responded_on"], unique=False
        )

    op.create_table(
        "plan_milestone",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("title", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("owner_side", sa.String(length=10), nullable=False),
        sa.Column("owner", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("objective_id", sa.Uuid(), nullable=False),
        sa.Column("stakeholder_id", sa.Uuid(), nullable=True),
        sa.CheckConstraint("owner_side IN ('ours', 'customer')", name="ck_milestone_side"),
        sa.CheckConstraint(
            "status IN ('todo', 'in_progress', 'done', 'blocked')", name="ck_milestone_status"
        ),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["plan_objective.id"],
        ),
        sa.ForeignKeyConstraint(
            ["stakeholder_id"],
            ["stakeholder.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plan_milestone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_milestone_objective_id"), ["objective_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_milestone_objective_id"))

    op.drop_table("plan_milestone")
    with op.batch_alter_table("survey_response", schema=None) as batch_op:
        batch_op.drop_index("ix_survey_account_date")

    op.drop_table("survey_response")
    with op.batch_alter_table("plan_objective", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_objective_plan_id"))

    op.drop_table("plan_objective")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_status_due")
        batch_op.drop_index("ix_follow_up_account_status")

    op.drop_table("follow_up")
    with op.batch_alter_table("success_plan", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_success_plan_account",
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )

    op.drop_table("success_plan")
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_account_id"))

    op.drop_table("stakeholder")
    with op.batch_alter_table("sentiment_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_sentiment_account_date")

    op.drop_table("sentiment_entry")
    with op.batch_alter_table("score_override", schema=None) as batch_op:
        batch_op.drop_index("ix_override_account")

    op.drop_table("score_override")
    with op.batch_alter_table("revenue_event", schema=None) as batch_op:
        batch_op.drop_index("ix_revenue_date")
        batch_op.drop_index("ix_revenue_account_date")

    op.drop_table("revenue_event")
    with op.batch_alter_table("metric_sample", schema=None) as batch_op:
        batch_op.drop_index("ix_metric_sample_observed")

    op.drop_table("metric_sample")
    op.drop_table("health_snapshot")
    with op.batch_alter_table("check_in", schema=None) as batch_op:
        batch_op.drop_index("ix_check_in_account_date")

    op.drop_table("check_in")
    with op.batch_alter_table("account_summary", schema=None) as batch_op:
        batch_op.drop_index("ix_summary_band")

    op.drop_table("account_summary")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_account_external_id",
            sqlite_where=sa.text("deleted_at IS NULL AND external_id IS NOT NULL"),
            postgresql_where=sa.text("deleted_at IS NULL AND external_id IS NOT NULL"),
        )
        batch_op.drop_index("ix_account_owner")
        batch_op.drop_index("ix_account_name_lower")
        batch_op.drop_index("ix_account_contract_end")

    op.drop_table("account")
