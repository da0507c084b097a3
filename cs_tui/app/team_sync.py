"""The app syncs a team book by itself: at start, shortly after each save, when the folder changes.

A mixin of `CsTuiApp`. Every sync runs in a thread worker; the header's subtitle says when the book
last synced, its conflicts and problems. Nothing here runs for a book that is not in a team.
"""

import threading
from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import App
from textual.reactive import reactive
from textual.timer import Timer

from cs_tui.domain.sync.labels import sync_label
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

if TYPE_CHECKING:
    from cs_tui.app.shell import CsTuiApp
    from cs_tui.data.sync.engine import SyncReport
    from cs_tui.io.sync.moved import FolderMoved
    from cs_tui.screens.server_login import ServerLogin

SAVE_DELAY_S = 2.0
"""How long after a save the app syncs (saves in a row are published together)."""
LABEL_REFRESH_S = 10.0


class TeamSyncing(ReportsWorkerFailures, App[None]):
    """Automatic sync and the header's sync label (mixed into `CsTuiApp`)."""

    team_label: reactive[str] = reactive("", init=False)
    team_version: reactive[int] = reactive(0, init=False)
    """Bumped after each sync; the Team screen reloads on it."""
    watch_team_folder: bool = True
    """Off in tests that drive the syncs themselves."""

    _team_folder: str | None = None
    _team_last_sync: datetime | None = None
    _team_conflicts: int = 0
    _team_problems: int = 0
    _team_error: str = ""
    _sync_timer: Timer | None = None
    _label_timer: Timer | None = None
    _watch_stop: threading.Event | None = None
    _team_moved_to: str = ""

    @property
    def _app(self) -> "CsTuiApp":
        return cast("CsTuiApp", self)

    def start_team_sync(self) -> None:
        """Once the book is open: sync now if it is in a team, then keep it synced."""
        self.sync_team(start_watching=True)

    def sync_soon(self) -> None:
        """After a save: sync shortly, once for a burst of saves."""
        if self._team_folder is None:
            return
        if self._sync_timer is not None:
            self._sync_timer.stop()
        self._sync_timer = self._app.set_timer(SAVE_DELAY_S, self.sync_team)

    @work(thread=True, exit_on_error=False, exclusive=True, group="team-sync")
    def sync_team(self, start_watching: bool = False) -> None:
        from cs_tui.data.store.errors import StoreError
        from cs_tui.data.sync.engine import TeamError, TeamMovedError, sync
        from cs_tui.data.sync.reads import in_team, team_status

        app = self._app
        try:
            db = app.store.get()
            if db.read_only or not in_team(db):
                return
            app.call_from_thread(self._show_team_label, syncing=True)
            report = sync(db)
            status = team_status(db)
        except TeamMovedError as error:
            app.call_from_thread(self._team_moved, error.moved)
            return
        except (StoreError, TeamError, OSError) as error:
            app.call_from_thread(self._team_sync_failed, str(error))
            return
        app.call_from_thread(self._team_synced, report, status.folder, status.conflicts)
        if start_watching and self.watch_team_folder:
            app.call_from_thread(self._watch_folder, status.folder)

    def _team_synced(self, report: "SyncReport", folder: str, conflicts: int) -> None:
        self._team_folder = folder
        self._team_last_sync = self._app.now()
        self._team_conflicts = conflicts
        self._team_problems = len(report.damaged) + len(report.held_files) + bool(report.upgrade)
        self._team_error = ""
        self._show_team_label()
        if self._label_timer is None:
            self._label_timer = self._app.set_interval(LABEL_REFRESH_S, self._show_team_label)
        self.team_version += 1
        if report.accounts:
            app = self._app
            app.changed_accounts = report.accounts
            app.data_version += 1
            app.refresh_accounts(list(report.accounts))
        if report.upgrade:
            self._app.notify(report.upgrade, severity="warning", timeout=15)

    def _team_sync_failed(self, message: str) -> None:
        self._team_error = message
        self._show_team_label()
        self._app.notify(f"Team sync failed: {message}", severity="error", timeout=10)

    def _team_moved(self, moved: "FolderMoved") -> None:
        """The folder was moved to a server: stop syncing, ask for the server's credentials."""
        from cs_tui.screens.server_login import ServerLoginForm

        self.stop_team_sync()
        self._team_folder = None
        self._team_moved_to = moved.server
        self._show_team_label()
        if any(isinstance(screen, ServerLoginForm) for screen in self._app.screen_stack):
            return
        self._app.push_screen(ServerLoginForm(moved, self._app.db), callback=self._server_login)

    def _server_login(self, login: "ServerLogin | None") -> None:
        """Reopen on the server the user connected to, its URL saved in the config file."""
        from dataclasses import replace

        from cs_tui.app.messages import StoreOpened
        from cs_tui.config import ConfigError, save_database_url

        app = self._app
        if login is None:
            app.notify(
                "The team moved to a server; this book no longer syncs. Restart cs-tui to "
                "connect, or run `cs-tui team status`.",
                severity="warning",
                timeout=15,
            )
            return
        try:
            saved = save_database_url(login.url, keep_password=login.save_password)
            where = f"saved in the config file as {saved.split('@')[-1]}"
        except (ConfigError, OSError) as error:
            where = f"not saved in the config file ({error})"
        previous = app.store.db
        app.settings = replace(app.settings, database_url=login.url)
        app.store.set(login.db)
        if previous is not None:
            previous.close()
        self._team_moved_to = ""
        if self._label_timer is not None:
            self._label_timer.stop()
            self._label_timer = None
        self.team_label = ""
        app.sub_title = f"{app.settings.user} · {login.db.display_url.split('@')[-1]}"
        app.notify(f"Connected to the team's server; {where}.", timeout=10)
        app.post_message(StoreOpened(login.db.read_only, login.db.notice))

    def _show_team_label(self, syncing: bool = False) -> None:
        self.team_label = sync_label(
            last_synced_at=self._team_last_sync,
            now=self._app.now(),
            conflicts=self._team_conflicts,
            problems=self._team_problems,
            syncing=syncing,
            error=self._team_error,
            moved_to=self._team_moved_to,
        )

    def watch_team_label(self, label: str) -> None:
        app = self._app
        base = app.sub_title.split(" · team: ")[0]
        app.sub_title = f"{base} · team: {label}" if label else base

    def _watch_folder(self, folder: str) -> None:
        if self._watch_stop is None:
            self._watch_stop = threading.Event()
            self._watch_team_folder(folder, self._watch_stop)

    @work(thread=True, exit_on_error=False, group="team-watch")
    def _watch_team_folder(self, folder: str, stop: threading.Event) -> None:
        """Sync when a teammate's file arrives in the folder (watched with watchfiles)."""
        from watchfiles import watch

        for changes in watch(folder, stop_event=stop, rust_timeout=1000, yield_on_timeout=False):
            if any(path.endswith(".ops.jsonl.gz") for _change, path in changes):
                self._app.call_from_thread(self.sync_team)

    def stop_team_sync(self) -> None:
        if self._watch_stop is not None:
            self._watch_stop.set()
            self._watch_stop = None
