"""While the app runs on a PostgreSQL server: a banner when the server cannot be reached, and the
app carries on by itself once it can (the pool reconnects on the next read or write)."""

from textual import work
from textual.app import App

from cs_tui.data.store.server_watch import CHECK_SECONDS, connection_problem
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

LOST_TITLE = "Disconnected from the server"


class ConnectionWatch(ReportsWorkerFailures, App[None]):
    """Checks the server every few seconds in a thread; shows the banner while it is away."""

    connection_lost: str = ""
    """What is wrong while the server cannot be reached ("" while connected)."""

    def watch_connection(self) -> None:
        """Start checking (the store is open and on a server)."""
        self.set_interval(CHECK_SECONDS, self.check_connection, name="connection-watch")

    @work(thread=True, exit_on_error=False, exclusive=True, group="connection")
    def check_connection(self) -> None:
        db = getattr(self, "db", None)
        if db is None:
            return
        problem = connection_problem(db)
        self.call_from_thread(self._connection_checked, str(problem) if problem else "")

    def _connection_checked(self, problem: str) -> None:
        was_lost = self.connection_lost
        self.connection_lost = problem
        base = self.sub_title.removesuffix(f" · {LOST_TITLE.upper()}")
        if problem:
            self.sub_title = f"{base} · {LOST_TITLE.upper()}"
            if not was_lost:
                self.notify(
                    f"{problem}\nYour changes are not saved while it lasts; cs-tui keeps "
                    "trying and carries on by itself.",
                    title=LOST_TITLE,
                    severity="error",
                    timeout=24 * 3600,
                )
        elif was_lost:
            self.sub_title = base
            self.clear_notifications()
            self.notify("Connected to the server again.", title="Reconnected", timeout=6)
