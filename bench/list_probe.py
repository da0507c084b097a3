"""Timing a step of a table on screen: from the key (or call) until its new lines are painted.

A step is done when the table shows another state (other rows, or another scroll position) and at
least a screenful of its lines has been rendered in that state. Lines are counted in `render_line`,
so the time includes Textual's compositing of the frame, not only the table's own work. Waiting is
`await pilot.pause(0)`: it drains the pending messages and paints, without the idle-detection
sleeps of `pilot.press` (at least 40 ms each).
"""

import time
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Protocol

from rich.segment import Segment
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.pilot import Pilot
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cs_tui.widgets.lazy_table import LazyTable

STEP_TIMEOUT = 30.0
Row = tuple[Any, ...]


class Painted(Protocol):
    """A table whose rendered lines are counted per state (see `count_line`)."""

    @property
    def rows(self) -> Sequence[Row]: ...
    @property
    def scroll_y(self) -> float: ...
    @property
    def size(self) -> Size: ...


def state_of(table: Painted) -> tuple[int, int]:
    return id(table.rows), int(table.scroll_y)


def count_line(table: Any) -> None:
    """Note one rendered line of `table` in its current state."""
    state = state_of(table)
    if getattr(table, "_bench_state", None) != state:
        table._bench_state = state
        table._bench_lines = 0
    table._bench_lines += 1


def lines_painted(table: Painted) -> int:
    """Lines rendered in the table's current state."""
    if getattr(table, "_bench_state", None) != state_of(table):
        return 0
    return int(getattr(table, "_bench_lines", 0))


_installed = False


def install_lazy_table_counter() -> None:
    """Count the lines every LazyTable renders (in this process; once)."""
    global _installed
    if _installed:
        return
    original = LazyTable.render_line

    def render_line(self: LazyTable, y: int) -> Strip:
        count_line(self)
        return original(self, y)

    LazyTable.render_line = render_line  # type: ignore[method-assign]
    _installed = True


class BareTable(ScrollView, can_focus=True):
    """The least a Line API table can do: join the visible row's values, nothing else."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page_down", "Page down", show=False)
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.rows: Sequence[Row] = ()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self.virtual_size = Size(0, len(rows))
        self.refresh()

    def action_page_down(self) -> None:
        self.scroll_to(y=self.scroll_y + self.size.height, animate=False, force=True)

    def render_line(self, y: int) -> Strip:
        count_line(self)
        width = self.size.width
        index = int(self.scroll_y) + y
        if index >= len(self.rows):
            return Strip.blank(width)
        line = " | ".join(map(str, self.rows[index]))[:width]
        return Strip([Segment(line.ljust(width))], width)


def press(app: App[Any], key: str) -> None:
    """Post a key press as the terminal driver does, without waiting for anything."""
    character = key if len(key) == 1 else None
    app.post_message(events.Key(key, character))


async def timed(
    pilot: Pilot[Any], table_now: Callable[[], Painted | None], step: Callable[[], object]
) -> float:
    """Milliseconds from `step()` until the table shows a new state, painted."""
    before = table_now()
    before_rows = before.rows if before is not None else None  # keeps its id from being reused
    before_state = state_of(before) if before is not None else None
    started = time.perf_counter()
    step()
    while True:
        await pilot.pause(0)
        table = table_now()
        if table is not None and state_of(table) != before_state:
            needed = max(1, table.size.height - 1)
            if lines_painted(table) >= needed:
                elapsed = (time.perf_counter() - started) * 1000
                del before_rows
                return elapsed
        if time.perf_counter() - started > STEP_TIMEOUT:
            raise TimeoutError(f"the table was not repainted within {STEP_TIMEOUT}s")
