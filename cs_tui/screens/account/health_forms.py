"""The CSM's say in a score: a sentiment pulse, and a manual override (or clearing it).

Each form checks its fields as they are typed and only closes with a valid draft; the caller stores
it through `data/` (which validates again, as every write does).
"""

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Input, Label, Static

from cs_tui.data.scoring.health_views import OverrideView
from cs_tui.screens.modal_form import FieldProblem, ModalForm, form_footer

SENTIMENT_SCALE = "1 very worried · 2 worried · 3 neutral · 4 confident · 5 very confident"
REASON_LIMIT = 200


@dataclass(frozen=True)
class SentimentDraft:
    value: int
    reason: str


@dataclass(frozen=True)
class OverrideDraft:
    score: int
    reason: str
    expires_on: date


@dataclass(frozen=True)
class ClearOverride:
    """The user asked to end the override in force."""


def _check_reason(text: str, field: str) -> None:
    if not text.strip():
        raise FieldProblem(
            "Give a reason: it is shown to everyone who sees this score.", field=field
        )
    if len(text.strip()) > REASON_LIMIT:
        raise FieldProblem(f"Keep the reason under {REASON_LIMIT} characters.", field=field)


class _Form(ModalForm[object]):
    """The health forms' keys: ctrl+s (or enter in the last field) saves, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
    ]


class SentimentForm(_Form):
    """How the CSM feels about the account, 1 to 5, and why."""

    def __init__(self, account_name: str) -> None:
        super().__init__()
        self.account_name = account_name

    def compose(self) -> ComposeResult:
        with Vertical(id="sentiment-form", classes="dialog"):
            yield Static(f"Your sentiment on {self.account_name}", classes="dialog-title")
            yield Label(SENTIMENT_SCALE, classes="hint")
            yield Input(placeholder="1-5", id="sentiment-value", restrict=r"[1-5]?", max_length=1)
            yield Input(placeholder="why (required)", id="sentiment-reason")
            yield form_footer()

    def draft(self) -> SentimentDraft:
        value = self.query_one("#sentiment-value", Input).value
        if not value:
            raise FieldProblem(
                "Choose a value from 1 (very worried) to 5 (very confident).",
                field="sentiment-value",
            )
        reason = self.query_one("#sentiment-reason", Input).value
        _check_reason(reason, "sentiment-reason")
        return SentimentDraft(int(value), reason.strip())


class OverrideForm(_Form):
    """A manual score with a reason and an expiry; or clearing the override in force."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "clear", "Clear override", id="override.clear", priority=True),
    ]

    def __init__(self, account_name: str, today: date, current: OverrideView | None) -> None:
        super().__init__()
        self.account_name = account_name
        self.today = today
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="override-form", classes="dialog"):
            yield Static(f"Override the score of {self.account_name}", classes="dialog-title")
            if self.current is not None:
                yield Label(
                    f"In force: {self.current.score} until {self.current.expires_on.isoformat()}"
                    f" ({self.current.reason}). ctrl+r clears it.",
                    classes="hint",
                )
            yield Label("The computed score stays visible beside the override.", classes="hint")
            yield Input(placeholder="score 0-100", id="override-score", restrict=r"\d{0,3}")
            yield Input(placeholder="why (required)", id="override-reason")
            yield Input(placeholder="until: YYYY-MM-DD", id="override-until")
            clear = Button("Clear override (ctrl+r)", id="clear", variant="warning")
            yield form_footer(*([clear] if self.current is not None else []))

    def draft(self) -> OverrideDraft:
        score_text = self.query_one("#override-score", Input).value
        if not score_text or not 0 <= int(score_text) <= 100:
            raise FieldProblem("The score is a whole number from 0 to 100.", field="override-score")
        reason = self.query_one("#override-reason", Input).value
        _check_reason(reason, "override-reason")
        until_text = self.query_one("#override-until", Input).value
        if not until_text.strip():
            raise FieldProblem(
                "Say until when the override holds (it expires on its own).",
                field="override-until",
            )
        try:
            until = date.fromisoformat(until_text.strip())
        except ValueError:
            raise FieldProblem(
                f"{until_text.strip()!r} is not a date: write it as YYYY-MM-DD.",
                field="override-until",
            ) from None
        if until <= self.today:
            raise FieldProblem(
                f"The expiry must be after today ({self.today.isoformat()}).",
                field="override-until",
            )
        return OverrideDraft(int(score_text), reason.strip(), until)

    @on(Button.Pressed, "#clear")
    def action_clear(self) -> None:
        if self.current is not None:
            self.dismiss(ClearOverride())
