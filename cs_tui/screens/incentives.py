"""Incentives: the team's attainment and payout for a period, one CSM's components, the accounts
behind each figure, and a what-if field that recomputes without storing anything.

The top table lists each CSM (a CSM finds their own highlighted: so far this period); `enter`
drills into the highlighted CSM's components, and the panel below lists the accounts and events
behind the highlighted component. `[` and `]` step through periods, `w` edits the what-if values.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from cs_tui.screens.app_watch import AppWatcher
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.key_footer import KeyFooter
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

if TYPE_CHECKING:
    from cs_tui.data.incentives.report import TeamReport
    from cs_tui.domain.incentives.calc import Payout
    from cs_tui.domain.incentives.periods import Period

TRACES_SHOWN = 200


@dataclass(frozen=True)
class Loaded:
    report: "TeamReport | None"
    problem: str = ""


class IncentivesScreen(ShellAccess, ReportsWorkerFailures, AppWatcher, Screen[None]):
    """The team's payouts (`enter` drills into a CSM), `[` / `]` periods, `w` what-if."""

    DEFAULT_CSS = """
    IncentivesScreen {
        #incentives-header { height: auto; padding: 0 1 1 1; background: $panel; }
        #incentives-team { height: auto; max-height: 12; }
        #incentives-detail { height: auto; max-height: 12; }
        #incentives-behind-box { height: 1fr; padding: 0 1; }
        #incentives-what-if { dock: bottom; margin-bottom: 1; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "period(-1)", "Previous period", id="incentives.previous"),
        Binding("right_square_bracket", "period(1)", "Next period", id="incentives.next"),
        Binding("w", "what_if", "What-if", id="incentives.what_if"),
        Binding("m", "mine", "Mine", id="incentives.mine"),
        Binding("escape", "team", "Team", id="incentives.team", show=False),
        Binding("f5", "reload", "Refresh", id="incentives.refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.period: Period | None = None  # None: the plan's current period
        self.what_if_text = ""
        self.report: TeamReport | None = None
        self.owner: str | None = None  # the CSM drilled into

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Incentives · loading…", id="incentives-header")
        team: DataTable[str | Text] = DataTable(id="incentives-team", cursor_type="row")
        team.add_columns("CSM", "Base", "Performance", "Commission", "Total", "Variable vs target")
        yield team
        detail: DataTable[str | Text] = DataTable(id="incentives-detail", cursor_type="row")
        detail.add_columns("Component", "Metric", "Actual", "Target", "Attainment", "Factor",
                           "Weight", "Amount", "Note")  # fmt: skip
        yield detail
        with VerticalScroll(id="incentives-behind-box"):
            yield Static("", id="incentives-behind")
        yield Input(
            placeholder="what-if: grr=0.92 nps=35 expansion_arr=25000 (enter applies, empty clears)",
            id="incentives-what-if",
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch_app("data_version", self._data_changed)
        self.query_one("#incentives-team", DataTable).focus()
        self.action_reload()

    def _data_changed(self, _version: int) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self._load(self.period, self.what_if_text)

    @work(thread=True, exit_on_error=False, exclusive=True, group="incentives")
    def _load(self, period: "Period | None", what_if_text: str) -> None:
        from cs_tui.data.incentives.report import team_report
        from cs_tui.data.store.errors import StoreError
        from cs_tui.domain.incentives.calc import WhatIfError, parse_what_if
        from cs_tui.domain.incentives.periods import period_of
        from cs_tui.domain.incentives.plan import PlanError
        from cs_tui.io.incentives.plan_file import plan_in_force

        try:
            db = self.cs_app.store.get()
        except StoreError:
            return  # the app shows why the store cannot be opened
        try:
            plan = plan_in_force()
            chosen = period or period_of(self.cs_app.today(), plan.period)
            overrides = parse_what_if(tuple(what_if_text.split()), plan.currency)
            report = team_report(db, plan, chosen, self.cs_app.cadences, overrides=overrides,
                                 today=self.cs_app.today())  # fmt: skip
        except (PlanError, WhatIfError, StoreError) as error:
            self.app.call_from_thread(self._show, Loaded(None, str(error)))
            return
        self.app.call_from_thread(self._show, Loaded(report))

    # -- showing ----------------------------------------------------------------------------------

    def _show(self, loaded: Loaded) -> None:
        header = self.query_one("#incentives-header", Static)
        if loaded.report is None:
            header.update(Text.assemble(("Incentives · ", "bold"), loaded.problem))
            return
        report = self.report = loaded.report
        self.period = report.period
        state = (f"closed {report.closed.closed_at:%Y-%m-%d}" if report.closed
                 else f"open, so far up to {report.as_of:%d %b %Y}")  # fmt: skip
        text = Text.assemble(
            (f"Incentives · {report.plan.name} · {report.period.label} ({state})\n", "bold"),
            f"{len(report.payouts)} CSMs · mix {float(report.plan.mix.base):g}:"
            f"{float(report.plan.mix.performance):g}:{float(report.plan.mix.commission):g} · "
            "enter: a CSM's components · [ ]: periods · w: what-if",
        )
        if report.what_if:
            shown = ", ".join(f"{k}={float(v):g}" for k, v in report.what_if.items())
            text.append(f"\nWhat-if (not stored): {shown}", style="bold")
        header.update(text)
        self._fill_team(report)

    def _money(self, minor: int) -> str:
        from cs_tui.domain.incentives.present import money

        return money(minor, self.report.plan.currency if self.report else "USD")

    def _fill_team(self, report: "TeamReport") -> None:
        from fractions import Fraction

        from cs_tui.domain.incentives.present import ratio

        table = self.query_one("#incentives-team", DataTable)
        table.clear()
        me = self.cs_app.settings.user
        for payout in report.payouts:
            target = (payout.performance_total.on_target_minor
                      + payout.commission_total.on_target_minor)  # fmt: skip
            share = Fraction(payout.variable_minor, target) if target else None
            name = Text(payout.owner, style="bold" if payout.owner == me else "")
            table.add_row(name, self._money(payout.base.paid_minor),
                          self._money(payout.performance_total.paid_minor),
                          self._money(payout.commission_total.paid_minor),
                          self._money(payout.total_minor), ratio(share), key=payout.owner)  # fmt: skip
        if not report.payouts:
            self._fill_detail(None)
            self.query_one("#incentives-behind", Static).update(
                "No account has an owner yet: nobody to pay."
            )
            return
        owners = [p.owner for p in report.payouts]
        keep = self.owner if self.owner in owners else me if me in owners else owners[0]
        table.move_cursor(row=owners.index(keep))
        self._fill_detail(report.payout_of(keep))

    def _fill_detail(self, payout: "Payout | None") -> None:
        from cs_tui.domain.incentives.present import factor, line_actual, metric_value, ratio

        self.owner = payout.owner if payout else None
        table = self.query_one("#incentives-detail", DataTable)
        table.clear()
        if payout is None:
            return
        currency = payout.currency
        for line in payout.performance:
            table.add_row(line.label, line.metric, line_actual(line, currency),
                          metric_value(line.metric, line.target, currency, minor=False),
                          ratio(line.attainment), factor(line.factor), ratio(line.weight_share),
                          self._money(line.amount_minor), line.note, key=line.key)  # fmt: skip
        for paid in payout.commission:
            note = (f"withheld by the cap {self._money(paid.withheld_minor)}"
                    if paid.withheld_minor else "marginal tiers")  # fmt: skip
            table.add_row(paid.label, paid.metric, self._money(paid.result.amount_minor), "-",
                          "-", "-", "-", self._money(paid.paid_minor), note, key=paid.key)  # fmt: skip
        self._fill_behind(payout, 0)

    def _fill_behind(self, payout: "Payout", row: int) -> None:
        from cs_tui.domain.incentives.present import metric_value

        lines = [(line.metric, line.label) for line in payout.performance]
        lines += [(line.metric, line.label) for line in payout.commission]
        behind = self.query_one("#incentives-behind", Static)
        if not lines or not 0 <= row < len(lines) or self.report is None:
            behind.update("")
            return
        metric, label = lines[row]
        actual = self.report.inputs.get(payout.owner, {}).get(metric)
        text = Text.assemble(
            (f"{payout.owner} · {label}: ", "bold"),
            metric_value(metric, actual.value if actual else None, payout.currency),
            f" · {actual.detail if actual else 'no data'}\n",
        )
        for trace in (actual.traces if actual else ())[:TRACES_SHOWN]:
            when = trace.on.isoformat() if trace.on else ""
            amount = self._money(trace.amount_minor) if trace.amount_minor is not None else ""
            text.append(f"  {trace.account:<32.32} {trace.event:<22.22} {when:<10} "
                        f"{amount:>14} {trace.value}\n")  # fmt: skip
        if actual and len(actual.traces) > TRACES_SHOWN:
            text.append(f"  … and {len(actual.traces) - TRACES_SHOWN} more (see the statement)")
        behind.update(text)

    # -- keys -------------------------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#incentives-team")
    def _csm_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.report is not None and event.row_key.value is not None:
            payout = self.report.payout_of(str(event.row_key.value))
            if payout is not None and payout.owner != self.owner:
                self._fill_detail(payout)

    @on(DataTable.RowSelected, "#incentives-team")
    def _csm_selected(self) -> None:
        self.query_one("#incentives-detail", DataTable).focus()

    @on(DataTable.RowHighlighted, "#incentives-detail")
    def _component_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.report is not None and self.owner is not None:
            payout = self.report.payout_of(self.owner)
            if payout is not None:
                self._fill_behind(payout, event.cursor_row)

    def action_team(self) -> None:
        self.query_one("#incentives-team", DataTable).focus()

    def action_mine(self) -> None:
        if self.report is None:
            return
        owners = [p.owner for p in self.report.payouts]
        me = self.cs_app.settings.user
        if me in owners:
            self.query_one("#incentives-team", DataTable).move_cursor(row=owners.index(me))
            self.query_one("#incentives-detail", DataTable).focus()
        else:
            self.notify(f"No accounts are owned by {me} in {self.report.period.label}.")

    def action_period(self, step: int) -> None:
        if self.period is not None:
            self.period = self.period.shifted(step)
            self.query_one("#incentives-header", Static).update(
                f"Incentives · {self.period.label} · loading…"
            )
            self.action_reload()

    def action_what_if(self) -> None:
        self.query_one("#incentives-what-if", Input).focus()

    @on(Input.Submitted, "#incentives-what-if")
    def _what_if_submitted(self, event: Input.Submitted) -> None:
        self.what_if_text = event.value.strip()
        self.query_one("#incentives-detail", DataTable).focus()
        self.action_reload()
