"""Accounts (customers) and their stakeholders."""

import uuid
from datetime import date
from typing import Self

from pydantic import model_validator
from sqlalchemy import BigInteger, CheckConstraint, Index, String, text
from sqlmodel import Field, SQLModel

from cs_tui.domain.enums import LifecycleStage, StakeholderRole, values
from cs_tui.models.base import Tracked, Versioned, one_of
from cs_tui.models.validation import Currency, Domain, Name, ShortText, Tags, check_order


class AccountFields(SQLModel):
    name: str = Field(max_length=200)
    external_id: str | None = Field(default=None, max_length=120)
    domain: str = Field(default="", max_length=200)
    owner: str = Field(default="", max_length=120)
    segment: str = Field(default="", max_length=60)
    industry: str = Field(default="", max_length=120)
    lifecycle_stage: LifecycleStage = Field(default=LifecycleStage.ONBOARDING, sa_type=String(20))
    arr_minor: int = Field(default=0, sa_type=BigInteger, ge=0)
    currency: str = Field(default="USD", max_length=3)
    contract_start: date | None = None
    contract_end: date | None = None
    auto_renew: bool = False
    licensed_seats: int | None = Field(default=None, ge=0)
    tags: str = Field(default="", max_length=500)


class Account(AccountFields, Tracked, Versioned, table=True):
    __tablename__ = "account"
    __table_args__ = (
        CheckConstraint("arr_minor >= 0", name="ck_account_arr_non_negative"),
        CheckConstraint(one_of("lifecycle_stage", values(LifecycleStage)), name="ck_account_stage"),
        CheckConstraint("length(currency) = 3", name="ck_account_currency"),
        Index(
            "ux_account_external_id",
            "external_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND external_id IS NOT NULL"),
            postgresql_where=text("deleted_at IS NULL AND external_id IS NOT NULL"),
        ),
        Index("ix_account_name_lower", text("lower(name)")),
        Index("ix_account_owner", "owner"),
        Index("ix_account_contract_end", "contract_end"),
    )


class AccountCreate(AccountFields):
    """A new or imported account, validated."""

    name: Name
    external_id: ShortText | None = None
    domain: Domain = ""
    owner: ShortText = ""
    segment: ShortText = ""
    industry: ShortText = ""
    currency: Currency = "USD"
    tags: Tags = ""

    @model_validator(mode="after")
    def _contract_in_order(self) -> Self:
        check_order(self.contract_start, self.contract_end, "contract")
        return self


class AccountUpdate(SQLModel):
    """A partial change to an account; only the fields given are changed."""

    name: Name | None = None
    external_id: ShortText | None = None
    domain: Domain | None = None
    owner: ShortText | None = None
    segment: ShortText | None = None
    industry: ShortText | None = None
    lifecycle_stage: LifecycleStage | None = None
    arr_minor: int | None = Field(default=None, ge=0)
    currency: Currency | None = None
    contract_start: date | None = None
    contract_end: date | None = None
    auto_renew: bool | None = None
    licensed_seats: int | None = Field(default=None, ge=0)
    tags: Tags | None = None


class StakeholderFields(SQLModel):
    name: str = Field(max_length=200)
    email: str = Field(default="", max_length=254)
    title: str = Field(default="", max_length=200)
    role: StakeholderRole = Field(default=StakeholderRole.USER, sa_type=String(20))
    is_primary: bool = False
    left_on: date | None = None


class Stakeholder(StakeholderFields, Tracked, Versioned, table=True):
    __tablename__ = "stakeholder"
    __table_args__ = (
        CheckConstraint(one_of("role", values(StakeholderRole)), name="ck_stakeholder_role"),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id", index=True)


class StakeholderCreate(StakeholderFields):
    name: Name
    email: ShortText = ""
    title: ShortText = ""

    @model_validator(mode="after")
    def _email_shape(self) -> Self:
        if self.email and ("@" not in self.email or " " in self.email):
            raise ValueError(f"email {self.email!r} is not an e-mail address")
        return self
