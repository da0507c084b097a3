"""Closed incentive periods: the plan and the metric inputs frozen when a period was closed."""

import uuid
from datetime import date

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field

from cs_tui.models.base import Tracked


class IncentivePeriod(Tracked, table=True):
    """One closed period (`2026-Q2`): the plan in force then, so its statements never change."""

    __tablename__ = "incentive_period"
    __table_args__ = (UniqueConstraint("period", name="uq_incentive_period"),)

    period: str = Field(max_length=20)
    starts_on: date
    ends_on: date
    plan_name: str = Field(default="", max_length=200)
    plan_fingerprint: str = Field(default="", max_length=40)
    plan_toml: str = Field(default="", sa_type=Text)


class IncentiveInput(Tracked, table=True):
    """One owner's value of one metric in a closed period, with how it was computed and its traces."""

    __tablename__ = "incentive_input"
    __table_args__ = (
        UniqueConstraint("period_id", "owner", "metric", name="uq_incentive_input"),
        Index("ix_incentive_input_period_owner", "period_id", "owner"),
    )

    period_id: uuid.UUID = Field(foreign_key="incentive_period.id")
    owner: str = Field(max_length=120)
    metric: str = Field(max_length=80)
    value: str | None = Field(default=None, max_length=80)  # an exact fraction, "17/20"
    detail: str = Field(default="", sa_type=Text)
    traces: str = Field(
        default="[]", sa_type=Text
    )  # JSON list of the accounts and events behind it
