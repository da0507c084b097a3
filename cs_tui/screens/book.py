"""The Book screen: the book's figures for a period, each with its trend, per owner or segment.

`[` and `]` step to the previous and next period, `g` groups by owner (at the period's start),
segment or not at all, `m` switches the currency money is shown in, and `enter` on a figure lists
the accounts behind it (`enter` there opens Account 360). The metrics of the period and the ones
before it are computed in one worker from one read of the store.
"""

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, OptionList, Static
from textual.widgets.option_list import Option

from cs_tui.data.metrics.views import MetricsTrend
from cs_tui.domain.metrics.book import GroupMetrics
from cs_tui.domain.metrics.figures import PER_CURRENCY, direction, figures, sparkline
from cs_tui.domain.metrics.periods import Period, default_period
from cs_tui.screens.app_watch import AppWatcher
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.key_footer import KeyFooter
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

if TYPE_CHECKING:
    from cs_tui.data.metrics.compute import MetricsCache

GROUPINGS: tuple[str | None, ...] = (None, "owner", "segment")
GROUPING_LABELS = {None: "whole book", "owner": "by owner at the start", "segment": "by segment"}
TREND_PERIODS = 8  # the issue asks for eight quarters of trend
TOTAL_OPTION = "total"  # the whole book's line; a group's line is "group:" + its key


def group_label(key: str | None, by: str | None) -> str:
    if key is None:
        return "Whole book"
    return key or ("(no owner)" if by == "owner" else "(no segment)")


