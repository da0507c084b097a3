"""The lazy table, driven like a user would: keys, clicks, filters, narrow terminals, themes.

What is on screen is read from the widget's rendered lines (`render_line(y).text`) or the exported
screenshot, never from private state alone.
"""

from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message

from cs_tui.widgets.lazy_table import LazyTable
from cs_tui.widgets.table_columns import (
    CELL_PADDING,
    Column,
    fit_plain,
    fit_text,
    layout_columns,
)

ROW_COUNT = 100_000
SIZE = (100, 30)
BODY_HEIGHT = SIZE[1] - 1  # one header line


def band_style(value: Any, row: tuple[Any, ...]) -> str | None:
    return "bold red" if value == "Critical" else None


COLUMNS = (
    Column("id", "ID", index=0, width=7, priority=9),
    Column("name", "Account", index=1, min_width=12, share=3, priority=10),
    Column("owner", "Owner", index=2, min_width=8, priority=4),
    Column(
        "arr", "ARR", index=3, width=11, align="right", format=lambda v, _: f"{v:,}", priority=8
    ),
    Column("health", "Health", index=4, width=6, align="right", priority=7),
    Column("band", "Band", index=5, width=8, style=band_style, priority=6),
    Column("notes", "Notes", index=6, min_width=8, share=1, sortable=False, priority=0),
)
BANDS = ("Healthy", "Watch", "Critical")


def make_rows(count: int) -> list[tuple[Any, ...]]:
    return [
        (
            f"A{i:06d}",
            f"Account {i}",
            f"owner{i % 7}",
            i * 10,
            i % 101,
            BANDS[i % 3],
            "notes",
        )
        for i in range(count)
    ]


@pytest.fixture(scope="module")
def rows() -> list[tuple[Any, ...]]:
    return make_rows(ROW_COUNT)


class TableApp(App[None]):
    """A screen holding one lazy table; it records every message the table posts."""

    def __init__(
        self,
        rows: Sequence[tuple[Any, ...]],
        columns: Sequence[Column] = COLUMNS,
        **table_options: Any,
    ) -> None:
        super().__init__()
        self.initial_rows = rows
        self.columns = columns
        self.table_options = table_options
        self.messages: list[Message] = []

    def compose(self) -> ComposeResult:
        yield LazyTable(self.columns, rows=self.initial_rows, **self.table_options)

    @on(LazyTable.HeaderClicked)
    @on(LazyTable.RowSelected)
    @on(LazyTable.RowHighlighted)
    def record(self, message: Message) -> None:
        self.messages.append(message)

    def received(self, kind: type[Message]) -> list[Any]:
        return [message for message in self.messages if isinstance(message, kind)]


def screen_lines(table: LazyTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


def body_ids(table: LazyTable) -> list[str]:
    """The ids shown on the body lines, top to bottom."""
    return [line.split()[0] for line in screen_lines(table)[1:] if line.strip()]


async def test_first_screen_shows_header_and_first_rows(rows: list[tuple[Any, ...]]) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE):
        table = app.query_one(LazyTable)
        header, first, second = screen_lines(table)[:3]
        assert header.split() == ["ID", "Account", "Owner", "ARR", "Health", "Band", "Notes"]
        assert first.split()[:3] == ["A000000", "Account", "0"]
        assert second.startswith(" A000001")
        assert body_ids(table) == [f"A{i:06d}" for i in range(BODY_HEIGHT)]
        assert "A000000" in app.export_screenshot()
        assert table.row_count == ROW_COUNT


async def test_numbers_are_right_aligned_under_their_header(rows: list[tuple[Any, ...]]) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE):
        table = app.query_one(LazyTable)
        header, *body = screen_lines(table)
        arr_end = header.index("ARR") + len("ARR")
        assert body[12][arr_end - len("120") : arr_end] == "120"
        assert body[12][arr_end - 4] == " "


async def test_page_down_moves_cursor_a_page_and_shows_later_rows(
    rows: list[tuple[Any, ...]],
) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.focus()
        await pilot.press("pagedown")
        assert table.cursor_row == BODY_HEIGHT
        assert table.cursor_key == f"A{BODY_HEIGHT:06d}"
        assert body_ids(table)[0] == f"A{BODY_HEIGHT:06d}"
        await pilot.press("pageup")
        assert table.cursor_row == 0
        assert body_ids(table)[0] == "A000000"


