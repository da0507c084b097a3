"""Columns of the lazy table: what a column shows, and how columns share the terminal width.

Kept apart from the widget so the layout and cell-fitting rules can be tested without an app: both
run only for the rows on screen, so they are written for a few hundred calls per frame.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from rich.cells import cell_len, set_cell_size
from rich.style import Style
from rich.text import Text

Row = tuple[Any, ...]
"""One row of data: a plain tuple (from SQL or a read-model)."""

Align = Literal["left", "right", "center"]
CellContent = str | Text
CellFormatter = Callable[[Any, Row], CellContent]
CellStyle = str | Style | None
"""A Rich style ("bold red"), a component class name of the table, or None for the row's style."""
CellStyler = Callable[[Any, Row], CellStyle]

CELL_PADDING = 1
"""Blank cells on each side of a column's content."""
ELLIPSIS = "…"


def plain_format(value: Any, row: Row) -> CellContent:
    """The default formatter: the value as text, nothing for None."""
    return "" if value is None else str(value)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a `LazyTable`.

    The cell value is `row[index]`, or `getter(row)` when a getter is given (exactly one of the two).
    A column is fixed when `width` is set; otherwise it is flexible: it gets `min_width` cells plus
    its `share` of whatever width is left. When the table is too narrow for every column, the
    columns with the lowest `priority` are hidden first (the rightmost of equals goes first).
    `format` and `style` are called only for rows on screen.
    """

    key: str
    label: str
    index: int | None = None
    getter: Callable[[Row], Any] | None = None
    width: int | None = None
    min_width: int = 4
    share: int = 1
    align: Align = "left"
    format: CellFormatter = plain_format
    style: CellStyler | None = None
    sortable: bool = True
    priority: int = 0

    def __post_init__(self) -> None:
        if (self.index is None) == (self.getter is None):
            raise ValueError(f"column {self.key!r} needs exactly one of index or getter")
        if self.width is not None and self.width < 1:
            raise ValueError(f"column {self.key!r}: width must be at least 1")
        if self.min_width < 1 or self.share < 0:
            raise ValueError(f"column {self.key!r}: min_width >= 1 and share >= 0 required")

    @property
    def base_width(self) -> int:
        """The width the column needs before any spare width is shared out."""
        return self.width if self.width is not None else self.min_width

    @property
    def is_flexible(self) -> bool:
        return self.width is None and self.share > 0

    def value_of(self, row: Row) -> Any:
        """The raw value this column shows for `row`."""
        if self.getter is not None:
            return self.getter(row)
        assert self.index is not None
        return row[self.index]


@dataclass(frozen=True, slots=True)
class ColumnSlot:
    """Where a visible column's content sits on a line: from `x`, `width` cells wide."""

    column: Column
    x: int
    width: int

    def contains(self, x: int) -> bool:
        """Whether screen column `x` falls on this column (its padding included)."""
        return self.x - CELL_PADDING <= x < self.x + self.width + CELL_PADDING


def _outer_width(column: Column) -> int:
    return column.base_width + 2 * CELL_PADDING


def _share_out(spare: int, shares: Sequence[int]) -> list[int]:
    """Split `spare` cells in proportion to `shares` (largest remainder, ties to the left)."""
    total = sum(shares)
    if spare <= 0 or total == 0:
        return [0] * len(shares)
    portions = [spare * share // total for share in shares]
    leftover = spare - sum(portions)
    by_remainder = sorted(range(len(shares)), key=lambda i: (-(spare * shares[i] % total), i))
    for i in by_remainder[:leftover]:
        portions[i] += 1
    return portions


def layout_columns(columns: Sequence[Column], total_width: int) -> tuple[ColumnSlot, ...]:
    """Place columns on a line `total_width` cells wide.

    Fixed columns keep their width and flexible ones share the rest. Low-priority columns are
    hidden until the rest fit; a single remaining column is cut to the width available.
    """
    visible = list(columns)
    while len(visible) > 1 and sum(map(_outer_width, visible)) > total_width:
        lowest = min(reversed(visible), key=lambda column: column.priority)
        visible = [column for column in visible if column is not lowest]
    spare = total_width - sum(map(_outer_width, visible))
    flexible = [column for column in visible if column.is_flexible]
    extra = dict(
        zip(
            (column.key for column in flexible),
            _share_out(spare, [column.share for column in flexible]),
            strict=True,
        )
    )
    slots = []
    x = 0
    for column in visible:
        width = column.base_width + extra.get(column.key, 0)
        width = max(0, min(width, total_width - x - 2 * CELL_PADDING))
        slots.append(ColumnSlot(column, x + CELL_PADDING, width))
        x += width + 2 * CELL_PADDING
    return tuple(slots)


def _sanitize(text: str) -> str:
    """Line breaks, tabs and control characters would break a one-line cell: show spaces."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else " " for char in text)


def fit_plain(text: str, width: int, align: Align) -> str:
    """`text` cut to `width` cells (ending in an ellipsis when cut) and padded to align."""
    if width <= 0:
        return ""
    text = _sanitize(text)
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + ELLIPSIS
    pad = width - length
    if align == "left":
        return text + " " * pad
    if align == "right":
        return " " * pad + text
    left = pad // 2
    return " " * left + text + " " * (pad - left)


def fit_text(text: Text, width: int, align: Align) -> Text:
    """A styled cell cut to `width` cells with an ellipsis and padded to align (a new Text)."""
    fitted = text.copy()
    if not fitted.plain.isprintable():
        fitted.plain = _sanitize(fitted.plain)
    if fitted.cell_len > width:
        fitted.truncate(width, overflow="ellipsis")
    fitted.align(align, width)
    return fitted
