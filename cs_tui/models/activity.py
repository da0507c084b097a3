"""Check-ins (touchpoints) and follow-ups (calls to action)."""

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, String
from sqlmodel import Field, SQLModel

from cs_tui.domain.enums import (
    CheckInKind,
    FollowUpKind,
    FollowUpOrigin,
    FollowUpStatus,
    Priority,
    values,
)
from cs_tui.models.base import Tracked, UTCDateTime, Versioned, one_of
from cs_tui.models.validation import LongText, Name, ShortText

SENTIMENT_MIN, SENTIMENT_MAX = 1, 5


class CheckInFields(SQLModel):
    occurred_on: date
    kind: CheckInKind = Field(default=CheckInKind.CALL, sa_type=String(20))
    summary: str = ""
    attendees: str = ""
    sentiment: int | None = Field(default=None, ge=SENTIMENT_MIN, le=SENTIMENT_MAX)
    risks: str = ""
    author: str = Field(default="", max_length=120)


class CheckIn(CheckInFields, Tracked, table=True):
    __tablename__ = "check_in"
    __table_args__ = (
        CheckConstraint(one_of("kind", values(CheckInKind)), name="ck_check_in_kind"),
        CheckConstraint(
            f"sentiment IS NULL OR sentiment BETWEEN {SENTIMENT_MIN} AND {SENTIMENT_MAX}",
            name="ck_check_in_sentiment",
        ),
        Index("ix_check_in_account_date", "account_id", "occurred_on"),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id")


class CheckInCreate(CheckInFields):
    summary: LongText = ""
    attendees: LongText = ""
    risks: LongText = ""
    author: ShortText = ""


class FollowUpFields(SQLModel):
    title: str = Field(max_length=300)
    kind: FollowUpKind = Field(default=FollowUpKind.FOLLOW_UP, sa_type=String(20))
    priority: Priority = Field(default=Priority.NORMAL, sa_type=String(10))
    owner: str = Field(default="", max_length=120)
    due_on: date | None = None
    status: FollowUpStatus = Field(default=FollowUpStatus.OPEN, sa_type=String(10))
    snoozed_until: date | None = None
    snooze_reason: str = Field(default="", max_length=300)
    origin: FollowUpOrigin = Field(default=FollowUpOrigin.MANUAL, sa_type=String(10))
    origin_ref: str = Field(default="", max_length=120)


class FollowUp(FollowUpFields, Tracked, Versioned, table=True):
    __tablename__ = "follow_up"
    __table_args__ = (
        CheckConstraint(one_of("kind", values(FollowUpKind)), name="ck_follow_up_kind"),
        CheckConstraint(one_of("priority", values(Priority)), name="ck_follow_up_priority"),
        CheckConstraint(one_of("status", values(FollowUpStatus)), name="ck_follow_up_status"),
        CheckConstraint(one_of("origin", values(FollowUpOrigin)), name="ck_follow_up_origin"),
        Index("ix_follow_up_account_status", "account_id", "status"),
        Index("ix_follow_up_status_due", "status", "due_on"),
        Index("ix_follow_up_owner_status_due", "owner", "status", "due_on"),
    )

    account_id: uuid.UUID = Field(foreign_key="account.id")
    check_in_id: uuid.UUID | None = Field(default=None, foreign_key="check_in.id")
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class FollowUpCreate(FollowUpFields):
    title: Name
    owner: ShortText = ""
    snooze_reason: ShortText = ""
