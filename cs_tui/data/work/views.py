"""Read-models of daily work: a saved check-in, follow-up rows and timeline entries.

Plain frozen values (no ORM objects, no database library imported), so screens can name them
without loading the store.
"""

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from cs_tui.domain.jsonable import jsonable


@dataclass(frozen=True)
class CheckInSaved:
    """What logging a check-in wrote."""

    check_in_id: str
    account_id: str
    account_name: str
    occurred_on: date
    follow_up_ids: tuple[str, ...]
    follow_up_due: tuple[date, ...]  # the due day of each follow-up, in the same order
    sentiment_entry_id: str | None
    survey_response_id: str | None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(asdict(self))
        return data


@dataclass(frozen=True)
class FollowUpRow:
    id: str
    account_id: str
    account_name: str
    title: str
    kind: str
    priority: str
    owner: str
    due_on: date | None
    status: str  # open, done, cancelled
    snoozed_until: date | None
    snooze_reason: str
    origin: str  # manual, check_in, rule
    check_in_id: str | None
    completed_at: datetime | None
    deleted: bool

    @property
    def short_id(self) -> str:
        return self.id[-8:]

    def is_snoozed(self, today: date) -> bool:
        return self.snoozed_until is not None and self.snoozed_until > today

    def days_overdue(self, today: date) -> int | None:
        """Days past due (0: due today), None when open and not yet due, done, or undated."""
        if self.status != "open" or self.due_on is None or self.due_on > today:
            return None
        return (today - self.due_on).days

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(asdict(self))
        return data


TIMELINE_KINDS = ("check_in", "note", "survey", "revenue", "plan", "follow_up")


@dataclass(frozen=True)
class TimelineEntry:
    """One thing that happened on an account, for its chronological feed."""

    kind: str  # one of TIMELINE_KINDS
    on: date
    at: datetime | None  # when known (plan and follow-up events); None for dated records
    title: str  # one line: "Call", "NPS 4 (detractor)", "Renewal +$12,000.00", ...
    detail: str  # the summary, comment or reason; may be several lines
    ref_id: str  # the row it comes from
    author: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(asdict(self))
        return data
