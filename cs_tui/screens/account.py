"""Account 360: one account's key facts, and tabs for its stakeholders and metrics."""

import uuid
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from cs_tui.data.readmodels import AccountDetail, Series
from cs_tui.widgets.account_facts import AccountFacts
from cs_tui.widgets.metric_panel import MetricPanel
from cs_tui.widgets.stakeholder_panel import StakeholderPanel

if TYPE_CHECKING:
    from cs_tui.app import CsTuiApp


class AccountScreen(Screen[None]):
    """Everything about one account; `escape` goes back to where the user came from."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="account.back"),
    ]

    def __init__(self, account_id: str) -> None:
        super().__init__()
        self.account_id = account_id
        self.detail: AccountDetail | None = None

    @property
    def cs_app(self) -> "CsTuiApp":
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading…", id="account-title", classes="screen-title")
        yield AccountFacts(id="account-facts")
        with TabbedContent(id="account-tabs"):
            with TabPane("Stakeholders", id="tab-stakeholders"), VerticalScroll():
                yield StakeholderPanel(id="stakeholders")
            with TabPane("Metrics", id="tab-metrics"), VerticalScroll():
                yield MetricPanel(id="metrics")
        yield Footer()

    def on_mount(self) -> None:
        self._load()

    @work(thread=True, exclusive=True, group="account")
    def _load(self) -> None:
        from cs_tui.data.accounts import get_account_detail
        from cs_tui.data.series import metric_series

        db = self.cs_app.store.get()
        detail = get_account_detail(db, self.account_id)
        series = metric_series(db, uuid.UUID(detail.id))
        self.app.call_from_thread(self._show, detail, series)

    def _show(self, detail: AccountDetail, series: list[Series]) -> None:
        self.detail = detail
        self.sub_title = detail.name
        self.query_one("#account-title", Static).update(detail.name)
        self.query_one(AccountFacts).show(detail, self.cs_app.today())
        self.query_one(StakeholderPanel).show(detail.stakeholders)
        self.query_one(MetricPanel).show(series)
