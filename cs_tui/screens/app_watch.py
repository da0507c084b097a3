"""Screens that watch the app's state (the book, data changes) and let go of it when they close.

Textual keeps a watcher registered on the app until the watched attribute next changes, even after
the watching screen has closed; until then the closed screen, its widgets and the rows they show
stay alive, and every full garbage collection walks them again. `AppWatcher.watch_app` registers a
watcher that is dropped as soon as the screen unmounts.
"""

from collections.abc import Callable
from typing import Any

from textual import on
from textual.dom import DOMNode
from textual.events import Unmount

WATCHERS_ATTRIBUTE = "__watchers"  # where Textual's `watch` keeps an object's watchers


class AppWatcher(DOMNode):
    """Mixin for screens: watch attributes of the app only while mounted."""

    def watch_app(self, attribute: str, callback: Callable[..., Any]) -> None:
        self.watch(self.app, attribute, callback, init=False)

    @on(Unmount)
    def _forget_app_watchers(self) -> None:
        forget_watchers_of(self, self.app)


def forget_watchers_of(node: DOMNode, watched: object) -> None:
    """Remove every watcher `node` registered on `watched`."""
    registered: dict[str, list[tuple[object, object]]] = getattr(watched, WATCHERS_ATTRIBUTE, {})
    for watchers in registered.values():
        watchers[:] = [entry for entry in watchers if entry[0] is not node]