@pytest.mark.parametrize(("to_end", "to_start"), [("end", "home"), ("ctrl+end", "ctrl+home")])
async def test_end_and_home_reach_the_last_and_first_rows(
    rows: list[tuple[Any, ...]], to_end: str, to_start: str
) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.focus()
        await pilot.press(to_end)
        assert table.cursor_row == ROW_COUNT - 1
        assert body_ids(table)[-1] == f"A{ROW_COUNT - 1:06d}"
        await pilot.press(to_start)
        assert table.cursor_key == "A000000"
        assert body_ids(table)[0] == "A000000"


async def test_up_and_down_move_the_highlight(rows: list[tuple[Any, ...]]) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.focus()
        await pilot.press("down", "down", "down", "up")
        await pilot.pause()
        assert table.cursor_key == "A000002"
        highlighted = app.received(LazyTable.RowHighlighted)
        assert highlighted[-1].row_key == "A000002"
        assert highlighted[-1].row[1] == "Account 2"


async def test_the_first_row_is_announced_and_a_burst_of_moves_arrives_as_one(
    rows: list[tuple[Any, ...]],
) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        await pilot.pause()
        assert [message.row_key for message in app.received(LazyTable.RowHighlighted)] == [
            "A000000"
        ]
        for _ in range(20):
            table.action_cursor_down()
        await pilot.pause()
        burst = app.received(LazyTable.RowHighlighted)[1:]
        assert 1 <= len(burst) < 20
        assert burst[-1].row_key == "A000020"


async def test_cursor_row_is_styled_differently_from_its_neighbours(
    rows: list[tuple[Any, ...]],
) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.focus()
        await pilot.press("down")
        styles = [next(iter(table.render_line(y))).style for y in (1, 2, 3)]
        assert styles[1] != styles[0]
        assert styles[0] == styles[2]


async def test_filtering_updates_the_screen(rows: list[tuple[Any, ...]]) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.set_rows([row for row in rows if row[0].endswith("7")])
        await pilot.pause()
        assert table.row_count == ROW_COUNT // 10
        assert body_ids(table)[:3] == ["A000007", "A000017", "A000027"]


async def test_cursor_keeps_its_row_when_the_row_survives_a_filter(
    rows: list[tuple[Any, ...]],
) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        assert table.move_cursor_to_key("A050007")
        await pilot.pause()
        line_before = body_ids(table).index("A050007")
        table.set_rows([row for row in rows if row[0].endswith("7")])
        await pilot.pause()
        assert table.cursor_key == "A050007"
        assert table.cursor_row == 5000
        assert body_ids(table).index("A050007") == line_before


async def test_cursor_clamps_when_its_row_is_filtered_away(rows: list[tuple[Any, ...]]) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.move_cursor(90_000)
        table.set_rows(rows[:10])
        await pilot.pause()
        assert table.cursor_row == 9
        assert table.cursor_key == "A000009"
        assert body_ids(table) == [f"A{i:06d}" for i in range(10)]


async def test_move_cursor_to_a_missing_key_leaves_the_cursor(rows: list[tuple[Any, ...]]) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE):
        table = app.query_one(LazyTable)
        table.move_cursor(3)
        assert not table.move_cursor_to_key("no such account")
        assert table.cursor_key == "A000003"


async def test_clicking_a_header_posts_header_clicked(rows: list[tuple[Any, ...]]) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        header = screen_lines(table)[0]
        await pilot.click(LazyTable, offset=(header.index("ARR"), 0))
        await pilot.click(LazyTable, offset=(header.index("Notes"), 0))  # not sortable
        await pilot.pause()
        assert [message.column_key for message in app.received(LazyTable.HeaderClicked)] == ["arr"]
        assert table.cursor_row == 0


async def test_sort_indicator_shows_an_arrow_on_the_sorted_column(
    rows: list[tuple[Any, ...]],
) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.sort_indicator("name", descending=True)
        await pilot.pause()
        assert "Account ▼" in screen_lines(table)[0]
        table.sort_indicator("owner")
        assert "Owner ▲" in screen_lines(table)[0]
        assert "▼" not in screen_lines(table)[0]
        table.sort_indicator("health")
        assert "Hea… ▲" in screen_lines(table)[0], "a narrow label is cut, the arrow stays"
        table.sort_indicator(None)
        assert "▲" not in screen_lines(table)[0]


