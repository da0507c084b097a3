"""The Voice tab of Account 360: the account's NPS (180 days) and CSAT (90 days), per moment, the
trend by quarter, and every response with its comment; `a` adds a respondent the book does not
know yet as a stakeholder.
"""

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from cs_tui.data.store.errors import StoreError
from cs_tui.data.voice.views import AccountVoice, ResponseView
from cs_tui.domain.voice.scores import percent, signed
from cs_tui.screens.account.voice_form import ContactDraft, ContactForm
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

COMMENT_WIDTH = 50
NEW_MARK = "+ new"


def _short(text: str, width: int = COMMENT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary_text(voice: AccountVoice) -> Text:
    text = Text()
    text.append(f"NPS {signed(voice.nps.score)}", style="bold")
    text.append(f" ({voice.nps.responses} in 180 days: {_counted(voice.nps.promoters, 'promoter')}"
                f", {_counted(voice.nps.detractors, 'detractor')})   ")  # fmt: skip
    text.append(f"CSAT {percent(voice.csat.score)}", style="bold")
    text.append(f" ({voice.csat.responses} in 90 days)\n")
    moments = [
        f"{m.moment}: NPS {signed(m.nps.score)} ({m.nps.responses}), "
        f"CSAT {percent(m.csat.score)} ({m.csat.responses})"
        for m in voice.by_moment
        if m.nps.responses or m.csat.responses
    ]
    text.append("By moment: " + ("  ·  ".join(moments) or "no responses in the windows") + "\n")
    trend = "  ".join(
        f"{p.label} {signed(p.nps.score)}/{percent(p.csat.score)}" for p in voice.trend
    )
    text.append(f"Trend (NPS/CSAT by quarter): {trend}")
    return text


def detail_text(response: ResponseView | None) -> str:
    if response is None:
        return ""
    lines = [f"{response.contact or 'Anonymous'} <{response.contact_email or 'no e-mail'}>"
             f" · {response.source or 'check-in'}"]  # fmt: skip
    if response.reason or response.competitor:
        lines.append(f"Reason: {response.reason or '-'} · Competitor: {response.competitor or '-'}")
    lines.append(response.comment or "(no comment)")
    if response.new_contact:
        lines.append("Not a stakeholder yet: press a to add them.")
    return "\n".join(lines)


class VoiceTab(ShellAccess, ReportsWorkerFailures, Vertical):
    """Shows an `AccountVoice`; adds a new contact through `data/` in a worker."""

    DEFAULT_CSS = """
    VoiceTab {
        #voice-summary { height: auto; padding: 0 1 1 1; }
        #voice-responses { height: 1fr; }
        #voice-detail { height: auto; max-height: 8; padding: 1 1 0 1; border-top: hkey $panel; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_contact", "Add as stakeholder", id="voice.add_contact"),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.voice: AccountVoice | None = None

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="voice-summary")
        table: DataTable[str | Text] = DataTable(id="voice-responses", cursor_type="row")
        table.add_columns("Date", "Moment", "Kind", "Score", "Contact", "", "Comment")
        yield table
        yield Static("", id="voice-detail")

    def show(self, voice: AccountVoice) -> None:
        self.voice = voice
        self.query_one("#voice-summary", Static).update(summary_text(voice))
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        if not voice.responses:
            self.query_one("#voice-detail", Static).update(
                "No survey responses yet: import an export with `cs-tui import surveys FILE.csv`."
            )
            return
        for r in voice.responses:
            table.add_row(
                r.responded_on.isoformat(), r.moment, r.kind.upper(), str(r.score),
                r.contact or r.contact_email or "-", NEW_MARK if r.new_contact else "",
                _short(r.comment or r.reason), key=r.id,
            )  # fmt: skip
        table.move_cursor(row=min(row, len(voice.responses) - 1))
        self._show_detail()

    def selected(self) -> ResponseView | None:
        if self.voice is None or not self.voice.responses:
            return None
        row = self.query_one(DataTable).cursor_row
        return self.voice.responses[row] if 0 <= row < len(self.voice.responses) else None

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        self.query_one("#voice-detail", Static).update(detail_text(self.selected()))

    def action_add_contact(self) -> None:
        response = self.selected()
        if response is None:
            return
        if not response.new_contact:
            why = "has no e-mail address" if not response.contact_email else "is a stakeholder"
            self.notify(f"This respondent {why} already." if why == "is a stakeholder"
                        else f"This response {why}.", timeout=4)  # fmt: skip
            return
        self.app.push_screen(ContactForm(response), self._contact_given)

    def _contact_given(self, draft: ContactDraft | None) -> None:
        if draft is not None:
            self._add(draft)

    @work(thread=True, exit_on_error=False, exclusive=True, group="voice-write")
    def _add(self, draft: ContactDraft) -> None:
        from cs_tui.data.voice.contacts import add_respondent_as_stakeholder

        db = self.cs_app.store.get()
        try:
            add_respondent_as_stakeholder(
                db, draft.survey_response_id, name=draft.name, role=draft.role, title=draft.title
            )
        except StoreError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=8)
            return
        account_id = self.voice.account_id if self.voice else ""
        self.app.call_from_thread(self.notify, f"{draft.name} added as a stakeholder", timeout=3)
        self.app.call_from_thread(self.cs_app.accounts_changed, [account_id])
