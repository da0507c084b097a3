"""The account list on the whole book: open, filter keystrokes, sort and page down.

The candidate is the real `AccountListScreen` inside `CsTuiApp` on the cached book, driven with
key events once the whole book is loaded. The baseline is the least that can do the same job: a
screen with an Input and a bare Line API table over the same rows (same order), filtering with one
list comprehension over precomputed search texts and sorting with `sorted`. Each step is timed until
the frame showing its result has been painted (see `list_probe`). Per run:

* open: a new list screen is pushed and painted with the whole book;
* filter: `/`, then the letters of a word of some account's name one by one, then backspaces;
* sort: `s` three times (owner, segment, ARR: sorts not cached yet);
* page down: five times.
"""

import asyncio
import gc
from collections.abc import Sequence
from functools import partial
from operator import itemgetter
from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from bench.context import Context
from bench.list_probe import BareTable, Painted, install_lazy_table_counter, press, timed
from bench.registry import Benchmark, Metric, Samples, Side, Target
from cs_tui.domain.book import account_row as r
from cs_tui.widgets.lazy_table import LazyTable

SIZE = (140, 45)
SORT_KEYS = ("s", "s", "s")
BASELINE_SORT_COLUMNS = (r.OWNER, r.SEGMENT, r.ARR_MINOR)  # what `s` cycles to from name
PAGE_DOWNS = 5
LOAD_TIMEOUT = 300.0
Row = tuple[Any, ...]


def book_rows(context: Context) -> list[Row]:
    """Every account's list row in list order (name), as the app reads them."""
    from cs_tui.data.accounts.list_rows import fetch_first_page_sqlite

    def read() -> list[Row]:
        rows = fetch_first_page_sqlite(context.book(), limit=-1)
        return sorted(rows, key=lambda row: (row[r.NAME].casefold(), row[r.ID]))

    return context.memo("book_rows", read)


def filter_word(rows: Sequence[Row]) -> str:
    """Up to five letters of the longest word of a name a third of the way down the list."""
    name = str(rows[len(rows) // 3][r.NAME]) if rows else "acme"
    words = ["".join(ch for ch in word if ch.isalpha()) for word in name.split()]
    return max(words, key=len, default="acme")[:5].casefold() or "acme"


# -- the baseline -----------------------------------------------------------------------------


class BareListScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter"),
        Binding("escape", "focus_table", "Table"),
        Binding("s", "next_sort", "Sort"),
    ]

    def __init__(self, rows: Sequence[Row], texts: Sequence[str]) -> None:
        super().__init__()
        self.rows, self.texts = rows, texts
        self.sorts = 0

    def compose(self) -> ComposeResult:
        yield Input(id="filter")
        yield BareTable(id="table")

    def on_mount(self) -> None:
        table = self.query_one(BareTable)
        table.set_rows(self.rows)
        table.focus()

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        needle = event.value.casefold()
        rows = [row for row, text in zip(self.rows, self.texts, strict=True) if needle in text]
        self.query_one(BareTable).set_rows(rows)

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_focus_table(self) -> None:
        self.query_one(BareTable).focus()

    def action_next_sort(self) -> None:
        column = BASELINE_SORT_COLUMNS[self.sorts % len(BASELINE_SORT_COLUMNS)]
        self.sorts += 1
        table = self.query_one(BareTable)
        table.set_rows(sorted(table.rows, key=itemgetter(column)))


class BareListApp(App[None]):
    def __init__(self, rows: Sequence[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.texts = [
            f"{row[r.NAME]}\x00{row[r.OWNER]}\x00{row[r.TAGS]}".casefold() for row in rows
        ]


# -- one run of each side ---------------------------------------------------------------------


def _table_in(screen: Screen[Any]) -> Painted | None:
    """The list's table once `screen` is the current screen, else None."""
    if not screen.is_current:
        return None
    tables = screen.query("#accounts, #table")
    return tables.first() if tables else None  # type: ignore[return-value]


async def _focus(app: App[Any], pilot: Any, key: str, *kinds: type) -> None:
    """Press `key` and wait until a widget of one of `kinds` has the focus."""
    press(app, key)
    for _ in range(10_000):
        if isinstance(app.focused, kinds):
            return
        await pilot.pause(0)
    raise TimeoutError(f"{key} did not move the focus to {kinds}")


async def _steps(
    app: App[Any], pilot: Any, opened: Screen[Any], word: str
) -> dict[str, list[float]]:
    samples: dict[str, list[float]] = {"open": [], "filter": [], "sort": [], "page_down": []}

    def table() -> Painted | None:
        return _table_in(opened)

    async def key(name: str) -> float:
        return await timed(pilot, table, partial(press, app, name))

    samples["open"].append(await timed(pilot, table, partial(app.push_screen, opened)))
    await _focus(app, pilot, "slash", Input)
    samples["filter"] += [await key(letter) for letter in word]
    samples["filter"] += [await key("backspace") for _ in word]
    await _focus(app, pilot, "escape", BareTable, LazyTable)
    samples["sort"] += [await key(name) for name in SORT_KEYS]
    samples["page_down"] += [await key("pagedown") for _ in range(PAGE_DOWNS)]
    return samples


async def _candidate(context: Context, word: str) -> dict[str, list[float]]:
    from cs_tui.app.shell import CsTuiApp
    from cs_tui.config import LaunchSettings, normalise_database_url
    from cs_tui.screens.account_list import AccountListScreen

    install_lazy_table_counter()
    settings = LaunchSettings(
        normalise_database_url(str(context.book())), user="bench", start_screen="accounts"
    )
    from cs_tui.io.bulk_work import take_back_what_was_set_aside

    app = CsTuiApp(settings, set_aside_long_lived=True)  # as the program runs it
    try:
        async with app.run_test(size=SIZE) as pilot:
            waited = 0.0
            while app.book is None:
                await pilot.pause(0.05)
                waited += 0.05
                if waited > LOAD_TIMEOUT:
                    raise TimeoutError("the book did not load")
            await pilot.pause()
            return await _steps(app, pilot, AccountListScreen(), word)
    finally:
        take_back_what_was_set_aside()


async def _baseline(rows: Sequence[Row], word: str) -> dict[str, list[float]]:
    app = BareListApp(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return await _steps(app, pilot, BareListScreen(app.rows, app.texts), word)


def run(context: Context, side: Side) -> Samples:
    rows = book_rows(context)
    word = filter_word(rows)
    gc.collect()  # each side starts without the other's garbage
    if side == "candidate":
        return asyncio.run(_candidate(context, word))
    return asyncio.run(_baseline(rows, word))


BENCHMARKS = [
    Benchmark(
        name="account_list",
        title="Account list on the whole book",
        metrics=(
            Metric("open", "List: open to first paint", "ms", (Target("max", 50),)),
            Metric("filter", "List: filter keystroke to repaint", "ms", (Target("max", 50),)),
            Metric("sort", "List: sort to repaint", "ms", (Target("max", 100),)),
            Metric("page_down", "List: page down to repaint", "ms", (Target("max", 16),)),
        ),
        run=run,
        baseline="an Input and a bare Line API table over the same rows",
        warmup=1,
    )
]
