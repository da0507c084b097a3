"""Health: dated snapshots, the CSM's sentiment pulse, overrides, and the list's summary cache."""

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, String, Text, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from cs_tui.domain.enums import HealthBand, values
from cs_tui.models.activity import SENTIMENT_MAX, SENTIMENT_MIN
from cs_tui.models.base import Tracked, UTCDateTime, Versioned, one_of, utcnow
from cs_tui.models.validation import Name


class HealthSnapshot(SQLModel, table=True):
    """One account's score on one day, with its factor breakdown (derived, not synced)."""

    __tablename__ = "health_snapshot"
    __table_args__ = (
        UniqueConstraint("account_id", "taken_on", name="uq_health_snapshot_day"),
        CheckConstraint(one_of("band", values(HealthBand)), name="ck_snapshot_band"),
        CheckConstraint("score IS NULL OR score BETWEEN 0 AND 100", name="ck_snapshot_score"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    account_id: uuid.UUID = Field(foreign_key="account.id")
    taken_on: date
    score: float | None = None
    band: HealthBand = Field(sa_type=String(20))
    coverage: float = 0.0
    profile: str = Field(default="", max_length=60)
    override_score: int | None = None
    breakdown: str = Field(default="{}", sa_type=Text)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class SentimentEntry(Tracked, table=True):
    """The CSM's own pulse on an account (1 very worried .. 5 very confident), with the reason."""

    __tablename__ = "sentiment_entry"
    __table_args__ = (
        CheckConstraint(
            f"value BETWEEN {SENTIMENT_MIN} AND {SENTIMENT_MAX}", name="ck_sentiment_value"
        ),
        Index("ix_sentiment_account_date", "account_id", "recorded_on"),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id")
    value: int
    reason: str
    recorded_on: date
    author: str = Field(default="", max_length=120)


class SentimentCreate(SQLModel):
    value: int = Field(ge=SENTIMENT_MIN, le=SENTIMENT_MAX)
    reason: Name
    recorded_on: date


class ScoreOverride(Tracked, Versioned, table=True):
    """A manual score that replaces the computed one until it expires or is cleared."""

    __tablename__ = "score_override"
    __table_args__ = (
        CheckConstraint("score BETWEEN 0 AND 100", name="ck_override_score"),
        Index("ix_override_account", "account_id"),
        # one open override per account: the database refuses a second, whoever writes it
        Index(
            "ux_override_open",
            "account_id",
            unique=True,
            sqlite_where=text("cleared_at IS NULL AND deleted_at IS NULL"),
            postgresql_where=text("cleared_at IS NULL AND deleted_at IS NULL"),
        ),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id")
    score: int
    reason: str
    set_on: date
    expires_on: date
    author: str = Field(default="", max_length=120)
    cleared_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ScoreOverrideCreate(SQLModel):
    score: int = Field(ge=0, le=100)
    reason: Name
    set_on: date
    expires_on: date

    def model_post_init(self, context: object) -> None:
        if self.expires_on <= self.set_on:
            raise ValueError(
                f"expiry {self.expires_on.isoformat()} must be after {self.set_on.isoformat()}"
            )


class AccountSummary(SQLModel, table=True):
    """Per account, what the account list and Today show (derived; refreshed on every change)."""

    __tablename__ = "account_summary"
    __table_args__ = (Index("ix_summary_band", "band"),)

    account_id: uuid.UUID = Field(foreign_key="account.id", primary_key=True)
    score: float | None = None
    band: str = Field(default="", max_length=20)
    score_delta: float | None = None
    previous_band: str = Field(default="", max_length=20)
    coverage: float = 0.0
    overridden: bool = False
    last_touch_on: date | None = None
    open_followups: int = 0
    overdue_followups: int = 0
    plan_status: str = Field(default="", max_length=20)
    scored_on: date | None = None
