"""What the user is told when a background task fails, and where the details go.

The one place where a worker's error becomes a message: the store's own errors and an invalid
scorecard say what is wrong and what to do; anything else names the task and points to the log
file, which holds the traceback. The app carries on either way.
"""

import logging
import traceback
from logging.handlers import RotatingFileHandler

from textual import on
from textual.app import App

from cs_tui import locations
from cs_tui.widgets.worker_failures import BackgroundTaskFailed

LOG = logging.getLogger("cs_tui")
TASK_NAMES = {
    "store": "opening the database",
    "book": "loading the book",
    "book-rows": "refreshing the list",
    "rescore": "rescoring",
    "check-in": "saving the check-in",
    "check-in-target": "opening the check-in form",
    "check-in-people": "reading the account's people",
    "follow-up-write": "changing the follow-up",
    "follow-ups": "reading the follow-ups",
    "today": "reading Today",
    "account": "reading the account",
    "account-write": "saving on the account",
    "record-write": "saving the record",
    "stakeholder-write": "changing the stakeholder",
    "plan-read": "reading the plan",
    "plan-write": "saving the plan",
    "plan-templates": "reading the plan templates",
    "welcome": "preparing the book",
}


def task_name(group: str) -> str:
    return TASK_NAMES.get(group, group or "a background task")


def failure_message(task: str, error: BaseException) -> str:
    """One or two lines for the user: what failed and, where known, what to do."""
    from cs_tui.data.store.errors import StoreError
    from cs_tui.domain.scoring import ScorecardError

    doing = task_name(task)
    if isinstance(error, StoreError | ScorecardError):
        return f"{doing.capitalize()} failed: {error}"
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"{doing.capitalize()} failed: {error.strerror}{where}."
    first_line = (str(error).strip().splitlines() or [""])[0][:200]
    detail = f"{type(error).__name__}: {first_line}" if first_line else type(error).__name__
    return (
        f"{doing.capitalize()} failed unexpectedly ({detail}). Nothing half-done was kept; "
        f"details are in {locations.log_file()}."
    )


_log_file_handler: logging.Handler | None = None


def record_failure(task: str, error: BaseException) -> None:
    """Write the traceback to the log file (created on the first failure)."""
    global _log_file_handler
    if _log_file_handler is None or _log_path_changed(_log_file_handler):
        if _log_file_handler is not None:
            LOG.removeHandler(_log_file_handler)
            _log_file_handler.close()
        try:
            path = locations.log_file()
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, delay=True)
        except OSError:
            return  # nowhere to write: the message on screen is all there is
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        LOG.addHandler(handler)
        LOG.propagate = False
        _log_file_handler = handler
    details = "".join(traceback.format_exception(error))
    LOG.error("%s failed:\n%s", task_name(task), details)


def _log_path_changed(handler: logging.Handler) -> bool:
    """The data folder moved (another profile, a test): log to the folder in force."""
    return isinstance(handler, RotatingFileHandler) and handler.baseFilename != str(
        locations.log_file().absolute()
    )


class WarningsOnScreen(logging.Handler):
    """Warnings of the data layer (a write saved, but its scores not refreshed) as notifications."""

    def __init__(self, app: App[None]) -> None:
        super().__init__(level=logging.WARNING)
        self.app = app

    def emit(self, record: logging.LogRecord) -> None:
        self.app.notify(record.getMessage(), severity="warning", timeout=12)  # thread-safe


class WorkerFailureHandling(App[None]):
    """The app's side: every failed worker is logged and shown, and the app carries on; warnings
    of the data layer are shown while the app runs."""

    _warnings_on_screen: WarningsOnScreen | None = None

    def show_warnings(self) -> None:
        if self._warnings_on_screen is None:
            self._warnings_on_screen = WarningsOnScreen(self)
            LOG.addHandler(self._warnings_on_screen)

    def stop_showing_warnings(self) -> None:
        if self._warnings_on_screen is not None:
            LOG.removeHandler(self._warnings_on_screen)
            self._warnings_on_screen = None

    def after_task_failure(self, task: str) -> None:
        """What the app itself puts right after a failed task (e.g. its progress line)."""

    @on(BackgroundTaskFailed)
    def _background_task_failed(self, event: BackgroundTaskFailed) -> None:
        record_failure(event.task, event.error)
        self.after_task_failure(event.task)
        message = failure_message(event.task, event.error)
        shown = getattr(event.node, "show_task_failure", None)
        if callable(shown) and event.node is not self and shown(message):
            return
        self.notify(message, severity="error", timeout=15)
