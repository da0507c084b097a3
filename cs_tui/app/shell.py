"""The Textual App shell: opening the store, the loaded book, modes, global keys, palette, theme.

Kept thin on purpose: each screen lives in `screens/`, reusable widgets in `widgets/`, and all data
work in `data/` functions called from workers.
"""

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen

from cs_tui.app.commands import AccountCommands, ViewCommands
from cs_tui.app.messages import StoreFailed, StoreOpened
from cs_tui.app.record_actions import RecordActions
from cs_tui.app.team_sync import TeamSyncing
from cs_tui.app.theme import CS_TUI_THEME
from cs_tui.app.work_actions import WorkActions
from cs_tui.config import LaunchSettings
from cs_tui.data.accounts.quick_open import QuickOpen, quick_open
from cs_tui.data.store.handle import StoreHandle
from cs_tui.domain.book.views import BookIndex, SavedView, ViewContext
from cs_tui.domain.work.cadence import DEFAULT_CADENCES, Cadences
from cs_tui.io.bulk_work import collector_paused, set_aside_what_lives_on

if TYPE_CHECKING:
    from cs_tui.data.store.database import Clock, Database

FIRST_PAGE_ROWS = 200


class CsTuiApp(TeamSyncing, RecordActions, WorkActions):
    """cs-tui: the book, its health and the day's work."""

    CSS_PATH = "app.tcss"
    TITLE = "cs-tui"
    COMMANDS = App.COMMANDS | {AccountCommands, ViewCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        Binding("q", "quit", "Quit", show=False, id="app.quit_q"),
        Binding("f1", "help", "Help", id="app.help"),
        Binding("t", "show_today", "Today", id="app.today"),
        Binding("a", "show_accounts", "Accounts", id="app.accounts"),
        Binding("f", "show_follow_ups", "Follow-ups", id="app.follow_ups"),
        Binding("b", "show_book", "Book", id="app.book"),
        Binding("c", "log_check_in", "Check-in", id="app.check_in"),
        Binding("I", "show_incentives", "Incentives", id="app.incentives", show=False),
        Binding("R", "show_reviews", "Reviews", id="app.reviews", show=False),
        Binding("T", "show_team", "Team", id="app.team", show=False),
        Binding("ctrl+p", "command_palette", "Commands", id="app.palette", show=False),
    ]

    book_version: reactive[int] = reactive(0, init=False)
    """Bumped each time `book` is replaced; screens watch it to redraw."""
    activity: reactive[str] = reactive("", init=False)
    """What a long task in the background is doing ("Rescoring… 40,000 of 100,000"), or ""."""
    data_version: reactive[int] = reactive(0, init=False)
    """Bumped after the user changes data; `changed_accounts` says which (empty: maybe all)."""

    def __init__(
        self,
        settings: LaunchSettings,
        *,
        start_screen: str | None = None,
        clock: "Clock | None" = None,
        set_aside_long_lived: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.start_screen = start_screen or settings.start_screen
        self.clock = clock
        self.store = StoreHandle()
        self.book: BookIndex | None = None
        # once the book is loaded, exempt what the app holds from garbage collection (see
        # `bulk_work`); for the program's own run, which hands it back when the app exits
        self.set_aside_long_lived = set_aside_long_lived
        self.changed_accounts: tuple[str, ...] = ()
        self.cadences: Cadences = DEFAULT_CADENCES  # the scorecard's, once the store is open
        self.opening: QuickOpen = QuickOpen(None, None)
        self.register_theme(CS_TUI_THEME)
        self.theme = self._known_theme(settings.theme)

    # -- opening -------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.show_warnings()
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        self.opening = quick_open(self.settings.database_url, page_size=FIRST_PAGE_ROWS)
        self.sub_title = f"{self.settings.user} · {self._database_label()}"
        from cs_tui.screens.account_list import AccountListScreen
        from cs_tui.screens.book import BookScreen
        from cs_tui.screens.follow_ups.screen import FollowUpsScreen
        from cs_tui.screens.incentives import IncentivesScreen
        from cs_tui.screens.reviews import ReviewsScreen
        from cs_tui.screens.today import TodayScreen

        self.add_mode(
            "accounts", lambda: self._styled(AccountListScreen(first_page=self.opening.first_page))
        )
        self.add_mode("today", lambda: self._styled(TodayScreen()))
        self.add_mode("follow_ups", lambda: self._styled(FollowUpsScreen()))
        self.add_mode("incentives", lambda: self._styled(IncentivesScreen()))
        self.add_mode("reviews", lambda: self._styled(ReviewsScreen()))
        self.add_mode("book", lambda: self._styled(BookScreen()))
        if self.opening.first_page:
            self.switch_mode(self.home_mode)
        else:
            from cs_tui.screens.opening import OpeningScreen

            self.push_screen(OpeningScreen(self._database_label()))
        self.call_after_refresh(self._open_store)  # the ORM loads once the first frame is up

    def _styled(self, screen: Screen[None]) -> Screen[None]:
        """A new mode's screen, marked as styled by the stylesheet in force.

        Textual re-parses every style sheet of the app when it first shows a mode's screen, which
        has not seen the current stylesheet yet; its widgets get their styles when they mount
        anyway. Skipping it saves about 30 ms of the launch and of each mode's first visit.
        """
        screen._css_update_count = self._css_update_count
        return screen

    def _database_label(self) -> str:
        path = self.opening.sqlite_path
        if path is not None:
            return path.name
        url = self.settings.database_url
        return url.split("@")[-1] if "@" in url else url

    @work(thread=True, exit_on_error=False, exclusive=True, group="store")
    def _open_store(self) -> None:
        from cs_tui.data.store.database import open_database, system_clock
        from cs_tui.data.store.errors import StoreError

        try:
            db = open_database(
                self.settings.database_url,
                user=self.settings.user,
                clock=self.clock or system_clock,
            )
        except StoreError as error:
            self.store.fail(error)
            self.post_message(StoreFailed(error.message, error.hint))
            return
        self.store.set(db)
        self._read_cadences()
        self.post_message(StoreOpened(db.read_only, db.notice))

    def _read_cadences(self) -> None:
        """The scorecard's cadences, for the views that ask which accounts are past theirs."""
        from cs_tui.domain.scoring import ScorecardError
        from cs_tui.io.scorecard_file import configured_cadences

        try:
            self.cadences = configured_cadences()
        except ScorecardError as error:
            self.call_from_thread(self.notify, str(error), severity="error", timeout=15)

    @on(StoreFailed)
    def _show_store_error(self, event: StoreFailed) -> None:
        from cs_tui.screens.store_error import StoreErrorScreen

        self.push_screen(StoreErrorScreen(event.message, event.hint))

    @on(StoreOpened)
    def _store_opened(self, event: StoreOpened) -> None:
        if event.read_only:
            from cs_tui.screens.store_error import StoreErrorScreen

            self.push_screen(
                StoreErrorScreen("This database opens read-only.", event.notice, can_continue=True),
                callback=self._continue_read_only,
            )
            return
        self._enter_book()

    def _continue_read_only(self, _result: bool | None) -> None:
        self._enter_book()

    @work(thread=True, exit_on_error=False, exclusive=True, group="store")
    def _enter_book(self) -> None:
        from cs_tui.data.accounts.book import account_count

        empty = account_count(self.store.get()) == 0
        self.call_from_thread(self._show_home, empty)

    def _show_home(self, empty: bool) -> None:
        if empty:
            from cs_tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(), callback=self._welcomed)
        else:
            self._go_home()

    def _welcomed(self, _choice: str | None) -> None:
        self._go_home()

    @property
    def home_mode(self) -> str:
        """The screen the app opens on: Today unless the user chose the account list."""
        return "accounts" if self.start_screen == "accounts" else "today"

    def _go_home(self) -> None:
        if self.current_mode != self.home_mode:
            self.switch_mode(self.home_mode)
        self.reload_book()
        self.start_team_sync()

    @property
    def db(self) -> "Database":
        """The open store (only valid once opened; workers use `self.app.store.get()`)."""
        return self.store.get(timeout=0)

    # -- the loaded book -----------------------------------------------------------------------

    def now(self) -> datetime:
        from datetime import UTC

        return self.clock() if self.clock else datetime.now(UTC)

    def today(self) -> date:
        """The user's calendar date (local), as the store counts due dates and cadences."""
        return self.now().astimezone().date()

    def view_context(self) -> ViewContext:
        return ViewContext(me=self.settings.user, today=self.today(), cadences=self.cadences)

    @work(thread=True, exit_on_error=False, exclusive=True, group="book")
    def reload_book(self) -> None:
        """Read every account's row and index it; screens redraw when `book_version` changes."""
        from cs_tui.data.accounts.list_rows import fetch_account_rows

        with collector_paused():
            rows = fetch_account_rows(self.store.get(), ordered=False, crm_ids=False)
            book = BookIndex(rows).prepare()
        self.call_from_thread(self._book_ready, book)

    def _book_ready(self, book: BookIndex) -> None:
        first = self.book is None
        self.book = book
        self.book_version += 1
        if first and self.set_aside_long_lived:
            set_aside_what_lives_on()

    def accounts_changed(self, account_ids: list[str]) -> None:
        """The user changed these accounts: update their list rows; open screens reload."""
        self.changed_accounts = tuple(account_ids)
        self.data_version += 1
        self.refresh_accounts(account_ids)
        self.sync_soon()

    @work(thread=True, exit_on_error=False, group="book-rows")
    def refresh_accounts(self, account_ids: list[str]) -> None:
        """Re-read the rows of accounts the user just changed and swap them into the book."""
        from cs_tui.data.accounts.list_rows import fetch_rows_of

        current = self.book
        if current is None:
            return
        rows = fetch_rows_of(self.store.get(), account_ids)
        present = {row[0] for row in rows}
        gone = [account_id for account_id in account_ids if account_id not in present]
        updated = current.updated(rows, gone).prepare()  # sorted here, not on the screen's time
        self.call_from_thread(self._rows_changed, current, updated, account_ids)

    def _rows_changed(
        self, based_on: BookIndex, updated: BookIndex, account_ids: list[str]
    ) -> None:
        if self.book is based_on:
            self._book_ready(updated)
        else:  # the book was replaced meanwhile: apply the change to the new one
            self.refresh_accounts(account_ids)

    # -- shell actions -------------------------------------------------------------------------

    def open_account(self, account_id: str) -> None:
        from cs_tui.screens.account.screen import AccountScreen

        self.push_screen(AccountScreen(account_id))

    def _show_mode(self, mode: str) -> None:
        """Go to a mode's own screen, leaving any account opened from it."""
        if self.current_mode != mode:
            self.switch_mode(mode)
        while len(self.screen_stack) > 1 and not self.screen.is_modal:
            self.pop_screen()

    def action_show_accounts(self) -> None:
        self._show_mode("accounts")

    def action_show_today(self) -> None:
        self._show_mode("today")

    def action_show_follow_ups(self) -> None:
        self._show_mode("follow_ups")

    def action_show_incentives(self) -> None:
        self._show_mode("incentives")

    def action_show_reviews(self) -> None:
        self._show_mode("reviews")

    def action_show_book(self) -> None:
        self._show_mode("book")

    def _account_list(self) -> Any:
        from cs_tui.screens.account_list import AccountListScreen

        self.action_show_accounts()
        return self.screen if isinstance(self.screen, AccountListScreen) else None

    def action_focus_filter(self) -> None:
        screen = self._account_list()
        if screen is not None:
            screen.action_focus_filter()

    def switch_view(self, view: SavedView) -> None:
        screen = self._account_list()
        if screen is not None:
            screen.action_view(view.value)

    def action_show_team(self) -> None:
        from cs_tui.screens.team import TeamScreen

        if not isinstance(self.screen, TeamScreen):
            self.push_screen(TeamScreen())

    def action_help(self) -> None:
        from cs_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen.active_bindings))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: every key", "List the bindings of this screen", self.action_help)

    def _known_theme(self, name: str) -> str:
        return name if name in self.available_themes else CS_TUI_THEME.name

    def watch_theme(self, theme: str) -> None:
        """Remember the chosen theme in the config file."""
        if self.is_running and theme != self.settings.theme:
            from cs_tui.config import save_setting

            save_setting("theme", theme)

    def on_unmount(self) -> None:
        self.stop_team_sync()
        self.stop_showing_warnings()
        if self.store.db is not None:
            self.store.db.close()
