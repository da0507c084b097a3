"""Today, the home screen: what needs me today across my book (or the team's, for a lead).

Overdue and due-today follow-ups, accounts past their check-in cadence, renewals coming up (flagged
without an agreed plan), health that dropped this week, new detractors and low CSAT; the header
counts them and shows the success-plan coverage against its target. Every line acts: `enter` opens
the account, `c` logs a check-in on it, `d` completes a follow-up, `s` snoozes it; `]` and `[`
jump to the next or previous section, `1`-`5` to a section by its number.
"""

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from cs_tui.data.work.today_views import FOLLOW_UPS, FollowUpDue, TodayQueue
from cs_tui.domain.reviews.views import ActionDue
from cs_tui.screens.app_watch import AppWatcher
from cs_tui.screens.follow_ups.actions import (
    FOLLOW_UP_BINDINGS,
    FollowUpActions,
    FollowUpInFocus,
)
from cs_tui.widgets.key_footer import KeyFooter
from cs_tui.widgets.today_list import TodayList

ROWS_PER_SECTION = 50
SECTION_KEYS_SHOWN = 5  # follow-ups, check-ins, renewals, health drops, survey alerts
REVIEW_ACTIONS_SHOWN = 5
TEAM = "(team)"
STATE_WORDS = {"late": "late", "due": "due today", "check": "check today"}


def review_actions_text(actions: list[ActionDue]) -> Text:
    """The review actions due, late or to check today (the Reviews screen, `R`, holds them)."""
    text = Text(f"Review actions: {len(actions)} need attention (R opens Reviews)\n", style="bold")
    for due in actions[:REVIEW_ACTIONS_SHOWN]:
        a = due.action
        text.append(
            f"  {a.title} · {a.owner} · {STATE_WORDS.get(due.state, due.state)} · due {a.due_on:%d %b}"
        )
        text.append(f" ({due.review_owner}, {due.review_period})\n", style="dim")
    if len(actions) > REVIEW_ACTIONS_SHOWN:
        text.append(f"  … and {len(actions) - REVIEW_ACTIONS_SHOWN} more\n", style="dim")
    return text


def header_text(queue: TodayQueue, whose: str) -> Text:
    counts = queue.counts()
    follow_ups = queue.section(FOLLOW_UPS)
    text = Text.assemble(
        (f"Today · {queue.as_of:%A %d %B %Y} · {whose}\n", "bold"),
        f"{follow_ups.total} follow-ups due ({follow_ups.flagged} overdue) · "
        f"{counts['cadence']} check-ins due · {counts['renewals']} renewals "
        f"({queue.section('renewals').flagged} without an agreed plan) · "
        f"{counts['health_drops']} health drops · {counts['surveys']} survey alerts\n",
    )
    coverage = queue.coverage
    mark = "✓" if coverage.meets_target else "✗"
    text.append(f"Success-plan coverage {mark} ", style="bold")
    text.append(coverage.describe())
    if not coverage.meets_target:
        text.append(f"; {coverage.missing} more agreed plans reach it")
    return text