async def test_enter_posts_row_selected_with_the_highlighted_key(
    rows: list[tuple[Any, ...]],
) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.focus()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        selected = app.received(LazyTable.RowSelected)
        assert [message.row_key for message in selected] == ["A000002"]
        assert selected[0].row == rows[2]


async def test_clicking_a_row_highlights_it_and_a_second_click_selects_it(
    rows: list[tuple[Any, ...]],
) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        await pilot.click(LazyTable, offset=(3, 5))
        await pilot.pause()
        assert table.cursor_key == "A000004"
        assert app.received(LazyTable.RowSelected) == []
        await pilot.click(LazyTable, offset=(3, 5))
        await pilot.pause()
        assert [message.row_key for message in app.received(LazyTable.RowSelected)] == ["A000004"]


async def test_long_values_are_cut_with_an_ellipsis_at_a_narrow_width() -> None:
    long_name = "Consolidated Interplanetary Widget Holdings International"
    app = TableApp([("A000001", long_name, "tess", 10, 50, "Watch", "")])
    async with app.run_test(size=(60, 10)):
        table = app.query_one(LazyTable)
        line = screen_lines(table)[1]
        assert "Consolidated" in line
        assert long_name not in line
        assert "…" in line
        assert len(line) <= 60


async def test_low_priority_columns_hide_at_a_narrow_width(rows: list[tuple[Any, ...]]) -> None:
    app = TableApp(rows)
    async with app.run_test(size=(60, 10)):
        table = app.query_one(LazyTable)
        header = screen_lines(table)[0]
        assert "Notes" not in header
        assert "Owner" not in header
        assert "Account" in header
        assert "ARR" in header
        assert "owner0" not in screen_lines(table)[1]
        assert "notes" not in table.visible_column_keys


async def test_shrinking_the_terminal_hides_columns_and_keeps_the_cursor_in_view(
    rows: list[tuple[Any, ...]],
) -> None:
    app = TableApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.move_cursor(25)
        assert "Notes" in screen_lines(table)[0]
        await pilot.resize_terminal(60, 10)
        await pilot.pause()
        assert "Notes" not in screen_lines(table)[0]
        assert "A000025" in body_ids(table)
        assert all(len(line) <= 60 for line in screen_lines(table))


async def test_empty_table_shows_the_empty_message() -> None:
    app = TableApp([], empty_message="No accounts match 'xyz'")
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        assert "No accounts match 'xyz'" in screen_lines(table)[1]
        assert table.cursor_key is None
        table.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.received(LazyTable.RowSelected) == []


async def test_rows_replacing_an_empty_table_hide_the_message(rows: list[tuple[Any, ...]]) -> None:
    app = TableApp([], empty_message="Nothing yet")
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(LazyTable)
        table.set_rows(rows[:3])
        await pilot.pause()
        assert "Nothing yet" not in "".join(screen_lines(table))
        assert body_ids(table) == ["A000000", "A000001", "A000002"]
        assert app.received(LazyTable.RowHighlighted)[-1].row_key == "A000000"


async def test_cell_style_and_rich_text_cells_are_applied() -> None:
    columns = (
        Column("id", "ID", index=0, width=7),
        Column("band", "Band", index=1, width=10, style=band_style),
        Column("trend", "Trend", index=2, width=6, format=lambda v, _: Text(v, style="italic")),
    )
    cursor_row = ("A0", "Watch", "flat")
    app = TableApp(
        [cursor_row, ("A1", "Healthy", "up"), ("A2", "Critical", "down")], columns=columns
    )
    async with app.run_test(size=(40, 6)):
        table = app.query_one(LazyTable)
        healthy = next(seg for seg in table.render_line(2) if "Healthy" in seg.text)
        critical = next(seg for seg in table.render_line(3) if "Critical" in seg.text)
        assert critical.style is not None and critical.style.bold
        assert healthy.style is not None and not healthy.style.bold
        trend = next(seg for seg in table.render_line(2) if seg.text.strip() == "up")
        assert trend.style is not None and trend.style.italic


