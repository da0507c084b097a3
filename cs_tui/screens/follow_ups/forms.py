"""Small forms on one follow-up: snooze (until a day, with a reason), move its due date, reassign."""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from cs_tui.domain.day_words import DAY_FORMS_HELP, DayWordError, parse_day
from cs_tui.screens.modal_form import FieldProblem, ModalForm, form_footer


@dataclass(frozen=True)
class Snooze:
    until: date
    reason: str


@dataclass(frozen=True)
class NewDueDate:
    due_on: date


@dataclass(frozen=True)
class NewOwner:
    owner: str


FollowUpChange = Snooze | NewDueDate | NewOwner


def read_day(text: str, today: date, *, after_today: bool) -> date | str:
    """The typed day, or what is wrong with it."""
    if not text.strip():
        return f"Give a day: {DAY_FORMS_HELP}."
    try:
        day = parse_day(text, today)
    except DayWordError as error:
        return str(error)
    if after_today and day <= today:
        return f"Choose a day after today ({today.isoformat()})."
    return day


class FollowUpForm(ModalForm[FollowUpChange]):
    """One follow-up, one change: `kind` is "snooze", "due" or "owner"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="follow_up_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="follow_up_form.save", priority=True),
    ]

    def __init__(self, kind: str, title: str, *, today: date, current: str = "") -> None:
        super().__init__()
        self.kind = kind
        self.title_text = title
        self.today = today
        self.current = current

    def compose(self) -> ComposeResult:
        heading = {"snooze": "Snooze", "due": "Move the due date of", "owner": "Reassign"}
        with Vertical(id="follow-up-form", classes="dialog"):
            yield Static(f"{heading[self.kind]}: {self.title_text}", classes="dialog-title")
            if self.kind == "owner":
                yield Input(self.current, id="owner", placeholder="who owns it now")
            else:
                yield Label(f"Until (or due on): {DAY_FORMS_HELP}", classes="hint")
                yield Input(self.current, id="day", placeholder="e.g. fri, +1w, 2026-07-01")
            if self.kind == "snooze":
                yield Input(id="reason", placeholder="why (required), e.g. out of office")
            yield form_footer()

    def draft(self) -> FollowUpChange:
        if self.kind == "owner":
            owner = self.query_one("#owner", Input).value.strip()
            if not owner:
                raise FieldProblem("Name who owns the follow-up.", field="owner")
            return NewOwner(owner)
        day = read_day(
            self.query_one("#day", Input).value, self.today, after_today=self.kind == "snooze"
        )
        if isinstance(day, str):
            raise FieldProblem(day, field="day")
        if self.kind == "due":
            return NewDueDate(day)
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            raise FieldProblem("Give a reason for snoozing it.", field="reason")
        return Snooze(day, reason)
