"""Success plans: the customer's expectations, measurable objectives, milestones on both sides."""

import uuid
from datetime import date
from typing import Self

from pydantic import FiniteFloat, model_validator
from sqlalchemy import CheckConstraint, Index, String, text
from sqlmodel import Field, SQLModel

from cs_tui.domain.enums import MilestoneStatus, ObjectiveStatus, PlanStatus, Side, values
from cs_tui.models.base import Tracked, one_of
from cs_tui.models.validation import LongText, Name, ShortText


class SuccessPlanFields(SQLModel):
    status: PlanStatus = Field(default=PlanStatus.DRAFT, sa_type=String(20))
    why_bought: str = ""
    pain_points: str = ""
    success_definition: str = ""
    actions: str = ""
    started_on: date | None = None
    agreed_on: date | None = None
    review_on: date | None = None
    template: str = Field(default="", max_length=60)


class SuccessPlan(SuccessPlanFields, Tracked, table=True):
    __tablename__ = "success_plan"
    __table_args__ = (
        CheckConstraint(one_of("status", values(PlanStatus)), name="ck_plan_status"),
        Index(
            "ux_success_plan_account",
            "account_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id")


class SuccessPlanUpdate(SQLModel):
    status: PlanStatus | None = None
    why_bought: LongText | None = None
    pain_points: LongText | None = None
    success_definition: LongText | None = None
    actions: LongText | None = None
    started_on: date | None = None
    agreed_on: date | None = None
    review_on: date | None = None
    template: ShortText | None = None


class ObjectiveFields(SQLModel):
    title: str = Field(max_length=200)
    metric: str = Field(default="", max_length=80)
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    unit: str = Field(default="", max_length=30)
    due_on: date | None = None
    owner: str = Field(default="", max_length=120)
    status: ObjectiveStatus = Field(default=ObjectiveStatus.NOT_STARTED, sa_type=String(20))
    position: int = 0


class PlanObjective(ObjectiveFields, Tracked, table=True):
    __tablename__ = "plan_objective"
    __table_args__ = (
        CheckConstraint(one_of("status", values(ObjectiveStatus)), name="ck_objective_status"),
    )

    plan_id: uuid.UUID = Field(foreign_key="success_plan.id", index=True)


class ObjectiveCreate(ObjectiveFields):
    title: Name
    metric: ShortText = ""
    baseline: FiniteFloat | None = None
    target: FiniteFloat | None = None
    current: FiniteFloat | None = None
    unit: ShortText = ""
    owner: ShortText = ""

    @model_validator(mode="after")
    def _measurable(self) -> Self:
        if self.target is not None and self.baseline is not None and self.target == self.baseline:
            raise ValueError("target equals baseline: the objective would measure no change")
        return self


class MilestoneFields(SQLModel):
    title: str = Field(max_length=200)
    owner_side: Side = Field(default=Side.OURS, sa_type=String(10))
    owner: str = Field(default="", max_length=120)
    due_on: date | None = None
    status: MilestoneStatus = Field(default=MilestoneStatus.TODO, sa_type=String(20))
    completed_on: date | None = None
    position: int = 0


class PlanMilestone(MilestoneFields, Tracked, table=True):
    __tablename__ = "plan_milestone"
    __table_args__ = (
        CheckConstraint(one_of("status", values(MilestoneStatus)), name="ck_milestone_status"),
        CheckConstraint(one_of("owner_side", values(Side)), name="ck_milestone_side"),
    )

    objective_id: uuid.UUID = Field(foreign_key="plan_objective.id", index=True)
    stakeholder_id: uuid.UUID | None = Field(default=None, foreign_key="stakeholder.id")


class MilestoneCreate(MilestoneFields):
    title: Name
    owner: ShortText = ""


class ObjectiveUpdate(SQLModel):
    """A partial change to an objective; only the fields given are changed."""

    title: Name | None = None
    metric: ShortText | None = None
    baseline: FiniteFloat | None = None
    target: FiniteFloat | None = None
    current: FiniteFloat | None = None
    unit: ShortText | None = None
    due_on: date | None = None
    owner: ShortText | None = None
    status: ObjectiveStatus | None = None


class MilestoneUpdate(SQLModel):
    """A partial change to a milestone; only the fields given are changed."""

    title: Name | None = None
    owner_side: Side | None = None
    owner: ShortText | None = None
    due_on: date | None = None
    status: MilestoneStatus | None = None
