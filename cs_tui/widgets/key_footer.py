"""The footer of every screen: Textual's, rebuilt only when the keys it shows change.

Textual's footer rebuilds all its key widgets whenever the focus moves, even when the same keys stay
on show; pressing `/` in the account list rebuilt it twice. Rebuilding costs more than a frame, so
this one compares what it would show with what it shows and keeps it when they are the same.
"""

from textual.screen import Screen
from textual.widgets import Footer

Signature = tuple[tuple[str, str, str, bool], ...]


def shown_keys(screen: Screen[object]) -> Signature:
    """What a footer on `screen` shows: each visible binding's key, label, action and state."""
    return tuple(
        (binding.key, binding.description, binding.action, enabled)
        for (_, binding, enabled, _tooltip) in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A footer that skips rebuilding when the shown keys are unchanged."""

    _shown: Signature | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        signature = shown_keys(screen)
        if signature == self._shown and self._bindings_ready:
            return
        self._shown = signature
        super().bindings_changed(screen)
