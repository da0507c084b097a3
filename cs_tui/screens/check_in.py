"""Logging a check-in in seconds: summary, next steps, ctrl+s (three keys besides the text).

The form opens on the summary with the type (call) and the date (today) already filled; each line
of next steps becomes a follow-up, due when the account's next touch is due unless the line says
`@fri`, `@+2w` or `@2026-07-01`. The form saves itself and closes only when the check-in is stored:
a problem is shown next to its field and nothing typed is lost.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static, TextArea

from cs_tui.data.work.views import CheckInSaved
from cs_tui.domain.work.check_in_input import KIND_HELP, FormProblem, read_check_in
from cs_tui.domain.work.next_steps import NextStepError, parse_next_steps
from cs_tui.screens.modal_form import FormHelpers, form_footer
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

FIELDS = ("summary", "next_steps", "kind", "date", "attendees", "owner", "sentiment", "nps",
          "csat", "risks")  # fmt: skip


@dataclass(frozen=True)
class CheckInTarget:
    """The account a check-in is for, with what the form offers about it."""

    account_id: str
    account_name: str
    segment: str
    stakeholders: tuple[str, ...] | None  # None: not read yet (the form reads them)
    cadence_days: int


class PeopleSuggester(Suggester):
    """Completes the name being typed after the last comma from the account's stakeholders."""

    def __init__(self, names: tuple[str, ...] = ()) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        head, _, typed = value.rpartition(",")
        typed = typed.lstrip()
        if not typed:
            return None
        for name in self.names:
            if name.casefold().startswith(typed.casefold()):
                prefix = f"{head}, " if head else ""
                return prefix + name
        return None


def _people_hint(names: tuple[str, ...]) -> str:
    return ", ".join(names[:3]) or "names, comma separated"


def _row(label: str, field: Widget) -> ComposeResult:
    """One line of the form: a label and its field."""
    with Horizontal(classes="form-row"):
        yield Label(label, classes="form-label")
        yield field