class TodayScreen(FollowUpActions, AppWatcher, Screen[None]):
    """The day's queue; `o` switches between my queue, the team's and each CSM's."""

    DEFAULT_CSS = """
    TodayScreen {
        #today-header {
            height: auto;
            padding: 0 1 1 1;
            background: $panel;
        }
        #today-review-actions {
            height: auto;
            padding: 0 1;
            display: none;
        }
        #today-review-actions.-shown {
            display: block;
        }
        #today-list {
            height: 1fr;
            border: none;
        }
        #today-list > .option-list--option-disabled {
            color: $foreground;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOLLOW_UP_BINDINGS,
        Binding("enter", "open_account", "Open", id="today.open", show=False),
        Binding("o", "next_owner", "Whose", id="today.owner"),
        Binding("right_square_bracket", "jump(1)", "Next section", id="today.next_section"),
        Binding(
            "left_square_bracket",
            "jump(-1)",
            "Previous section",
            id="today.previous_section",
            show=False,
        ),
        *(
            Binding(str(n), f"section({n})", f"Section {n}", show=False, id=f"today.section_{n}")
            for n in range(1, SECTION_KEYS_SHOWN + 1)
        ),
        Binding("f5", "reload", "Refresh", id="today.refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.whose: str | None = None  # None: mine; TEAM: everyone's; else that CSM's
        self.queue: TodayQueue | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Today · opening the book…", id="today-header")
        yield Static("", id="today-review-actions")
        yield TodayList(id="today-list")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch_app("data_version", self._data_changed)
        self.query_one(TodayList).focus()
        self.action_reload()

    def _data_changed(self, _version: int) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self._load(self.whose)

    @work(thread=True, exit_on_error=False, exclusive=True, group="today")
    def _load(self, whose: str | None) -> None:
        from cs_tui.data.reviews.edits import actions_needing_attention
        from cs_tui.data.store.errors import StoreError
        from cs_tui.data.work.settings import load_today_rules
        from cs_tui.data.work.today import today_queue

        try:
            db = self.cs_app.store.get()
        except StoreError:
            return  # the app shows why the store cannot be opened
        queue = today_queue(
            db, team=whose == TEAM, owner=None if whose in (None, TEAM) else whose,
            rules=load_today_rules(self.cs_app.cadences), limit=ROWS_PER_SECTION,
        )  # fmt: skip
        actions = actions_needing_attention(db, owner=None if whose == TEAM else (whose or db.user))
        self.app.call_from_thread(self._show, queue, actions)

    def _show(self, queue: TodayQueue, actions: list[ActionDue] | None = None) -> None:
        self.queue = queue
        reviews = self.query_one("#today-review-actions", Static)
        reviews.set_class(bool(actions), "-shown")
        reviews.update(review_actions_text(actions) if actions else "")
        whose = {None: f"mine ({self.cs_app.settings.user})", TEAM: "the team"}.get(
            self.whose, str(self.whose)
        )
        self.query_one("#today-header", Static).update(header_text(queue, whose))
        variables = self.app.get_css_variables()
        styles = {"flag": f"bold {variables.get('warning', '')}".strip()}
        self.query_one(TodayList).show(queue, styles=styles, prefer=self.restored_follow_up)
        self.restored_follow_up = None

    # -- what the highlighted line is about ------------------------------------------------------

    def account_in_focus(self) -> str | None:
        row = self.query_one(TodayList).highlighted_row()
        return row.account_id if row is not None else None

    def follow_up_in_focus(self) -> FollowUpInFocus | None:
        row = self.query_one(TodayList).highlighted_row()
        if not isinstance(row, FollowUpDue):
            return None
        return FollowUpInFocus(row.follow_up_id, row.title, row.account_id, row.owner)

    @on(OptionList.OptionSelected, "#today-list")
    def action_open_account(self) -> None:
        account_id = self.account_in_focus()
        if account_id is not None:
            self.cs_app.open_account(account_id)

    def action_jump(self, step: int) -> None:
        if not self.query_one(TodayList).jump(step):
            self.notify("No further section with something to act on.", timeout=1.5)

    def action_section(self, number: int) -> None:
        if not self.query_one(TodayList).jump_to_section(number - 1):
            self.notify(f"Section {number} has nothing to act on.", timeout=1.5)

    def action_next_owner(self) -> None:
        owners = list(self.cs_app.book.owners) if self.cs_app.book is not None else []
        me = self.cs_app.settings.user
        choices: list[str | None] = [None, TEAM, *(o for o in owners if o != me)]
        position = choices.index(self.whose) if self.whose in choices else 0
        self.whose = choices[(position + 1) % len(choices)]
        self.query_one("#today-header", Static).update("Today · loading…")
        self.action_reload()
