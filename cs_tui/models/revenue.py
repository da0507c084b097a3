"""Renewal forecasts: for an upcoming renewal, the amount expected, how likely, and the risks."""

import uuid
from datetime import date

from sqlalchemy import BigInteger, CheckConstraint, Index, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from cs_tui.domain.revenue.forecast import CATEGORY_NAMES, ForecastCategory
from cs_tui.models.base import Tracked, one_of
from cs_tui.models.validation import Currency, LongText


class RenewalForecastFields(SQLModel):
    renewal_on: date
    forecast_minor: int = Field(sa_type=BigInteger, ge=0)
    currency: str = Field(default="USD", max_length=3)
    probability: float = Field(ge=0, le=1)
    category: ForecastCategory = Field(sa_type=String(10))
    risks: str = ""


class RenewalForecast(RenewalForecastFields, Tracked, table=True):
    __tablename__ = "renewal_forecast"
    __table_args__ = (
        UniqueConstraint("account_id", "renewal_on", name="uq_renewal_forecast"),
        CheckConstraint(one_of("category", list(CATEGORY_NAMES)), name="ck_forecast_category"),
        CheckConstraint("probability >= 0 AND probability <= 1", name="ck_forecast_probability"),
        CheckConstraint("forecast_minor >= 0", name="ck_forecast_amount_non_negative"),
        Index("ix_renewal_forecast_renewal_on", "renewal_on"),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id")


class RenewalForecastCreate(RenewalForecastFields):
    currency: Currency = "USD"
    risks: LongText = ""