class CheckInForm(ShellAccess, ReportsWorkerFailures, FormHelpers[CheckInSaved | None]):
    """A check-in on one account; dismissed with what was saved, or None when cancelled."""

    DEFAULT_CSS = """
    CheckInForm {
        .form-row {
            height: auto;
            margin-bottom: 0;
        }
        .form-row TextArea, .form-row Input {
            margin-bottom: 1;
        }
        .form-label {
            width: 15;
            text-style: bold;
        }
        .form-row Input {
            width: 1fr;
            height: 1;
            margin-bottom: 0;
            border: none;
            padding: 0 1;
            background: $boost;
        }
        .form-row TextArea {
            width: 1fr;
            height: 3;
            border: none;
            padding: 0 1;
            background: $boost;
        }
        .form-row Input:focus, .form-row TextArea:focus {
            background: $primary 25%;
        }
        #next-steps-preview {
            width: 1fr;
            height: auto;
        }
        #check-in-fields {
            height: auto;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="check_in.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="check_in.cancel"),
    ]

    def __init__(self, target: CheckInTarget, *, today: date, me: str) -> None:
        super().__init__()
        self.target = target
        self.today = today
        self.me = me
        self.people = PeopleSuggester(target.stakeholders or ())

    def compose(self) -> ComposeResult:
        target = self.target
        default_due = self.today + timedelta(days=target.cadence_days)
        with Vertical(id="check-in-form", classes="dialog"):
            yield Static(f"Check-in · {target.account_name}", classes="dialog-title")
            with Vertical(id="check-in-fields"):
                yield from _row("Summary", TextArea(id="summary", soft_wrap=True))
                yield from _row("Next steps", TextArea(id="next_steps", soft_wrap=True))
                yield from _row(
                    "",
                    Static(
                        f"one per line; due {default_due.isoformat()} (the {target.segment or 'default'}"
                        " cadence) unless a line ends with @fri, @+2w or @2026-07-01",
                        id="next-steps-preview",
                        classes="hint",
                    ),
                )
                yield from _row("Type", Input("call", id="kind", placeholder=KIND_HELP))
                yield from _row(
                    "Date",
                    Input("today", id="date", placeholder="today, yesterday, -3d, 2026-06-01"),
                )
                yield from _row(
                    "Attendees",
                    Input(
                        id="attendees",
                        placeholder=_people_hint(target.stakeholders or ()),
                        suggester=self.people,
                    ),
                )
                yield from _row("Follow-ups for", Input(self.me, id="owner"))
                yield from _row(
                    "Sentiment",
                    Input(
                        id="sentiment",
                        placeholder="1 very worried … 5 very confident",
                        restrict=r"[1-5]?",
                        max_length=1,
                    ),
                )
                yield from _row(
                    "NPS",
                    Input(
                        id="nps", placeholder="0-10, if given in the meeting", restrict=r"\d{0,2}"
                    ),
                )
                yield from _row(
                    "CSAT",
                    Input(
                        id="csat", placeholder="1-5, if given in the meeting", restrict=r"[1-5]?"
                    ),
                )
                yield from _row("Risks", Input(id="risks", placeholder="risks raised, if any"))
            yield form_footer(error_id="check-in-error")

    def on_mount(self) -> None:
        self.query_one("#summary", TextArea).focus()
        if self.target.stakeholders is None:
            self._read_people()

    @work(thread=True, exit_on_error=False, group="check-in-people")
    def _read_people(self) -> None:
        from cs_tui.data.accounts.records import get_account_detail
        from cs_tui.data.store.errors import StoreError

        try:
            detail = get_account_detail(self.cs_app.store.get(), self.target.account_id)
        except StoreError:
            return
        names = tuple(p.name for p in detail.stakeholders if p.left_on is None)
        self.app.call_from_thread(self._people_read, names)

    def _people_read(self, names: tuple[str, ...]) -> None:
        self.people.names = names
        self.query_one("#attendees", Input).placeholder = _people_hint(names)

    def values(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for name in FIELDS:
            widget = self.query_one(f"#{name}")
            found[name] = widget.text if isinstance(widget, TextArea) else widget.value  # type: ignore[attr-defined]
        return found

    @on(TextArea.Changed, "#next_steps")
    def _preview_next_steps(self, event: TextArea.Changed) -> None:
        default_due = self.today + timedelta(days=self.target.cadence_days)
        preview = self.query_one("#next-steps-preview", Static)
        try:
            steps = parse_next_steps(event.text_area.text, self.today)
        except NextStepError as error:
            preview.update(str(error))
            return
        if steps:
            preview.update("\n".join(
                f"→ {step.title}  due {(step.due_on or default_due).isoformat()}" for step in steps
            ))  # fmt: skip

    def show_task_failure(self, message: str) -> bool:
        if not self.is_attached:
            return False
        self.query_one("#check-in-error", Static).update(message)
        return True

    def show_problem(self, field_name: str, message: str) -> None:
        """The problem in the footer and under its field, which takes the focus."""
        target = field_name.split(".")[0]
        known = target in FIELDS
        self.show_field_problem(
            f"{field_name.replace('_', ' ')}: {message}", field=target if known else None
        )

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            typed = read_check_in(self.values(), self.today)
        except FormProblem as problem:
            self.show_problem(problem.field, problem.message)
            return
        self.query_one("#check-in-error", Static).update("Saving…")
        self._store(typed)

    @work(thread=True, exit_on_error=False, exclusive=True, group="check-in")
    def _store(self, typed: object) -> None:
        from cs_tui.data.store.errors import InvalidInputError, StoreError
        from cs_tui.data.store.validation import checked
        from cs_tui.data.work.check_ins import log_check_in
        from cs_tui.data.work.drafts import CheckInDraft, NextStepDraft
        from cs_tui.domain.work.check_in_input import CheckInInput

        assert isinstance(typed, CheckInInput)
        owner = typed.owner or None
        try:
            draft = checked(
                CheckInDraft,
                account=self.target.account_id, kind=typed.kind, occurred_on=typed.occurred_on,
                summary=typed.summary, attendees=typed.attendees, sentiment=typed.sentiment,
                nps=typed.nps, csat=typed.csat, risks=typed.risks,
                next_steps=tuple(
                    NextStepDraft(title=s.title, due_on=s.due_on, owner=owner)
                    for s in typed.next_steps
                ),
            )  # fmt: skip
            saved = log_check_in(self.cs_app.store.get(), draft, cadences=self.cs_app.cadences)
        except InvalidInputError as error:
            self.app.call_from_thread(self.show_problem, error.field or "check-in", error.message)
            return
        except StoreError as error:
            self.app.call_from_thread(self.show_problem, "check-in", str(error))
            return
        self.app.call_from_thread(self.dismiss, saved)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.close_unless_typed()
