"""Turning one row of the lazy table into a line of styled cells (a Textual `Strip`).

Runs for visible rows only, a few dozen times per frame, so it builds segments directly and
merges neighbouring text of the same style instead of going through Rich's layout.
"""

from collections.abc import Callable, Sequence
from typing import NamedTuple

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from cs_tui.widgets.table_columns import ColumnSlot, Row, fit_plain, fit_text

SORT_ARROWS = {False: "▲", True: "▼"}


class TablePalette(NamedTuple):
    """The table's component styles, resolved once per theme and focus state."""

    base: Style
    header: Style
    cursor: Style
    even_row: Style
    odd_row: Style
    empty: Style


class LineBuilder:
    """Collects a line's text, merging neighbours of the same style into one segment.

    Fewer segments make the line cheaper for the compositor as well as for the table.
    """

    def __init__(self, style: Style) -> None:
        self._segments: list[Segment] = []
        self._pending: list[str] = []
        self._style = style

    def add(self, text: str, style: Style) -> None:
        if not text:
            return
        if style is not self._style:
            self._flush()
            self._style = style
        self._pending.append(text)

    def extend(self, segments: list[Segment]) -> None:
        self._flush()
        self._segments.extend(segments)

    def strip(self, width: int) -> Strip:
        self._flush()
        return Strip(self._segments, width)

    def _flush(self) -> None:
        if self._pending:
            self._segments.append(Segment("".join(self._pending), self._style))
            self._pending.clear()


def header_line(
    slots: Sequence[ColumnSlot], width: int, style: Style, sort: tuple[str, bool] | None
) -> Strip:
    """The column labels; the sorted column's label keeps room for its arrow."""
    line = LineBuilder(style)
    x = 0
    for slot in slots:
        column = slot.column
        label = column.label
        if sort is not None and sort[0] == column.key:
            label = f"{fit_plain(label, slot.width - 2, 'left').rstrip()} {SORT_ARROWS[sort[1]]}"
        line.add(" " * (slot.x - x), style)
        line.add(fit_plain(label, slot.width, column.align), style)
        x = slot.x + slot.width
    line.add(" " * (width - x), style)
    return line.strip(width)


def message_line(message: str, width: int, style: Style) -> Strip:
    """A line holding only `message`, centred (the empty state)."""
    return Strip([Segment(fit_plain(message, width, "center"), style)], width)


def row_line(
    row: Row,
    slots: Sequence[ColumnSlot],
    width: int,
    row_style: Style,
    cursor_style: Style | None,
    cell_style_of: Callable[[str | Style], Style],
    console: Console,
) -> Strip:
    """One row's cells. On the cursor row (`cursor_style` given) the cursor style wins."""
    line = LineBuilder(row_style)
    x = 0
    for slot in slots:
        column = slot.column
        value = column.value_of(row)
        content = column.format(value, row)
        cell_style = row_style
        if column.style is not None:
            extra = column.style(value, row)
            if extra:
                cell_style = row_style + cell_style_of(extra)
                if cursor_style is not None:
                    cell_style += cursor_style
        line.add(" " * (slot.x - x), row_style)
        if isinstance(content, str):
            line.add(fit_plain(content, slot.width, column.align), cell_style)
        else:
            line.extend(_rich_cell(content, slot, cell_style, cursor_style, console))
        x = slot.x + slot.width
    line.add(" " * (width - x), row_style)
    return line.strip(width)


def _rich_cell(
    content: Text, slot: ColumnSlot, cell_style: Style, cursor_style: Style | None, console: Console
) -> list[Segment]:
    """Segments of a cell whose formatter returned Rich text (its own styles kept)."""
    cell = Text(style=cell_style, end="", no_wrap=True)
    cell.append_text(fit_text(content, slot.width, slot.column.align))
    if cursor_style is not None:
        cell.stylize(cursor_style)
    return list(cell.render(console, end=""))
