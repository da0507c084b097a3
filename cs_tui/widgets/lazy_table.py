"""A table that formats only the rows on screen, so 100,000 rows paint and filter in milliseconds.

Textual's `DataTable` formats every cell when rows are added; this table keeps the caller's tuples
as they are and renders a line only when Textual asks for it (the Line API: `render_line(y)`).
It knows nothing about accounts: the owner supplies `Column`s, the rows, and a `row_key` getter
(the row's identity, by default `row[0]`), and reacts to the messages it posts.

Rows are read, never copied: after `set_rows(rows)` the sequence must not change in place; pass a
new sequence to `set_rows` instead.
"""

import operator
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from cs_tui.widgets.table_columns import Column, ColumnSlot, Row, layout_columns
from cs_tui.widgets.table_render import TablePalette, header_line, message_line, row_line

RowKey = Hashable
HEADER_HEIGHT = 1
LINE_CACHE_SIZE = 512


class LazyTable(ScrollView, can_focus=True):
    """A row-cursor table over a sequence of tuples; only visible rows are ever formatted.

    Keys: up/down, page up/down, home/end (and ctrl+home/ctrl+end), enter to select.
    A click moves the cursor; a click on the highlighted row (or a double click) selects it.
    Clicking a sortable column's header posts `HeaderClicked`; sorting is the owner's job.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "cursor_first", "First row", show=False),
        Binding("end,ctrl+end", "cursor_last", "Last row", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "lazy-table--header",
        "lazy-table--cursor",
        "lazy-table--even-row",
        "lazy-table--odd-row",
        "lazy-table--empty",
    }

    DEFAULT_CSS = """
    LazyTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        & > .lazy-table--header {
            background: $panel;
            color: $foreground;
            text-style: bold;
        }
        & > .lazy-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .lazy-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .lazy-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .lazy-table--empty {
            color: $text-muted;
            text-style: italic;
        }
        &:ansi > .lazy-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        &:ansi > .lazy-table--cursor {
            text-style: reverse;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .lazy-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    @dataclass
    class HeaderClicked(Message):
        """The header of a sortable column was clicked."""

        table: "LazyTable"
        column_key: str

        @property
        def control(self) -> "LazyTable":
            return self.table

    @dataclass
    class RowSelected(Message):
        """The user chose the highlighted row (enter, or a click on it)."""

        table: "LazyTable"
        row_key: RowKey
        row: Row

        @property
        def control(self) -> "LazyTable":
            return self.table

    @dataclass
    class RowHighlighted(Message):
        """The cursor landed on another row; a burst of moves is delivered as the last one."""

        table: "LazyTable"
        row_key: RowKey
        row: Row

        @property
        def control(self) -> "LazyTable":
            return self.table

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, LazyTable.RowHighlighted) and message.table is self.table

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        rows: Sequence[Row] = (),
        row_key: Callable[[Row], RowKey] = operator.itemgetter(0),
        empty_message: str = "No rows",
        zebra_stripes: bool = False,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 - the name Textual widgets use
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        keys = [column.key for column in columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"column keys must be unique: {keys}")
        if not columns:
            raise ValueError("a table needs at least one column")
        self._columns = tuple(columns)
        self._row_key = row_key
        self._rows: Sequence[Row] = ()
        self._cursor = 0
        self._empty_message = empty_message
        self._zebra_stripes = zebra_stripes
        self._sort: tuple[str, bool] | None = None
        self._generation = 0
        self._line_cache: LRUCache[tuple[int, bool, int, int], Strip] = LRUCache(LINE_CACHE_SIZE)
        self._header_cache: tuple[tuple[int, int], Strip] | None = None
        self._layout: tuple[int, tuple[ColumnSlot, ...]] | None = None
        self._palette: TablePalette | None = None
        self._palette_state: object = None
        self._cell_styles: dict[str | Style, Style] = {}
        self.set_rows(rows)

    # --- public state -------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def rows(self) -> Sequence[Row]:
        """The rows as last given to `set_rows` (not copied)."""
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        """Index of the highlighted row (0 when the table is empty)."""
        return self._cursor

    @property
    def cursor_key(self) -> RowKey | None:
        """Key of the highlighted row, or None when the table is empty."""
        row = self.highlighted_row
        return None if row is None else self._row_key(row)

    @property
    def highlighted_row(self) -> Row | None:
        return self._rows[self._cursor] if self._rows else None

    @property
    def empty_message(self) -> str:
        return self._empty_message

    @empty_message.setter
    def empty_message(self, message: str) -> None:
        self._empty_message = message
        if not self._rows:
            self.refresh()

    @property
    def visible_column_keys(self) -> tuple[str, ...]:
        """Keys of the columns shown at the current width (low-priority ones may be hidden)."""
        return tuple(slot.column.key for slot in self._slots(self._line_width()))

    # --- data ---------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Row], *, keep_cursor: bool = True) -> None:
        """Show `rows` instead of the current ones, without formatting any of them here.

        The cursor stays on the row with the same key (at the same line on screen) when that row
        is still present; otherwise it keeps its index, clamped to the new rows. With
        `keep_cursor=False` the cursor goes to the first row (no search for the old one).
        """
        if not keep_cursor:
            self._cursor = 0
            self.scroll_to(y=0, animate=False, force=True)
        previous_key = self.cursor_key if keep_cursor else None
        previous_top = int(self.scroll_y)
        was_visible = previous_top <= self._cursor < previous_top + self._body_height()
        screen_line = self._cursor - previous_top
        self._rows = rows
        self._generation += 1
        self._line_cache.clear()
        found = self._index_of(previous_key, hint=self._cursor)
        self._cursor = found if found is not None else min(self._cursor, max(0, len(rows) - 1))
        self.virtual_size = Size(0, len(rows) + HEADER_HEIGHT)
        if found is not None and was_visible:
            self._scroll_to_row(self._cursor - screen_line)
        self._scroll_cursor_into_view()
        self.refresh()
        if self._rows and self.cursor_key != previous_key:
            self._post_highlighted()

    def move_cursor(self, row_index: int) -> None:
        """Highlight the row at `row_index` (clamped) and scroll it into view."""
        if not self._rows:
            return
        target = max(0, min(row_index, len(self._rows) - 1))
        previous = self._cursor
        self._cursor = target
        self._scroll_cursor_into_view()
        if target != previous:
            self._refresh_row(previous)
            self._refresh_row(target)
            self._post_highlighted()

    def move_cursor_to_key(self, key: RowKey) -> bool:
        """Highlight the row with `key`; False (and no move) when no row has it."""
        index = self._index_of(key, hint=self._cursor)
        if index is None:
            return False
        self.move_cursor(index)
        return True

    def sort_indicator(self, column_key: str | None, descending: bool = False) -> None:
        """Show the sort arrow on `column_key` (▲ ascending, ▼ descending), or none for None."""
        self._sort = None if column_key is None else (column_key, descending)
        self._header_cache = None
        self.refresh(Region(0, 0, self.size.width, HEADER_HEIGHT))

    def _index_of(self, key: RowKey | None, hint: int) -> int | None:
        """Position of the row with `key`: the hint first, then one C-speed scan."""
        if key is None or not self._rows:
            return None
        if 0 <= hint < len(self._rows) and self._row_key(self._rows[hint]) == key:
            return hint
        try:
            return operator.indexOf(map(self._row_key, self._rows), key)
        except ValueError:
            return None

    # --- actions ------------------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_page_down(self) -> None:
        page = max(1, self._body_height())
        self._scroll_to_row(int(self.scroll_y) + page)
        self.move_cursor(self._cursor + page)

    def action_page_up(self) -> None:
        page = max(1, self._body_height())
        self._scroll_to_row(int(self.scroll_y) - page)
        self.move_cursor(self._cursor - page)

    def action_cursor_first(self) -> None:
        self.move_cursor(0)

    def action_cursor_last(self) -> None:
        self.move_cursor(len(self._rows) - 1)

    def action_select_cursor(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.RowSelected(self, self._row_key(row), row))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y < HEADER_HEIGHT:
            for slot in self._slots(self._line_width()):
                if slot.contains(offset.x) and slot.column.sortable:
                    self.post_message(self.HeaderClicked(self, slot.column.key))
            return
        row_index = int(self.scroll_y) + offset.y - HEADER_HEIGHT
        if row_index >= len(self._rows):
            return
        event.stop()
        if row_index == self._cursor or event.chain > 1:
            self.move_cursor(row_index)
            self.action_select_cursor()
        else:
            self.move_cursor(row_index)

    def _post_highlighted(self) -> None:
        row = self._rows[self._cursor]
        self.post_message(self.RowHighlighted(self, self._row_key(row), row))

    # --- geometry -----------------------------------------------------------------------------

    def _line_width(self) -> int:
        return self.scrollable_content_region.width

    def _body_height(self) -> int:
        return max(0, self.scrollable_content_region.height - HEADER_HEIGHT)

    def _slots(self, width: int) -> tuple[ColumnSlot, ...]:
        if self._layout is None or self._layout[0] != width:
            self._layout = (width, layout_columns(self._columns, width))
        return self._layout[1]

    def _scroll_to_row(self, top_row: int) -> None:
        self.scroll_to(y=max(0, top_row), animate=False, force=True)

    def _scroll_cursor_into_view(self) -> None:
        body = self._body_height()
        if body <= 0:
            return
        top = int(self.scroll_y)
        if self._cursor < top:
            self._scroll_to_row(self._cursor)
        elif self._cursor >= top + body:
            self._scroll_to_row(self._cursor - body + 1)

    def _refresh_row(self, row_index: int) -> None:
        line = row_index - int(self.scroll_y) + HEADER_HEIGHT
        if HEADER_HEIGHT <= line < self.size.height:
            self.refresh(Region(0, line, self.size.width, 1))

    def _on_resize(self, event: events.Resize) -> None:
        self._line_cache.clear()
        self._header_cache = None
        self._scroll_cursor_into_view()

    # --- styles -------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_styles()

    def _forget_styles(self) -> None:
        self._palette = None
        self._cell_styles.clear()
        self._line_cache.clear()
        self._header_cache = None

    def _get_palette(self) -> TablePalette:
        if self._palette is None:
            base = self.rich_style
            style = self.get_component_rich_style
            zebra = self._zebra_stripes
            self._palette = TablePalette(
                base=base,
                header=style("lazy-table--header"),
                cursor=style("lazy-table--cursor"),
                even_row=style("lazy-table--even-row") if zebra else base,
                odd_row=style("lazy-table--odd-row") if zebra else base,
                empty=style("lazy-table--empty"),
            )
        return self._palette

    def _cell_style(self, style: str | Style) -> Style:
        """A cell style: a component class of this table (themeable) or a Rich style."""
        resolved = self._cell_styles.get(style)
        if resolved is None:
            if isinstance(style, Style):
                resolved = style
            elif style in self.COMPONENT_CLASSES:
                resolved = self.get_component_rich_style(style, partial=True)
            else:
                resolved = Style.parse(style)
            self._cell_styles[style] = resolved
        return resolved

    # --- rendering ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Line `y` of the widget: the header, a row, the empty message or a blank."""
        width = self._line_width()
        palette = self._get_palette()
        if y < HEADER_HEIGHT:
            return self._header_strip(width, palette)
        row_index = int(self.scroll_y) + y - HEADER_HEIGHT
        if not self._rows:
            if y == HEADER_HEIGHT:
                return message_line(self._empty_message, width, palette.empty)
            return Strip.blank(width, palette.base)
        if row_index >= len(self._rows):
            return Strip.blank(width, palette.base)
        is_cursor = row_index == self._cursor
        cache_key = (row_index, is_cursor, width, self._generation)
        strip = self._line_cache.get(cache_key)
        if strip is None:
            strip = self._row_strip(row_index, is_cursor, width, palette)
            self._line_cache[cache_key] = strip
        return strip

    def _header_strip(self, width: int, palette: TablePalette) -> Strip:
        cache_key = (width, self._generation)
        if self._header_cache is None or self._header_cache[0] != cache_key:
            strip = header_line(self._slots(width), width, palette.header, self._sort)
            self._header_cache = (cache_key, strip)
        return self._header_cache[1]

    def _row_strip(
        self, row_index: int, is_cursor: bool, width: int, palette: TablePalette
    ) -> Strip:
        zebra_style = palette.odd_row if row_index % 2 else palette.even_row
        return row_line(
            self._rows[row_index],
            self._slots(width),
            width,
            palette.cursor if is_cursor else zebra_style,
            palette.cursor if is_cursor else None,
            self._cell_style,
            self.app.console,
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        state = self.get_pseudo_class_state()
        if state != self._palette_state:
            self._forget_styles()
            self._palette_state = state
        return super().render_lines(crop)


__all__ = ["Column", "LazyTable", "Row", "RowKey"]
