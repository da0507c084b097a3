"""Account 360: key facts and health at the top; tabs for the health breakdown, people, metrics,
the customer's voice (survey responses) and revenue (events and the renewal forecast).

From here the CSM records their sentiment (`s`) and sets or clears an override (`o`); the account is
rescored at once and the list shows the change without reloading the book. `e` edits the account's
fields, `D` deletes it (after a confirmation; `R` restores it) and the Stakeholders tab has its own
keys (see `StakeholderTab`).
"""

import uuid
from dataclasses import dataclass
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static, TabbedContent, TabPane

from cs_tui.data.accounts.views import AccountDetail, Series
from cs_tui.data.scoring.health_views import HealthPanel
from cs_tui.data.store.errors import StoreError
from cs_tui.data.voice.views import AccountVoice
from cs_tui.data.work.views import TIMELINE_KINDS, FollowUpRow, TimelineEntry
from cs_tui.screens.account.account_form import AccountForm
from cs_tui.screens.account.health_forms import (
    ClearOverride,
    OverrideDraft,
    OverrideForm,
    SentimentDraft,
    SentimentForm,
)
from cs_tui.screens.account.revenue_tab import RevenueTab
from cs_tui.screens.account.stakeholder_tab import StakeholderTab
from cs_tui.screens.account.voice_tab import VoiceTab
from cs_tui.screens.app_watch import AppWatcher
from cs_tui.screens.confirm import ConfirmDialog
from cs_tui.screens.follow_ups.follow_up_list import FollowUpList
from cs_tui.screens.plan.panel import PlanPanel
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.account_facts import AccountFacts
from cs_tui.widgets.health_panel import HealthBreakdown, HealthSummary
from cs_tui.widgets.key_footer import KeyFooter
from cs_tui.widgets.metric_panel import MetricPanel
from cs_tui.widgets.timeline_panel import TimelinePanel
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

TABS = (
    "tab-health",
    "tab-plan",
    "tab-timeline",
    "tab-follow-ups",
    "tab-stakeholders",
    "tab-metrics",
    "tab-voice",
    "tab-revenue",
)
TIMELINE_FILTERS: tuple[str | None, ...] = (None, *TIMELINE_KINDS)
TIMELINE_LIMIT = 300


@dataclass(frozen=True)
class AccountView:
    """Everything the screen shows, read together in one worker."""

    detail: AccountDetail
    health: HealthPanel
    series: list[Series]
    timeline: list[TimelineEntry]
    follow_ups: list[FollowUpRow]
    voice: AccountVoice


