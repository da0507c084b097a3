"""Input models of daily work: what a user fills in to log a check-in, add or snooze a follow-up.

Plain pydantic models (no table): they validate each field and say which one is wrong. Rules that
need today's date (a check-in never in the future, a snooze into the future) are checked by the data
layer, which knows the clock.
"""

from datetime import date
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from cs_tui.domain.enums import CheckInKind, FollowUpKind, Priority
from cs_tui.models.validation import LongText, Name, ShortText

Summary = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Person = Annotated[str, StringConstraints(strip_whitespace=True, max_length=120)]


class _Draft(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NextStepDraft(_Draft):
    """One next step of a check-in: it becomes a follow-up."""

    title: Title
    due_on: date | None = None  # None: today + the account segment's cadence
    owner: Person | None = None  # None: me


class CheckInDraft(_Draft):
    """A check-in as the user typed it (the modal of the app, or `cs-tui log`)."""

    account: Name  # an id, a CRM id or the account's name
    kind: CheckInKind = CheckInKind.CALL
    occurred_on: date | None = None  # None: today; may be backdated, never in the future
    summary: Summary
    attendees: tuple[ShortText, ...] = ()  # stakeholder names or free text
    sentiment: int | None = Field(default=None, ge=1, le=5)
    nps: int | None = Field(default=None, ge=0, le=10)
    csat: int | None = Field(default=None, ge=1, le=5)
    risks: LongText = ""
    next_steps: tuple[NextStepDraft, ...] = ()

    @model_validator(mode="after")
    def _scores_make_sense(self) -> Self:
        if self.nps is not None and self.csat is not None:
            raise ValueError("give an NPS or a CSAT score, not both")
        if self.kind is CheckInKind.INTERNAL_NOTE and (
            self.nps is not None or self.csat is not None
        ):
            raise ValueError("an internal note has no customer to give an NPS or CSAT score")
        return self


class FollowUpDraft(_Draft):
    """A follow-up added by hand."""

    title: Title
    due_on: date | None = None  # None: today + the account segment's cadence
    owner: Person | None = None  # None: me
    kind: FollowUpKind = FollowUpKind.FOLLOW_UP
    priority: Priority = Priority.NORMAL


class SnoozeDraft(_Draft):
    """Hide a follow-up from Today until a day, for a reason (both required)."""

    until: date
    reason: Reason
