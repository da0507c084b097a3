"""Reviews (`R`): the internal quarterly book reviews, a CSM's own or (for a lead) the team's.

The list of reviews on the left, the chosen one on the right as written (expectations, the book's
numbers beside the previous period, the accounts worth discussing, the sections, the actions).
`1`-`4` edit a section in place (`ctrl+s` saves, `escape` drops the change), `m` runs the agenda's
clock during the meeting, `n` adds actions typed like a check-in's next steps (one per line,
`Call every red account @+2w`), `d` marks the highlighted action done (or open again), `o` switches
between mine and the team's, `N` prepares my review of the last full quarter.
"""

from datetime import date, datetime
from typing import ClassVar

from rich.markdown import Markdown
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from cs_tui.data.store.errors import StoreError
from cs_tui.domain.day_words import DAY_FORMS_HELP, DayWordError, parse_day
from cs_tui.domain.reviews.rules import default_scope, done_report
from cs_tui.domain.reviews.template import agenda_clock
from cs_tui.domain.reviews.views import SECTION_TITLES, SECTIONS, ActionView, ReviewRow, ReviewView
from cs_tui.domain.work.next_steps import NextStepError, parse_next_steps
from cs_tui.screens.app_watch import AppWatcher
from cs_tui.screens.modal_form import FieldProblem, ModalForm
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.key_footer import KeyFooter
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

ActionDraft = tuple[str, str, date, date | None]  # title, owner, due, check day


def clock_text(review: ReviewView, elapsed_seconds: int) -> Text:
    """The agenda during the meeting: the item now, the time left in it, and past the end."""
    agenda = review.expectations.agenda
    index, left, over = agenda_clock(agenda, elapsed_seconds)
    minutes, seconds = divmod(max(elapsed_seconds, 0), 60)
    text = Text()
    text.append(
        f"Meeting {minutes:02d}:{seconds:02d} of {review.expectations.total_minutes} min",
        style="bold",
    )
    if over:
        text.append(f" · over by {over // 60} min {over % 60:02d} s", style="bold red")
    text.append("\n")
    for number, item in enumerate(agenda):
        if number == index and not over:
            text.append(f"▶ {item.title} · {left // 60}:{left % 60:02d} left\n", style="bold")
        else:
            done = number < index or over
            text.append(
                f"  {item.title} · {item.minutes} min{' ✓' if done else ''}\n",
                style="dim" if done else "",
            )
    return text


