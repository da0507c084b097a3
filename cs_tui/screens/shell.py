"""What screens and widgets may ask of the running app, typed once.

The App shell (`cs_tui.app`) provides all of it; screens never import the shell, which imports
them. A screen or widget mixes in `ShellAccess` and reads `self.cs_app`.
"""

from datetime import date, datetime
from typing import Any, Protocol, cast

from textual.dom import DOMNode

from cs_tui.config import LaunchSettings
from cs_tui.data.store.handle import StoreHandle
from cs_tui.domain.book.views import BookIndex, ViewContext
from cs_tui.domain.work.cadence import Cadences


class Shell(Protocol):
    """The app's state and actions that screens share."""

    settings: LaunchSettings
    store: StoreHandle
    book: BookIndex | None
    cadences: Cadences
    changed_accounts: tuple[str, ...]
    activity: str
    team_version: int

    def now(self) -> datetime: ...
    def today(self) -> date: ...
    def view_context(self) -> ViewContext: ...
    def open_account(self, account_id: str) -> None: ...
    def accounts_changed(self, account_ids: list[str]) -> None: ...
    def call_from_thread(self, callback: Any, *args: Any, **kwargs: Any) -> Any: ...
    def sync_team(self, start_watching: bool = False) -> Any: ...


class ShellAccess:
    """Mixin for screens and widgets: `self.cs_app` is the running app, typed as `Shell`."""

    @property
    def cs_app(self) -> Shell:
        assert isinstance(self, DOMNode)
        return cast(Shell, self.app)
