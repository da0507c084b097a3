"""The Revenue tab of Account 360: ARR, the next renewal's forecast, and every revenue event;
`n` records an event (the account's ARR, stage and contract end follow), `r` forecasts the renewal.
"""

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from cs_tui.data.revenue.views import AccountRevenue, ForecastDraft, RevenueDraft, RevenueEventView
from cs_tui.data.store.errors import StoreError
from cs_tui.domain.money import format_money
from cs_tui.domain.revenue.kinds import kind_label
from cs_tui.domain.revenue.taxonomy import Reason
from cs_tui.screens.account.revenue_forms import (
    CATEGORY_LABELS,
    AccountMoney,
    ForecastForm,
    RevenueEventForm,
)
from cs_tui.screens.app_watch import AppWatcher
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

NOTE_WIDTH = 44


def _short(text: str, width: int = NOTE_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def summary_text(revenue: AccountRevenue) -> Text:
    text = Text()
    text.append(f"ARR {format_money(revenue.arr_minor, revenue.currency)}", style="bold")
    text.append(f"  ·  stage {revenue.stage}  ·  renews ")
    text.append(revenue.contract_end.isoformat() if revenue.contract_end else "(no contract end)")
    text.append("\n")
    f = revenue.forecast
    if f is None:
        text.append("Forecast: none yet (press r to forecast the renewal)")
    else:
        text.append("Forecast: ", style="bold")
        text.append(
            f"{format_money(f.forecast_minor, f.currency)} at {f.probability:.0%}, "
            f"{CATEGORY_LABELS.get(f.category, f.category)}"
            + (f" · risks: {f.risks}" if f.risks else "")
            + f" · {f.updated_by or 'someone'} on {f.updated_at.isoformat()}"
        )
    if revenue.at_risk:
        text.append("\n")
        text.append("! ARR at risk", style="bold")
        text.append(" (forecast at risk or health red)")
    return text


def detail_text(event: RevenueEventView | None) -> str:
    if event is None:
        return ""
    lines = [f"{kind_label(event.kind)} · {format_money(event.amount_minor, event.currency, cents=True)}"
             f" · {event.occurred_on.isoformat()} · {event.source or 'recorded by hand'}"]  # fmt: skip
    if event.reason_code:
        lines.append(
            f"Reason: {event.reason_label}" + (f" ({event.competitor})" if event.competitor else "")
        )
    lines.append(event.note or "(no note)")
    return "\n".join(lines)


class RevenueTab(ShellAccess, ReportsWorkerFailures, Vertical, AppWatcher):
    """Loads and shows an account's `AccountRevenue`; records events and forecasts in workers.

    (`Vertical` comes before `AppWatcher` among the bases so that Textual takes its styles.)"""

    DEFAULT_CSS = """
    RevenueTab {
        #revenue-summary { height: auto; padding: 0 1 1 1; }
        #revenue-events { height: 1fr; }
        #revenue-detail { height: auto; max-height: 8; padding: 1 1 0 1; border-top: hkey $panel; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add_event", "Revenue event", id="revenue.add_event"),
        Binding("r", "forecast", "Forecast", id="revenue.forecast"),
    ]

    def __init__(self, account_id: str, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.account_id = account_id
        self.revenue: AccountRevenue | None = None
        self.reasons: tuple[Reason, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="revenue-summary")
        table: DataTable[str] = DataTable(id="revenue-events", cursor_type="row")
        table.add_columns("Date", "Kind", "Amount", "Reason", "Note")
        yield table
        yield Static("", id="revenue-detail")

    def on_mount(self) -> None:
        self.watch_app("data_version", self._data_changed)
        self.load()

    def _data_changed(self, _version: int) -> None:
        changed = self.cs_app.changed_accounts
        if (
            not changed
            or self.account_id in changed
            or (self.revenue is not None and self.revenue.account_id in changed)
        ):
            self.load()

    @work(thread=True, exit_on_error=False, exclusive=True, group="revenue")
    def load(self) -> None:
        from cs_tui.data.revenue.events import account_revenue
        from cs_tui.io.revenue.reasons_file import current_taxonomy

        taxonomy = current_taxonomy()
        revenue = account_revenue(self.cs_app.store.get(), self.account_id, taxonomy=taxonomy)
        self.app.call_from_thread(self.show, revenue, taxonomy.reasons)

    def show(self, revenue: AccountRevenue, reasons: tuple[Reason, ...] = ()) -> None:
        self.revenue = revenue
        self.reasons = reasons or self.reasons
        self.query_one("#revenue-summary", Static).update(summary_text(revenue))
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        if not revenue.events:
            self.query_one("#revenue-detail", Static).update(
                "No revenue events yet: press n to record one, or import deals with "
                "`cs-tui import revenue FILE.csv`."
            )
            return
        for e in revenue.events:
            table.add_row(
                e.occurred_on.isoformat(), kind_label(e.kind), format_money(e.amount_minor, e.currency),
                e.reason_label + (f" ({e.competitor})" if e.competitor else ""), _short(e.note),
                key=e.id,
            )  # fmt: skip
        table.move_cursor(row=min(max(row, 0), len(revenue.events) - 1))
        self._show_detail()

    def selected(self) -> RevenueEventView | None:
        if self.revenue is None or not self.revenue.events:
            return None
        row = self.query_one(DataTable).cursor_row
        return self.revenue.events[row] if 0 <= row < len(self.revenue.events) else None

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        self.query_one("#revenue-detail", Static).update(detail_text(self.selected()))

    def _money(self) -> AccountMoney | None:
        r = self.revenue
        return None if r is None else AccountMoney(r.name, r.arr_minor, r.currency, r.contract_end)

    def action_add_event(self) -> None:
        money = self._money()
        if money is not None:
            form = RevenueEventForm(money, self.reasons, self.cs_app.today())
            self.app.push_screen(form, self._event_given)

    def _event_given(self, draft: object) -> None:
        if isinstance(draft, RevenueDraft):
            self._save(draft)

    def action_forecast(self) -> None:
        money = self._money()
        if money is None or self.revenue is None:
            return
        if money.contract_end is None:
            self.notify("This account has no contract end to forecast.", timeout=4)
            return
        self.app.push_screen(ForecastForm(money, self.revenue.forecast), self._forecast_given)

    def _forecast_given(self, draft: object) -> None:
        if isinstance(draft, ForecastDraft):
            self._save(draft)

    @work(thread=True, exit_on_error=False, exclusive=True, group="revenue-write")
    def _save(self, draft: RevenueDraft | ForecastDraft) -> None:
        from cs_tui.data.revenue.events import record_revenue_event
        from cs_tui.data.revenue.forecasts import set_forecast

        db = self.cs_app.store.get()
        try:
            if isinstance(draft, RevenueDraft):
                recorded = record_revenue_event(db, self.account_id, draft)
                e = recorded.event
                done = (
                    f"{kind_label(e.kind).capitalize()} of {format_money(e.amount_minor, e.currency)} "
                    f"recorded; ARR now {format_money(recorded.arr_after, e.currency)}"
                )
            else:
                forecast = set_forecast(db, self.account_id, draft)
                done = f"Forecast set: {forecast.probability:.0%}, {CATEGORY_LABELS[forecast.category]}"
        except StoreError as error:
            field = getattr(error, "field", "")
            shown = f"{field.replace('_', ' ').capitalize()}: {error}" if field else str(error)
            self.app.call_from_thread(self.notify, shown, severity="error", timeout=8)
            return
        self.app.call_from_thread(self.notify, done, timeout=3)
        account_id = self.revenue.account_id if self.revenue else self.account_id
        self.app.call_from_thread(self.cs_app.accounts_changed, [account_id])