class ActionsForm(ModalForm[list[ActionDraft]]):
    """Actions of a review, typed like next steps: one per line, `TEXT @DATE` (the date required)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="review_actions_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="review_actions_form.save", priority=True),
    ]

    def __init__(self, review: str, *, today: date, owner: str) -> None:
        super().__init__()
        self.review_label = review
        self.today = today
        self.owner = owner

    def compose(self) -> ComposeResult:
        with Vertical(id="review-actions-form", classes="dialog"):
            yield Static(f"Actions of {self.review_label}", classes="dialog-title")
            yield Label(
                "One per line, with the day it is due: Call every red account @+2w", classes="hint"
            )
            yield TextArea(id="lines", soft_wrap=True)
            yield Label("Who does them", classes="hint")
            yield Input(self.owner, id="owner")
            yield Label(f"Check again on (optional): {DAY_FORMS_HELP}", classes="hint")
            yield Input(id="check", placeholder="e.g. +1w")
            yield Static("", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#lines", TextArea).focus()

    def draft(self) -> list[ActionDraft]:
        try:
            steps = parse_next_steps(self.query_one("#lines", TextArea).text, self.today)
        except NextStepError as error:
            raise FieldProblem(str(error)) from error
        if not steps:
            raise FieldProblem(
                "Type an action, with the day it is due: Call every red account @+2w"
            )
        owner = self.query_one("#owner", Input).value.strip()
        if not owner:
            raise FieldProblem("Name who does them.")
        check_text = self.query_one("#check", Input).value.strip()
        check: date | None = None
        if check_text:
            try:
                check = parse_day(check_text, self.today)
            except DayWordError as error:
                raise FieldProblem(f"Check again on: {error}") from error
        drafts: list[ActionDraft] = []
        for number, step in enumerate(steps, start=1):
            if step.due_on is None:
                raise FieldProblem(f"line {number}: give the day it is due, e.g. {step.title} @+2w")
            drafts.append((step.title, owner, step.due_on, check))
        return drafts


class ReviewsScreen(ShellAccess, ReportsWorkerFailures, AppWatcher, Screen[None]):
    """The book reviews: mine or the team's, one shown in full, edited in place during the meeting."""

    DEFAULT_CSS = """
    ReviewsScreen {
        #reviews-header { height: auto; padding: 0 1; background: $panel; }
        #reviews-body { height: 1fr; }
        #reviews-list { width: 36; height: 1fr; border: none; }
        #review-side { width: 1fr; }
        #review-doc-scroll { height: 1fr; }
        #review-doc { padding: 0 1; }
        #review-clock { height: auto; padding: 0 1; display: none; border-top: solid $accent; }
        #review-clock.-running { display: block; }
        #review-actions { height: auto; max-height: 10; border: none; border-top: solid $panel; }
        #review-editor { height: 12; display: none; }
        #review-editor.-editing { display: block; }
    }
    ActionsForm #lines { height: 6; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="reviews.back"),
        Binding("o", "switch_scope", "Whose", id="reviews.scope"),
        Binding("m", "meeting", "Meeting clock", id="reviews.meeting"),
        Binding("n", "new_actions", "Actions", id="reviews.actions"),
        Binding("d", "toggle_action", "Done", id="reviews.action_done"),
        Binding("N", "prepare_mine", "Prepare mine", id="reviews.prepare", show=False),
        Binding("ctrl+s", "save_section", "Save", id="reviews.save", show=False, priority=True),
        *(
            Binding(str(number), f"edit_section('{key}')", SECTION_TITLES[key], show=False,
                    id=f"reviews.edit_{key}")
            for number, key in enumerate(SECTIONS, start=1)
        ),
    ]  # fmt: skip

    def __init__(self) -> None:
        super().__init__()
        self.scope: str | None = None  # "mine" or "team"; None until the book's owners are known
        self.rows: list[ReviewRow] = []
        self.review: ReviewView | None = None
        self.editing: str | None = None  # the section being edited
        self.meeting_started: datetime | None = None
        self.clock: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reviews · loading…", id="reviews-header")
        with Horizontal(id="reviews-body"):
            yield OptionList(id="reviews-list")
            with Vertical(id="review-side"):
                with VerticalScroll(id="review-doc-scroll"):
                    yield Static("", id="review-doc")
                yield Static("", id="review-clock")
                yield OptionList(id="review-actions")
                yield TextArea(id="review-editor", soft_wrap=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        owners = self.cs_app.book.owners if self.cs_app.book is not None else ()
        self.scope = default_scope(self.cs_app.settings.user, owners)
        self.watch_app("data_version", self._data_changed)
        self.query_one("#reviews-list", OptionList).focus()
        self.load()

    def _data_changed(self, _version: int) -> None:
        self.load()

    # -- reading ---------------------------------------------------------------------------------

    def load(self) -> None:
        chosen = self.review.id if self.review is not None else None
        self._load(self.scope or "team", chosen)

    @work(thread=True, exit_on_error=False, exclusive=True, group="reviews")
    def _load(self, scope: str, chosen: str | None) -> None:
        from cs_tui.data.reviews.reads import get_review, list_reviews

        db = self.cs_app.store.get()
        rows = list_reviews(db, owner=db.user if scope == "mine" else None)
        ids = [r.id for r in rows]
        wanted = chosen if chosen in ids else (ids[0] if ids else None)
        review = get_review(db, wanted) if wanted else None
        self.app.call_from_thread(self._show, rows, review)

    def _show(self, rows: list[ReviewRow], review: ReviewView | None) -> None:
        self.rows = rows
        whose = f"mine ({self.cs_app.settings.user})" if self.scope == "mine" else "the team's"
        header = f"Reviews · {whose} · {len(rows)} reviews"
        if not rows:
            header += " · N prepares mine for the last full quarter, or `cs-tui review prepare`"
        self.query_one("#reviews-header", Static).update(header)
        listing = self.query_one("#reviews-list", OptionList)
        listing.clear_options()
        listing.add_options(
            Option(
                f"{r.period} · {r.owner}\n  {r.status} · {r.actions_done} done, {r.actions_open} open",
                id=r.id,
            )
            for r in rows
        )
        if review is not None:
            listing.highlighted = next((i for i, r in enumerate(rows) if r.id == review.id), None)
        self._show_review(review)

    def _show_review(self, review: ReviewView | None) -> None:
        from cs_tui.io.reviews.render import render_review

        self.review = review
        today = self.cs_app.today()
        doc = self.query_one("#review-doc", Static)
        actions = self.query_one("#review-actions", OptionList)
        actions.clear_options()
        if review is None:
            doc.update(Markdown("_No review chosen._"))
            return
        doc.update(Markdown(render_review(review, "md", today=today)))
        actions.add_options(Option(self._action_line(a, today), id=a.id) for a in review.actions)
        if not review.actions:
            actions.add_option(Option("No actions yet: n adds them", disabled=True))
        self._tick()

    @staticmethod
    def _action_line(a: ActionView, today: date) -> str:
        mark = "☑" if a.status == "done" else "☐"
        check = f", check {a.check_on:%d %b}" if a.check_on else ""
        return f"{mark} {a.title} · {a.owner} · due {a.due_on:%d %b}{check} · {a.state(today)}"

    @on(OptionList.OptionHighlighted, "#reviews-list")
    @on(OptionList.OptionSelected, "#reviews-list")
    def _review_chosen(
        self, event: OptionList.OptionHighlighted | OptionList.OptionSelected
    ) -> None:
        wanted = event.option.id
        if wanted and (self.review is None or self.review.id != wanted):
            self._load(self.scope or "team", wanted)

    def action_switch_scope(self) -> None:
        self.scope = "team" if self.scope == "mine" else "mine"
        self.review = None
        self.load()

    def action_back(self) -> None:
        if self.editing is not None:
            self._stop_editing()
            return
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    # -- the meeting clock -----------------------------------------------------------------------

    def action_meeting(self) -> None:
        clock = self.query_one("#review-clock", Static)
        if self.meeting_started is not None:
            self.meeting_started = None
            if self.clock is not None:
                self.clock.stop()
                self.clock = None
            clock.set_class(False, "-running")
            self.notify("Meeting clock stopped", timeout=2)
            return
        if self.review is None:
            return
        self.meeting_started = self.cs_app.now()
        self.clock = self.set_interval(1, self._tick)
        clock.set_class(True, "-running")
        self._tick()

    def elapsed_seconds(self) -> int:
        if self.meeting_started is None:
            return 0
        return int((self.cs_app.now() - self.meeting_started).total_seconds())

    def _tick(self) -> None:
        if self.meeting_started is None or self.review is None:
            return
        self.query_one("#review-clock", Static).update(
            clock_text(self.review, self.elapsed_seconds())
        )

    # -- sections, edited in place ---------------------------------------------------------------

    def action_edit_section(self, key: str) -> None:
        if self.review is None:
            return
        self.editing = key
        editor = self.query_one("#review-editor", TextArea)
        editor.border_title = f"{SECTION_TITLES[key]} · ctrl+s saves, escape drops the change"
        editor.load_text(self.review.section(key))
        editor.set_class(True, "-editing")
        editor.focus()

    def _stop_editing(self) -> None:
        self.editing = None
        self.query_one("#review-editor", TextArea).set_class(False, "-editing")
        self.query_one("#reviews-list", OptionList).focus()

    def action_save_section(self) -> None:
        if self.editing is None or self.review is None:
            return
        self._save_section(
            self.review.id, self.editing, self.query_one("#review-editor", TextArea).text
        )

    @work(thread=True, exit_on_error=False, exclusive=True, group="reviews-write")
    def _save_section(self, review_id: str, key: str, text: str) -> None:
        from cs_tui.data.reviews.edits import edit_review

        try:
            review = edit_review(self.cs_app.store.get(), review_id, {key: text})
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        self.app.call_from_thread(self._saved, review, f"{SECTION_TITLES[key]} saved")

    def _saved(self, review: ReviewView, message: str) -> None:
        if self.editing is not None:
            self._stop_editing()
        self.notify(message, timeout=8)
        self._show_review(review)
        self.load()

    # -- actions ---------------------------------------------------------------------------------

    def action_new_actions(self) -> None:
        if self.review is None:
            self.notify("Choose a review first", timeout=3)
            return
        form = ActionsForm(
            f"{self.review.owner}'s review of {self.review.period}",
            today=self.cs_app.today(), owner=self.review.owner,
        )  # fmt: skip
        self.app.push_screen(form, self._actions_given)

    def _actions_given(self, drafts: list[ActionDraft] | None) -> None:
        if drafts and self.review is not None:
            self._add_actions(self.review.id, drafts)

    @work(thread=True, exit_on_error=False, exclusive=True, group="reviews-write")
    def _add_actions(self, review_id: str, drafts: list[ActionDraft]) -> None:
        from cs_tui.data.reviews.edits import add_actions
        from cs_tui.data.reviews.reads import get_review

        db = self.cs_app.store.get()
        try:
            added = add_actions(db, review_id, drafts)
            review = get_review(db, review_id)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        noun = "action" if len(added) == 1 else "actions"
        self.app.call_from_thread(self._saved, review, f"{len(added)} {noun} added")

    def action_toggle_action(self) -> None:
        actions = self.query_one("#review-actions", OptionList)
        if self.review is None or actions.highlighted is None:
            if self.review is not None and self.review.actions:
                actions.focus()
                actions.highlighted = 0
            return
        option = actions.get_option_at_index(actions.highlighted)
        found = next((a for a in self.review.actions if a.id == option.id), None)
        if found is not None:
            self._toggle(self.review.id, found.id, found.status != "done")

    @work(thread=True, exit_on_error=False, exclusive=True, group="reviews-write")
    def _toggle(self, review_id: str, action_id: str, done: bool) -> None:
        from cs_tui.data.reviews.edits import complete_action, reopen_action
        from cs_tui.data.reviews.reads import get_review

        db = self.cs_app.store.get()
        try:
            changed = (complete_action if done else reopen_action)(db, action_id)
            review = get_review(db, review_id)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        verb = "done" if done else "open again"
        report = done_report(review.actions, self.cs_app.today())
        self.app.call_from_thread(self._saved, review, f"{changed.title}: {verb} ({report})")

    # -- preparing my own review -----------------------------------------------------------------

    def action_prepare_mine(self) -> None:
        self._prepare()

    @work(thread=True, exit_on_error=False, exclusive=True, group="reviews-write")
    def _prepare(self) -> None:
        from cs_tui.data.reviews.prepare import prepare_review
        from cs_tui.domain.metrics.periods import default_period
        from cs_tui.io.reviews.template_file import TemplateFileError, read_template

        db = self.cs_app.store.get()
        try:
            source, data = read_template()
            review = prepare_review(
                db, db.user, default_period(db.today()), template=data, template_source=source
            )
        except (StoreError, TemplateFileError) as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        self.scope = "mine"
        self.app.call_from_thread(self._saved, review, f"Review of {review.period} prepared")
