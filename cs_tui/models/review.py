"""The internal quarterly book review of a CSM with their lead, and the actions agreed in it."""

import uuid
from datetime import date, datetime

from sqlalchemy import CheckConstraint, Index, Text, text
from sqlmodel import Field

from cs_tui.models.base import Tracked, UTCDateTime, one_of

REVIEW_STATUSES = ["prepared", "held", "closed"]
ACTION_STATUSES = ["open", "done", "cancelled"]


class BookReview(Tracked, table=True):
    """One review of one CSM's book for one period; what was prepared is kept as written then."""

    __tablename__ = "book_review"
    __table_args__ = (
        CheckConstraint(one_of("status", REVIEW_STATUSES), name="ck_book_review_status"),
        Index(
            "ux_book_review_owner_period",
            "owner",
            "period",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    owner: str = Field(max_length=120)  # the CSM whose book is reviewed
    period: str = Field(max_length=40)  # its label: 2026-Q3
    period_start: date
    period_end: date
    status: str = Field(default="prepared", max_length=20)
    held_on: date | None = None
    template: str = Field(default="", max_length=200)
    expectations: str = Field(default="{}", sa_type=Text)  # JSON: roles, prep list, agenda
    facts: str = Field(default="{}", sa_type=Text)  # JSON: metrics and accounts, as prepared
    worked: str = Field(default="", sa_type=Text)
    failed: str = Field(default="", sa_type=Text)
    learned: str = Field(default="", sa_type=Text)
    next_plan: str = Field(default="", sa_type=Text)


class ReviewAction(Tracked, table=True):
    """An action agreed in a review: due on a day, and checked again on another."""

    __tablename__ = "review_action"
    __table_args__ = (
        CheckConstraint(one_of("status", ACTION_STATUSES), name="ck_review_action_status"),
        Index("ix_review_action_review", "review_id"),
        Index("ix_review_action_owner_status_due", "owner", "status", "due_on"),
        Index("ix_review_action_check", "check_on"),
    )

    review_id: uuid.UUID = Field(foreign_key="book_review.id")
    title: str = Field(max_length=300)
    owner: str = Field(max_length=120)
    due_on: date
    check_on: date | None = None
    status: str = Field(default="open", max_length=10)
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