class AccountScreen(ShellAccess, ReportsWorkerFailures, AppWatcher, Screen[None]):
    """Everything about one account; `escape` goes back to where the user came from."""

    DEFAULT_CSS = """
    AccountScreen {
        #account-tabs {
            height: 1fr;
        }
        #account-top {
            height: auto;
            max-height: 14;
        }
        #account-facts {
            width: 44;
            height: auto;
            padding: 0 1 1 1;
        }
        #health-summary {
            width: 1fr;
            height: auto;
            padding: 0 1 1 1;
            border-left: vkey $panel;
        }
        #account-follow-ups {
            height: 1fr;
            border: none;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="account.back"),
        Binding("s", "sentiment", "Sentiment", id="account.sentiment"),
        Binding("o", "override", "Override", id="account.override"),
        Binding("e", "edit_account", "Edit", id="account.edit"),
        Binding("D", "delete_account", "Delete", show=False, id="account.delete"),
        Binding("R", "restore_account", "Restore", show=False, id="account.restore"),
        Binding("k", "timeline_kind", "Kind", show=False, id="account.timeline_kind"),
        Binding("P", "open_plan", "Plan screen", show=False, id="account.plan"),
        Binding("Q", "qbr_pack", "QBR pack", show=False, id="account.qbr"),
        *(
            Binding(str(number), f"show_tab('{tab}')", tab.removeprefix("tab-").title(),
                    show=False, id=f"account.{tab}")
            for number, tab in enumerate(TABS, start=1)
        ),
    ]  # fmt: skip

    def __init__(self, account_id: str) -> None:
        super().__init__()
        self.account_id = account_id
        self.view: AccountView | None = None
        self.timeline_kind: str | None = None
        self.deleted = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Loading…", id="account-title", classes="screen-title")
        with Horizontal(id="account-top"):
            yield AccountFacts(id="account-facts")
            yield HealthSummary(id="health-summary")
        with TabbedContent(id="account-tabs"):
            with TabPane("Health", id="tab-health"), VerticalScroll():
                yield HealthBreakdown(id="health-breakdown")
            with TabPane("Plan", id="tab-plan"):
                yield PlanPanel(self.account_id, id="plan-panel")
            with TabPane("Timeline", id="tab-timeline"), VerticalScroll():
                yield TimelinePanel(id="timeline")
            with TabPane("Follow-ups", id="tab-follow-ups"):
                yield FollowUpList(id="account-follow-ups")
            with TabPane("Stakeholders", id="tab-stakeholders"):
                yield StakeholderTab(id="stakeholders")
            with TabPane("Metrics", id="tab-metrics"), VerticalScroll():
                yield MetricPanel(id="metrics")
            with TabPane("Voice", id="tab-voice"):
                yield VoiceTab(id="voice")
            with TabPane("Revenue", id="tab-revenue"):
                yield RevenueTab(self.account_id, id="revenue")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch_app("data_version", self._data_changed)
        self.load()

    def account_in_focus(self) -> str | None:
        return self.view.detail.id if self.view is not None else self.account_id

    def _data_changed(self, _version: int) -> None:
        changed = self.cs_app.changed_accounts
        if self.deleted:
            return
        if not changed or self.account_in_focus() in changed or self.account_id in changed:
            self.load()

    @work(thread=True, exit_on_error=False, exclusive=True, group="account")
    def load(self) -> None:
        from cs_tui.data.accounts.records import get_account_detail
        from cs_tui.data.scoring.health_panel import health_panel
        from cs_tui.data.scoring.series import metric_series
        from cs_tui.data.voice.reads import account_voice
        from cs_tui.data.work.follow_up_list import StatusFilter, list_follow_ups
        from cs_tui.data.work.timeline import account_timeline

        db = self.cs_app.store.get()
        detail = get_account_detail(db, self.account_id)
        account_uuid = uuid.UUID(detail.id)
        kinds = [self.timeline_kind] if self.timeline_kind else None
        view = AccountView(
            detail=detail,
            health=health_panel(db, account_uuid),
            series=metric_series(db, account_uuid),
            timeline=account_timeline(db, detail.id, kinds=kinds, limit=TIMELINE_LIMIT),
            follow_ups=list_follow_ups(db, account=detail.id, status=StatusFilter.ALL, limit=200),
            voice=account_voice(db, detail.id),
        )
        self.app.call_from_thread(self._show, view)

    def _show(self, view: AccountView) -> None:
        self.view = view
        detail = view.detail
        self.sub_title = detail.name
        self.query_one("#account-title", Static).update(detail.name)
        self.query_one(AccountFacts).show(detail, self.cs_app.today())
        self.query_one(HealthSummary).show(view.health)
        self.query_one(HealthBreakdown).show(view.health)
        self.query_one(StakeholderTab).show(detail.id, detail.name, detail.stakeholders)
        self.query_one(MetricPanel).show(view.series)
        self.query_one(TimelinePanel).show(view.timeline, self.timeline_kind)
        self.query_one(VoiceTab).show(view.voice)
        self.query_one(FollowUpList).show(
            view.follow_ups,
            self.cs_app.today(),
            "No follow-ups yet: log a check-in (c) with next steps.",
        )

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "tab-follow-ups":
            self.query_one(FollowUpList).focus()
        elif tab == "tab-plan":
            self.query_one(PlanPanel).focus()
        elif tab == "tab-stakeholders":
            self.query_one(StakeholderTab).focus_table()
        elif tab == "tab-voice":
            self.query_one("#voice-responses").focus()
        elif tab == "tab-revenue":
            self.query_one("#revenue-events").focus()

    def action_open_plan(self) -> None:
        """The success plan full size, on its own screen."""
        from cs_tui.screens.plan.screen import PlanScreen

        self.app.push_screen(PlanScreen(self.account_id))

    def action_qbr_pack(self) -> None:
        """Write the last full quarter's QBR pack (Markdown) to the reports folder; say where."""
        self.notify("Writing the QBR pack…", timeout=2)
        self._write_qbr_pack()

    @work(thread=True, exit_on_error=False, exclusive=True, group="account-qbr")
    def _write_qbr_pack(self) -> None:
        from cs_tui import locations
        from cs_tui.data.qbr.pack import qbr_pack
        from cs_tui.io.qbr.files import write_report_file
        from cs_tui.io.qbr.render import file_name, render_text
        from cs_tui.io.safe_output import OutputError

        try:
            pack = qbr_pack(self.cs_app.store.get(), self.account_id)
            path = write_report_file(
                locations.reports_dir(), file_name(pack, "md"), render_text(pack, "md").encode()
            )
        except (StoreError, OutputError) as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        self.app.call_from_thread(
            self.notify, f"QBR pack for {pack.period} written to {path}", timeout=8
        )

    def action_timeline_kind(self) -> None:
        """Show the next kind of event only (then everything again)."""
        position = TIMELINE_FILTERS.index(self.timeline_kind)
        self.timeline_kind = TIMELINE_FILTERS[(position + 1) % len(TIMELINE_FILTERS)]
        self.action_show_tab("tab-timeline")
        self.load()

    # -- the account's own fields ---------------------------------------------------------------

    def action_edit_account(self) -> None:
        if self.view is None or self.deleted:
            return
        self.app.push_screen(AccountForm(self.view.detail), self._account_saved)

    def _account_saved(self, detail: AccountDetail | None) -> None:
        if detail is not None:
            self.notify(f"Saved {detail.name}", timeout=3)
            self.cs_app.accounts_changed([detail.id])

    def action_delete_account(self) -> None:
        if self.view is None or self.deleted:
            return
        name = self.view.detail.name
        question = ConfirmDialog(
            f"Delete {name}?",
            "It leaves the list and Today; its history is kept. R on this screen (or "
            "`cs-tui accounts restore`) brings it back.",
            yes="Delete", no="Keep it",
        )  # fmt: skip
        self.app.push_screen(question, self._delete_confirmed)

    def _delete_confirmed(self, yes: bool | None) -> None:
        if yes:
            self._delete_or_restore(restore=False)

    def action_restore_account(self) -> None:
        if self.view is None or not self.deleted:
            return
        question = ConfirmDialog(f"Restore {self.view.detail.name}?", yes="Restore", no="No")
        self.app.push_screen(question, self._restore_confirmed)

    def _restore_confirmed(self, yes: bool | None) -> None:
        if yes:
            self._delete_or_restore(restore=True)

    @work(thread=True, exit_on_error=False, exclusive=True, group="account-write")
    def _delete_or_restore(self, *, restore: bool) -> None:
        from cs_tui.data.accounts.edits import delete_account, restore_account

        db = self.cs_app.store.get()
        try:
            change = restore_account if restore else delete_account
            detail = change(db, self.account_id)
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        self.app.call_from_thread(self._deleted_or_restored, detail, restore)

    def _deleted_or_restored(self, detail: AccountDetail, restored: bool) -> None:
        self.deleted = not restored
        self.account_id = detail.id
        title = detail.name if restored else f"{detail.name} (deleted: R restores it)"
        self.query_one("#account-title", Static).update(title)
        word = "Restored" if restored else "Deleted"
        self.notify(f"{word} {detail.name}" + ("" if restored else ". Press R to restore it."))
        self.cs_app.accounts_changed([detail.id])

    # -- the CSM's say in the score ---------------------------------------------------------------

    def action_sentiment(self) -> None:
        if self.view is not None:
            self.app.push_screen(SentimentForm(self.view.detail.name), self._sentiment_given)

    def _sentiment_given(self, draft: object) -> None:
        if isinstance(draft, SentimentDraft):
            self._save(draft)

    def action_override(self) -> None:
        if self.view is None:
            return
        form = OverrideForm(self.view.detail.name, self.cs_app.today(), self.view.health.override)
        self.app.push_screen(form, self._override_given)

    def _override_given(self, draft: object) -> None:
        if isinstance(draft, OverrideDraft | ClearOverride):
            self._save(draft)

    @work(thread=True, exit_on_error=False, exclusive=True, group="account-write")
    def _save(self, draft: SentimentDraft | OverrideDraft | ClearOverride) -> None:
        from cs_tui.data.scoring.health_writes import clear_override, record_sentiment, set_override

        db = self.cs_app.store.get()
        try:
            if isinstance(draft, SentimentDraft):
                record_sentiment(db, self.account_id, value=draft.value, reason=draft.reason)
                done = f"Sentiment {draft.value}/5 recorded"
            elif isinstance(draft, OverrideDraft):
                set_override(
                    db, self.account_id, score=draft.score, reason=draft.reason,
                    expires_on=draft.expires_on,
                )  # fmt: skip
                done = f"Override {draft.score} until {draft.expires_on.isoformat()} set"
            else:
                cleared = clear_override(db, self.account_id)
                done = "Override cleared" if cleared else "There was no override to clear"
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        self.app.call_from_thread(self.notify, done, timeout=3)
        self.app.call_from_thread(self.cs_app.accounts_changed, [self.account_id])
