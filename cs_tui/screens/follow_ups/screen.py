"""Follow-ups across the book: mine or the team's, open, overdue or done, worked off by keyboard."""

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static

from cs_tui.data.work.views import FollowUpRow
from cs_tui.screens.app_watch import AppWatcher
from cs_tui.screens.follow_ups.follow_up_list import FollowUpList
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.key_footer import KeyFooter
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

VIEWS = ("open", "overdue", "done", "all")
VIEW_LABELS = {"open": "open", "overdue": "overdue", "done": "done", "all": "every"}
TEAM = "(team)"
LIMIT = 500


class FollowUpsScreen(ShellAccess, ReportsWorkerFailures, AppWatcher, Screen[None]):
    """`v` switches open / overdue / done / all; `o` mine / the team's / one CSM's."""

    DEFAULT_CSS = """
    FollowUpsScreen {
        #follow-ups-header {
            height: auto;
            padding: 0 1 1 1;
            background: $panel;
            text-style: bold;
        }
        #book-follow-ups {
            height: 1fr;
            border: none;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "next_view", "View", id="follow_ups.view"),
        Binding("o", "next_owner", "Whose", id="follow_ups.owner"),
        Binding("enter", "open_account", "Open account", id="follow_ups.open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = "open"
        self.whose: str | None = None  # None: mine

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Follow-ups · loading…", id="follow-ups-header")
        yield FollowUpList(with_account=True, id="book-follow-ups")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch_app("data_version", self._data_changed)
        self.query_one(FollowUpList).focus()
        self.reload()

    def _data_changed(self, _version: int) -> None:
        self.reload()

    def reload(self) -> None:
        self._load(self.view, self.whose)

    @work(thread=True, exit_on_error=False, exclusive=True, group="follow-ups")
    def _load(self, view: str, whose: str | None) -> None:
        from cs_tui.data.store.errors import StoreError
        from cs_tui.data.work.follow_up_list import StatusFilter, list_follow_ups

        try:
            db = self.cs_app.store.get()
        except StoreError:
            return
        owner = None if whose == TEAM else (whose or self.cs_app.settings.user)
        status = {"open": StatusFilter.OPEN, "overdue": StatusFilter.ACTIVE,
                  "done": StatusFilter.DONE, "all": StatusFilter.ALL}[view]  # fmt: skip
        rows = list_follow_ups(
            db, owner=owner, status=status, overdue=view == "overdue", limit=LIMIT
        )
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[FollowUpRow]) -> None:
        whose = {None: f"mine ({self.cs_app.settings.user})", TEAM: "the team's"}.get(
            self.whose, f"{self.whose}'s"
        )
        more = f" (the first {LIMIT})" if len(rows) >= LIMIT else ""
        self.query_one("#follow-ups-header", Static).update(
            f"Follow-ups · {VIEW_LABELS[self.view]} · {whose} · {len(rows)}{more}"
            "  ·  d done · s snooze · m move · r reassign · del delete · u undo"
        )
        empty = f"No {VIEW_LABELS[self.view]} follow-ups."
        self.query_one(FollowUpList).show(rows, self.cs_app.today(), empty)

    def account_in_focus(self) -> str | None:
        found = self.query_one(FollowUpList).follow_up_in_focus()
        return found.account_id if found else None

    @on(OptionList.OptionSelected, "#book-follow-ups")
    def action_open_account(self) -> None:
        account_id = self.account_in_focus()
        if account_id is not None:
            self.cs_app.open_account(account_id)

    def action_next_view(self) -> None:
        self.view = VIEWS[(VIEWS.index(self.view) + 1) % len(VIEWS)]
        self.reload()

    def action_next_owner(self) -> None:
        owners = list(self.cs_app.book.owners) if self.cs_app.book is not None else []
        me = self.cs_app.settings.user
        choices: list[str | None] = [None, TEAM, *(o for o in owners if o != me)]
        position = choices.index(self.whose) if self.whose in choices else 0
        self.whose = choices[(position + 1) % len(choices)]
        self.reload()