@pytest.mark.parametrize("focused", [True, False], ids=["focused", "blurred"])
@pytest.mark.parametrize(
    "theme", ["textual-dark", "textual-light", "nord", "solarized-light", "ansi-dark"]
)
async def test_the_cursor_stands_out_in_builtin_themes(
    rows: list[tuple[Any, ...]], theme: str, focused: bool
) -> None:
    app = TableApp(rows[:50])
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        table = app.query_one(LazyTable)
        if focused:
            table.focus()
        else:
            table.blur()
        await pilot.pause()
        cursor, plain = (next(iter(table.render_line(y))).style for y in (1, 2))
        assert cursor is not None and plain is not None
        assert cursor.bgcolor != plain.bgcolor or (cursor.reverse and not plain.reverse)
        header = next(iter(table.render_line(0))).style
        assert header is not None and header.bold and not plain.bold


# --- column layout and cell fitting (no app needed) ----------------------------------------------


def col(key: str, **options: Any) -> Column:
    return Column(key, key.upper(), index=0, **options)


@pytest.mark.parametrize(
    ("columns", "width", "expected"),
    [
        ([col("a", width=4), col("b", min_width=4)], 20, {"a": 4, "b": 12}),
        ([col("a", min_width=2, share=1), col("b", min_width=2, share=3)], 16, {"a": 4, "b": 8}),
        ([col("a", width=4), col("b", width=4)], 30, {"a": 4, "b": 4}),
        ([col("a", width=6, priority=1), col("b", width=6, priority=0)], 10, {"a": 6}),
        ([col("a", width=6), col("b", width=6)], 10, {"a": 6}),
        ([col("a", width=30)], 10, {"a": 8}),
    ],
    ids=[
        "fixed-and-flex",
        "shares",
        "fixed-only",
        "low-priority-hidden",
        "rightmost-hidden",
        "cut",
    ],
)
def test_layout_columns(columns: list[Column], width: int, expected: dict[str, int]) -> None:
    slots = layout_columns(columns, width)
    assert {slot.column.key: slot.width for slot in slots} == expected


column_specs = st.lists(
    st.tuples(
        st.one_of(st.none(), st.integers(1, 30)),
        st.integers(1, 20),
        st.integers(0, 5),
        st.integers(-3, 3),
    ),
    min_size=1,
    max_size=8,
)


@given(specs=column_specs, width=st.integers(0, 200))
def test_layout_fits_the_width_and_respects_fixed_widths(
    specs: list[tuple[int | None, int, int, int]], width: int
) -> None:
    columns = [
        Column(f"c{i}", f"C{i}", index=0, width=w, min_width=m, share=s, priority=p)
        for i, (w, m, s, p) in enumerate(specs)
    ]
    slots = layout_columns(columns, width)
    assert slots, "at least one column always shows"
    assert sum(slot.width + 2 * CELL_PADDING for slot in slots) <= max(width, 2 * CELL_PADDING)
    xs = [slot.x for slot in slots]
    assert xs == sorted(xs)
    if len(slots) > 1:
        for slot in slots:
            assert slot.width >= slot.column.base_width
            if slot.column.width is not None:
                assert slot.width == slot.column.width
    hidden = [column for column in columns if column not in [s.column for s in slots]]
    if hidden:
        assert max(c.priority for c in hidden) <= min(s.column.priority for s in slots)


@pytest.mark.parametrize(
    ("text", "width", "align", "expected"),
    [
        ("abc", 5, "left", "abc  "),
        ("abc", 5, "right", "  abc"),
        ("abc", 6, "center", " abc  "),
        ("abcdef", 4, "left", "abc…"),
        ("abcdef", 1, "right", "…"),
        ("abc", 0, "left", ""),
        ("a\nb\tc", 5, "left", "a b c"),
        ("日本語", 5, "left", "日本…"),
    ],
)
def test_fit_plain(text: str, width: int, align: Any, expected: str) -> None:
    assert fit_plain(text, width, align) == expected


@given(text=st.text(max_size=40), width=st.integers(0, 30))
def test_fit_plain_always_fills_exactly_the_width(text: str, width: int) -> None:
    from rich.cells import cell_len

    assert cell_len(fit_plain(text, width, "left")) == width


def test_fit_text_keeps_styles_and_cuts_with_an_ellipsis() -> None:
    fitted = fit_text(Text("Critical band", style="bold"), 6, "left")
    assert fitted.plain == "Criti…"
    assert fitted.style == "bold"


def test_a_column_needs_exactly_one_way_to_read_its_value() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Column("a", "A")
    with pytest.raises(ValueError, match="exactly one"):
        Column("a", "A", index=0, getter=lambda row: row[0])