class BookScreen(ShellAccess, ReportsWorkerFailures, AppWatcher, Screen[None]):
    """The book's metrics for a period, with their trend over the periods before it."""

    DEFAULT_CSS = """
    BookScreen {
        #book-header {
            height: auto;
            padding: 0 1 1 1;
            background: $panel;
        }
        #book-body {
            height: 1fr;
        }
        #book-groups {
            width: 28;
            height: 1fr;
            border: none;
        }
        #book-figures {
            width: 1fr;
            height: 1fr;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "previous_period", "Previous period", id="book.previous"),
        Binding("right_square_bracket", "next_period", "Next period", id="book.next"),
        Binding("g", "next_grouping", "Group", id="book.group"),
        Binding("m", "next_currency", "Money in", id="book.currency"),
        Binding("enter", "accounts_behind", "Accounts", id="book.accounts", show=False),
        Binding("f5", "refresh", "Refresh", id="book.refresh", show=False),
    ]

    def __init__(self, period: Period | None = None) -> None:
        super().__init__()
        self.period = period
        self.by: str | None = None
        self.currency: str | None = None
        self.group: str | None = None  # None: the whole book
        self.trend: MetricsTrend | None = None
        self.cache: MetricsCache | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Book · computing the metrics…", id="book-header")
        with Horizontal(id="book-body"):
            yield OptionList(id="book-groups")
            table: DataTable[Text | str] = DataTable(id="book-figures", cursor_type="row")
            yield table
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#book-figures", DataTable)
        table.add_columns("Figure", "Value", "Detail", "Trend", "Change", "Previous")
        table.focus()
        if self.period is None:
            self.period = default_period(self.cs_app.today())
        self.watch_app("data_version", self._data_changed)
        self.action_reload()

    def _data_changed(self, _version: int) -> None:
        self.cache = None  # the book changed: read it again
        self.action_reload()

    # -- loading ---------------------------------------------------------------------------------

    def action_refresh(self) -> None:
        """Read the book again (another user may have changed it)."""
        self.cache = None
        self.action_reload()

    def action_reload(self) -> None:
        assert self.period is not None
        self.query_one("#book-header", Static).update(
            f"Book · {self.period.label} · computing the metrics…"
        )
        self._load(self.period, self.by)

    @work(thread=True, exit_on_error=False, exclusive=True, group="book-metrics")
    def _load(self, period: Period, by: str | None) -> None:
        """The period's figures first, then the trend: each period computed once per book."""
        from cs_tui.data.metrics.compute import MetricsCache
        from cs_tui.data.store.errors import StoreError
        from cs_tui.domain.metrics.periods import trailing

        try:
            db = self.cs_app.store.get()
        except StoreError:
            return  # the app shows why the store cannot be opened
        cache = self.cache
        if cache is None:
            cache = self.cache = MetricsCache(db)
        grouping: Any = by
        current = cache.metrics(period, by=grouping)
        self.app.call_from_thread(self._loaded, MetricsTrend((current,)))
        periods = trailing(period, TREND_PERIODS)
        trend = MetricsTrend(tuple(cache.metrics(p, by=grouping) for p in periods))
        self.app.call_from_thread(self._loaded, trend)

    def _loaded(self, trend: MetricsTrend) -> None:
        current = trend.current
        if current.period != self.period or current.by != self.by:
            return  # the user moved on meanwhile; their own load is on its way
        self.trend = trend
        currencies = current.currencies
        if self.currency not in currencies:
            # the book's main currency first: the one holding the most ARR
            main = max(current.total.money, key=lambda m: (m.ending, m.starting), default=None)
            self.currency = main.currency if main else None
        self._show_groups()
        self._show_figures()

    # -- showing ---------------------------------------------------------------------------------

    def _show_groups(self) -> None:
        assert self.trend is not None
        keys: list[str | None] = [None, *(g.key for g in self.trend.current.groups)]
        if self.group not in keys:
            self.group = None
        groups = self.query_one("#book-groups", OptionList)
        groups.clear_options()
        groups.add_options(
            [
                Option(group_label(k, self.by), id=TOTAL_OPTION if k is None else f"group:{k}")
                for k in keys
            ]
        )
        groups.highlighted = keys.index(self.group)

    def group_metrics(self, index: int = -1) -> GroupMetrics | None:
        """The chosen group's metrics in the trend's `index`-th period (None: no such group)."""
        if self.trend is None:
            return None
        metrics = self.trend.periods[index]
        if self.group is None:
            return metrics.total
        return next((g for g in metrics.groups if g.key == self.group), None)

    def _show_figures(self) -> None:
        trend = self.trend
        assert trend is not None and self.period is not None
        current = trend.current
        currency = self.currency or "USD"
        per_period = [self.group_metrics(i) for i in range(len(trend.periods))]
        shown = [None if g is None else figures(g, currency) for g in per_period]
        now = shown[-1]
        table = self.query_one("#book-figures", DataTable)
        cursor = table.cursor_row
        table.clear()
        if now is not None:
            for index, figure in enumerate(now):
                values = [None if f is None else f[index].value for f in shown]
                before = shown[-2][index].text if len(shown) > 1 and shown[-2] else "-"
                arrow = direction(values)
                label = figure.kind.label
                if figure.kind.id in PER_CURRENCY and len(current.currencies) > 1:
                    label = f"{label} ({currency})"
                table.add_row(
                    label, figure.text, figure.detail, sparkline(values), arrow, before,
                    key=figure.kind.id,
                )  # fmt: skip
            table.move_cursor(row=min(cursor, table.row_count - 1))
        first, last = trend.periods[0].period, trend.periods[-1].period
        money = f" · money in {currency}" if current.currencies else " · no revenue"
        others = [c for c in current.currencies if c != currency]
        switch = f" (m: {', '.join(others)})" if others else ""
        self.query_one("#book-header", Static).update(
            Text.assemble(
                (f"Book · {self.period.label} ({self.period.start:%d %b %Y} to "
                 f"{self.period.end:%d %b %Y})", "bold"),
                f" · {GROUPING_LABELS[self.by]} · {group_label(self.group, self.by)}"
                f"{money}{switch}\n",
                (f"Trend over {len(trend.periods)} periods, {first.label} to {last.label} · "
                 if len(trend.periods) > 1 else "Trend: computing the periods before… · "),
                "[ ] period · g group · m currency · enter the accounts behind a figure",
            )
        )  # fmt: skip

    @on(OptionList.OptionHighlighted, "#book-groups")
    def _group_chosen(self, event: OptionList.OptionHighlighted) -> None:
        option_id = event.option.id or TOTAL_OPTION
        chosen = None if option_id == TOTAL_OPTION else option_id.removeprefix("group:")
        if chosen != self.group and self.trend is not None:
            self.group = chosen
            self._show_figures()

    # -- keys ------------------------------------------------------------------------------------

    def action_previous_period(self) -> None:
        assert self.period is not None
        self.period = self.period.previous()
        self.action_reload()

    def action_next_period(self) -> None:
        assert self.period is not None
        self.period = self.period.next()
        self.action_reload()

    def action_next_grouping(self) -> None:
        self.by = GROUPINGS[(GROUPINGS.index(self.by) + 1) % len(GROUPINGS)]
        self.group = None
        self.action_reload()

    def action_next_currency(self) -> None:
        if self.trend is None or not self.trend.current.currencies:
            return
        currencies = self.trend.current.currencies
        position = currencies.index(self.currency) if self.currency in currencies else -1
        self.currency = currencies[(position + 1) % len(currencies)]
        self._show_figures()

    @on(DataTable.RowSelected, "#book-figures")
    def action_accounts_behind(self) -> None:
        from cs_tui.domain.metrics.figures import FIGURES
        from cs_tui.screens.book_accounts import BookAccountsScreen

        if self.trend is None:
            return
        table = self.query_one("#book-figures", DataTable)
        if not table.row_count:
            return
        kind = FIGURES[table.cursor_row][0]
        if kind.behind is None:
            self.notify(f"{kind.label} comes from survey responses, not from accounts' ARR.")
            return
        current = self.trend.current
        key = self.group
        self.app.push_screen(BookAccountsScreen(current, kind.behind, kind.label, key))
