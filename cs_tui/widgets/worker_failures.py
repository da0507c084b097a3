"""A background task that fails never takes the app down: its error becomes a message.

Every worker runs with `exit_on_error=False` (a test holds every `@work` to it), and every screen
or widget that starts workers mixes in `ReportsWorkerFailures`. A failed worker's node then tells
the app, in `BackgroundTaskFailed`; the app says what went wrong in one place. A node that can
show the failure where the user is (a form's problem line) implements `show_task_failure`.
"""

from dataclasses import dataclass

from textual.dom import DOMNode
from textual.message import Message
from textual.worker import Worker, WorkerState


@dataclass
class BackgroundTaskFailed(Message):
    """A worker of `node` raised `error`; nothing was left half-done by the store's own rules."""

    task: str
    error: BaseException
    node: DOMNode


class ReportsWorkerFailures:
    """Mixin for DOM nodes that start workers: a failed worker is reported to the app."""

    def show_task_failure(self, message: str) -> bool:
        """Show the failure in place; True if shown (the app then only logs it)."""
        return False

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """(A plain handler name: Textual finds it on a mixin too, where `@on` is not seen.)"""
        worker = event.worker
        if event.state is not WorkerState.ERROR or worker.error is None:
            return
        assert isinstance(self, DOMNode)
        self.app.post_message(BackgroundTaskFailed(worker.group or worker.name, worker.error, self))
