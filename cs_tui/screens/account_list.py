"""The account list: the whole book in a lazy table, filtered as you type, sorted, in saved views.

Rows come from the app's loaded book (`app.book`, a `BookIndex`); until it is loaded the first page
read at launch is shown. Filtering and sorting are pure and fast, so they run on the event loop.
"""

from dataclasses import replace
from datetime import date
from operator import itemgetter
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Static

from cs_tui.domain.book import account_row as r
from cs_tui.domain.book.account_row import AccountRow
from cs_tui.domain.book.views import (
    SORTABLE,
    Query,
    SavedView,
    describe,
    query_as_saved,
    query_from_saved,
    totals,
    with_view,
)
from cs_tui.io.view_state import remember, remembered
from cs_tui.screens.app_watch import AppWatcher
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.account_table import AccountTable, account_columns
from cs_tui.widgets.key_footer import KeyFooter
from cs_tui.widgets.lazy_table import LazyTable

SORT_ORDER = tuple(SORTABLE)
DESCENDING_FIRST = {"arr", "open_followups"}
VIEW_KEYS = {
    "1": SavedView.MINE,
    "2": SavedView.AT_RISK,
    "3": SavedView.RENEWALS,
    "4": SavedView.NO_TOUCH,
    "5": SavedView.ALL,
}
STATE_KEY = "account_list"
REMEMBER_AFTER = 0.5  # seconds of quiet after a change (typing a filter writes once)


