"""What the customer's world tells us: metric samples, survey responses and revenue events."""

import uuid
from datetime import date
from typing import Annotated, Self

from pydantic import FiniteFloat, StringConstraints, model_validator
from sqlalchemy import BigInteger, CheckConstraint, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from cs_tui.domain.enums import (
    REASON_REQUIRED_KINDS,
    RevenueKind,
    SurveyKind,
    SurveyMoment,
    values,
)
from cs_tui.models.base import Tracked, one_of
from cs_tui.models.validation import Currency, LongText, ShortText

MetricName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,79}$")]


class MetricSample(Tracked, table=True):
    """One dated value of one metric for one account (imported from usage and support feeds)."""

    __tablename__ = "metric_sample"
    __table_args__ = (
        UniqueConstraint("account_id", "metric", "observed_on", name="uq_metric_sample"),
        Index("ix_metric_sample_observed", "observed_on"),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id")
    metric: str = Field(max_length=80)
    observed_on: date
    value: float
    source: str = Field(default="", max_length=80)


class MetricSampleCreate(SQLModel):
    metric: MetricName
    observed_on: date
    value: FiniteFloat
    source: ShortText = ""


class SurveyFields(SQLModel):
    kind: SurveyKind = Field(sa_type=String(10))
    moment: SurveyMoment = Field(default=SurveyMoment.PERIODIC, sa_type=String(20))
    score: int
    responded_on: date
    contact: str = Field(default="", max_length=200)
    comment: str = ""
    reason: str = Field(default="", max_length=200)
    competitor: str = Field(default="", max_length=200)
    contact_email: str = Field(default="", max_length=254)
    question: str = Field(default="", max_length=500)
    source: str = Field(default="", max_length=40)  # the survey tool, or "" for a check-in
    external_id: str = Field(default="", max_length=200)  # the tool's response id


class SurveyResponse(SurveyFields, Tracked, table=True):
    __tablename__ = "survey_response"
    __table_args__ = (
        CheckConstraint(one_of("kind", values(SurveyKind)), name="ck_survey_kind"),
        CheckConstraint(one_of("moment", values(SurveyMoment)), name="ck_survey_moment"),
        CheckConstraint(
            "(kind = 'nps' AND score BETWEEN 0 AND 10)"
            " OR (kind = 'csat' AND score BETWEEN 1 AND 5)",
            name="ck_survey_score_range",
        ),
        Index("ix_survey_account_date", "account_id", "responded_on"),
        Index("ix_survey_responded_on", "responded_on"),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id")
    stakeholder_id: uuid.UUID | None = Field(default=None, foreign_key="stakeholder.id")


class SurveyResponseCreate(SurveyFields):
    contact: ShortText = ""
    comment: LongText = ""
    reason: ShortText = ""
    competitor: ShortText = ""
    contact_email: ShortText = ""
    question: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""
    source: Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)] = ""
    external_id: ShortText = ""

    @model_validator(mode="after")
    def _score_in_scale(self) -> Self:
        low, high = (0, 10) if self.kind is SurveyKind.NPS else (1, 5)
        if not low <= self.score <= high:
            raise ValueError(
                f"{self.kind.value.upper()} score must be {low}-{high}, not {self.score}"
            )
        return self


class RevenueFields(SQLModel):
    kind: RevenueKind = Field(sa_type=String(20))
    amount_minor: int = Field(sa_type=BigInteger, ge=0)
    currency: str = Field(default="USD", max_length=3)
    occurred_on: date
    reason_code: str = Field(default="", max_length=60)
    note: str = ""
    competitor: str = Field(default="", max_length=200)  # for a loss to a competitor: which one
    source: str = Field(default="", max_length=40)  # the CRM an import read it from, "" by hand
    external_id: str = Field(default="", max_length=200)  # the import's stable key for the row


class RevenueEvent(RevenueFields, Tracked, table=True):
    __tablename__ = "revenue_event"
    __table_args__ = (
        CheckConstraint(one_of("kind", values(RevenueKind)), name="ck_revenue_kind"),
        CheckConstraint("amount_minor >= 0", name="ck_revenue_amount_non_negative"),
        Index("ix_revenue_account_date", "account_id", "occurred_on"),
        Index("ix_revenue_date", "occurred_on"),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id")


class RevenueEventCreate(RevenueFields):
    currency: Currency = "USD"
    reason_code: ShortText = ""
    note: LongText = ""
    competitor: ShortText = ""
    source: Annotated[str, StringConstraints(strip_whitespace=True, max_length=40)] = ""
    external_id: ShortText = ""

    @model_validator(mode="after")
    def _reason_for_losses(self) -> Self:
        if self.kind in REASON_REQUIRED_KINDS and not self.reason_code:
            raise ValueError(f"a {self.kind.value} needs a reason code")
        return self