class AccountListScreen(ShellAccess, AppWatcher, Screen[None]):
    """The book: `/` filters, `enter` opens, `1`-`5` switch views, `s`/`S` sort, `o` owner,
    `n` adds an account."""

    DEFAULT_CSS = """
    AccountListScreen {
        #list-bar {
            height: 3;
        }
        #filter {
            width: 1fr;
        }
        #list-view {
            width: auto;
            min-width: 24;
            padding: 1 2;
            color: $text-accent;
            text-style: bold;
        }
        #list-footer {
            height: 1;
            padding: 0 1;
            background: $panel;
            color: $foreground;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter", id="accounts.filter"),
        Binding("escape", "leave_filter", "Back to list", show=False, id="accounts.leave_filter"),
        *(
            Binding(key, f"view('{view.value}')", view.label, show=False, id=f"accounts.{view}")
            for key, view in VIEW_KEYS.items()
        ),
        Binding("v", "next_view", "View", id="accounts.next_view"),
        Binding("s", "next_sort", "Sort", id="accounts.sort"),
        Binding("S", "reverse_sort", "Reverse", show=False, id="accounts.reverse_sort"),
        Binding("o", "next_owner", "Owner", id="accounts.owner"),
        Binding("n", "app.new_account", "New", id="accounts.new"),
    ]

    def __init__(self, first_page: list[AccountRow] | None = None) -> None:
        super().__init__()
        self.list_query = query_from_saved(remembered(STATE_KEY))
        # the first page is the whole book by name: only shown when that is the remembered view
        self.first_page = (first_page or []) if self.list_query == Query() else []
        self._remember_timer: Timer | None = None
        self.shown: list[AccountRow] = []
        self._label = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="list-bar"):
            yield Input(
                self.list_query.text, placeholder="/ filter by name, owner or tag", id="filter"
            )
            yield Static("", id="list-view")
        yield AccountTable(
            account_columns(self.today),
            rows=self.first_page,
            row_key=itemgetter(r.ID),
            empty_message="Loading the book…" if not self.first_page else "No accounts",
            zebra_stripes=True,
            id="accounts",
        )
        yield Static("", id="list-footer")
        yield KeyFooter()

    def today(self) -> date:
        return self.cs_app.today()

    def on_mount(self) -> None:
        self.shown = list(self.first_page)
        self.watch_app("book_version", self._book_loaded)
        self.watch_app("activity", self._describe)
        if self.cs_app.book is not None:
            self._book_loaded()
        self._describe()
        self.table.focus()

    def account_in_focus(self) -> str | None:
        """The highlighted account (what `c` logs a check-in on)."""
        key = self.table.cursor_key
        return None if key is None else str(key)

    @property
    def table(self) -> AccountTable:
        return self.query_one("#accounts", AccountTable)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#filter", Input)

    def _book_loaded(self, _version: int = 0) -> None:
        book = self.cs_app.book
        if book is None:
            return
        self.table.empty_message = "No accounts in this view"
        self._apply(keep_cursor=True)

    # -- the query ------------------------------------------------------------------------------

    def set_query(self, **changes: object) -> None:
        self.show_query(replace(self.list_query, **changes))  # type: ignore[arg-type]

    def show_query(self, query: Query) -> None:
        if query == self.list_query:
            return
        self.list_query = query
        self._apply(keep_cursor=False)
        self._remember_soon()

    # -- remembering the view across runs -------------------------------------------------------

    def _remember_soon(self) -> None:
        if self._remember_timer is not None:
            self._remember_timer.stop()
        self._remember_timer = self.set_timer(REMEMBER_AFTER, self.remember_view)

    def remember_view(self) -> None:
        """Write the view to the state file now (also done when the screen closes)."""
        self._remember_timer = None
        remember(STATE_KEY, query_as_saved(self.list_query))

    def on_unmount(self) -> None:
        if self._remember_timer is not None:
            self._remember_timer.stop()
            self.remember_view()

    def _apply(self, *, keep_cursor: bool) -> None:
        """Show the query's rows: a new filter, view or order starts at the top; new data keeps
        the cursor on the account it was on."""
        book = self.cs_app.book
        if book is None:
            self._describe()
            return
        self.shown = book.query(self.list_query, self.cs_app.view_context())
        self.table.set_rows(self.shown, keep_cursor=keep_cursor)
        self.table.sort_indicator(self.list_query.sort, self.list_query.descending)
        self.call_after_refresh(self._describe)  # the rows first; the count and ARR right after

    def _describe(self, _activity: str = "") -> None:
        query = self.list_query
        owner = "everyone" if query.owner is None else query.owner
        if query.view is SavedView.MINE:
            owner = self.cs_app.settings.user
        label = f"{query.view.label} · {owner}"
        if label != self._label:
            self._label = label
            self.query_one("#list-view", Static).update(label)
        book = self.cs_app.book
        shown_totals = book.totals_of(query, self.shown) if book is not None else totals(self.shown)
        footer = describe(query, shown_totals, self.cs_app.settings.currency)
        if self.cs_app.book is None:
            footer += " · loading the whole book…"
        if self.cs_app.activity:
            footer += f" · {self.cs_app.activity}"
        self.query_one("#list-footer", Static).update(footer, layout=False)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.set_query(text=event.value)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.table.focus()

    @on(LazyTable.HeaderClicked, "#accounts")
    def _header_clicked(self, event: LazyTable.HeaderClicked) -> None:
        self._sort_by(event.column_key)

    @on(LazyTable.RowSelected, "#accounts")
    def _row_selected(self, event: LazyTable.RowSelected) -> None:
        self.cs_app.open_account(str(event.row_key))

    # -- actions --------------------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        # at once, not on the next message: keys typed right after `/` must land in the filter
        self.set_focus(self.filter_input)

    def action_leave_filter(self) -> None:
        if self.filter_input.has_focus:
            self.table.focus()
        elif self.filter_input.value:
            self.filter_input.value = ""

    def action_view(self, view: str) -> None:
        self.show_query(with_view(self.list_query, SavedView(view)))

    def action_next_view(self) -> None:
        views = list(SavedView)
        self.action_view(views[(views.index(self.list_query.view) + 1) % len(views)])

    def _sort_by(self, column: str) -> None:
        if column not in SORTABLE:
            return
        if column == self.list_query.sort:
            self.set_query(descending=not self.list_query.descending)
        else:
            self.set_query(sort=column, descending=column in DESCENDING_FIRST)

    def action_next_sort(self) -> None:
        position = SORT_ORDER.index(self.list_query.sort)
        column = SORT_ORDER[(position + 1) % len(SORT_ORDER)]
        self.set_query(sort=column, descending=column in DESCENDING_FIRST)

    def action_reverse_sort(self) -> None:
        self.set_query(descending=not self.list_query.descending)

    def action_next_owner(self) -> None:
        book = self.cs_app.book
        if book is None:
            return
        choices: list[str | None] = [None, *book.owners]
        current = self.list_query.owner if self.list_query.owner in choices else None
        following = choices[(choices.index(current) + 1) % len(choices)]
        view = SavedView.ALL if self.list_query.view is SavedView.MINE else self.list_query.view
        self.set_query(owner=following, view=view)
        self.notify(f"Owner: {following or 'everyone'}", timeout=1.5)
