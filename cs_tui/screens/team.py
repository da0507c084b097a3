"""The Team screen (`T`): this device and its teammates, the conflicts, and a field's history."""

from typing import ClassVar

from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from cs_tui.data.sync.reads import ConflictView, HistoryEntry, TeamStatus, Version
from cs_tui.screens.app_watch import AppWatcher
from cs_tui.screens.shell import ShellAccess
from cs_tui.widgets.key_footer import KeyFooter
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

NOT_IN_A_TEAM = (
    "This book is not shared with a team. To share it through a synced folder, run\n"
    "  cs-tui team init FOLDER    (then teammates run: cs-tui team join FOLDER)"
)


def _when(version: Version) -> str:
    return f"{version.at:%Y-%m-%d %H:%M}"


def _shown(version: Version) -> str:
    return f"{version.value!r} ({version.author or '?'}, {_when(version)})"


def summary_text(status: TeamStatus) -> str:
    last = f"{status.last_synced_at:%Y-%m-%d %H:%M:%S}" if status.last_synced_at else "never"
    return (
        f"Team {status.team} · folder {status.folder}\n"
        f"This device {status.device_id} · last sync {last} · waiting to be sent "
        f"{status.outbox} · files not applied {status.waiting_files} · "
        f"conflicts {status.conflicts} · records waiting {status.pending}"
        + (f"\n{status.moved_message}" if status.moved_message else "")
    )


def teammates_table(status: TeamStatus) -> Table:
    table = Table(title="Teammates", title_justify="left", header_style="bold", expand=True)
    for column in ("Who", "Device", "Files", "Applied", "Last published"):
        table.add_column(column)
    for mate in status.teammates:
        published = f"{mate.last_published_at:%Y-%m-%d %H:%M}" if mate.last_published_at else ""
        table.add_row(
            mate.author, mate.device_id, str(mate.files),
            f"{mate.applied_seq}/{mate.last_seq}", published,
        )  # fmt: skip
    if not status.teammates:
        table.add_row("no teammate has published yet", "", "", "", "")
    return table


def conflict_label(conflict: ConflictView) -> str:
    return (
        f"{conflict.record} · {conflict.field}: kept {_shown(conflict.winner)} "
        f"over {_shown(conflict.loser)}"
    )


def history_text(entries: tuple[HistoryEntry, ...]) -> str:
    if not entries:
        return "Highlight a conflict to see every value its field had."
    first = entries[0]
    lines = [f"History of {first.field} ({first.table} {first.row_id[:8]})"]
    for entry in entries:
        mark = "  ← current" if entry.current else ""
        lines.append(f"  {_when(entry.version)}  {entry.version.author or '?'}: "
                     f"{entry.version.value!r}{mark}")  # fmt: skip
    return "\n".join(lines)


class TeamScreen(ShellAccess, ReportsWorkerFailures, AppWatcher, Screen[None]):
    """`s` syncs now; the highlighted conflict's field history shows below the list."""

    DEFAULT_CSS = """
    TeamScreen {
        #team-summary { height: auto; padding: 0 1 1 1; background: $panel; }
        #team-mates { height: auto; padding: 0 1; }
        #team-conflicts { height: 1fr; border: none; }
        #team-history { height: auto; max-height: 12; padding: 0 1; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sync_now", "Sync now", id="team.sync"),
        Binding("escape", "close", "Back", id="team.close"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.conflicts: tuple[ConflictView, ...] = ()
        self.status: TeamStatus | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Team · loading…", id="team-summary")
        yield Static("", id="team-mates")
        yield OptionList(id="team-conflicts")
        yield Static("", id="team-history")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.watch_app("team_version", self._synced)
        self.query_one(OptionList).focus()
        self._load()

    def _synced(self, _version: int) -> None:
        self._load()

    def action_sync_now(self) -> None:
        self.query_one("#team-summary", Static).update("Team · syncing…")
        self.cs_app.sync_team()

    def action_close(self) -> None:
        self.dismiss()

    @work(thread=True, exit_on_error=False, exclusive=True, group="team-screen")
    def _load(self) -> None:
        from cs_tui.data.sync.reads import in_team, list_conflicts, team_status

        db = self.cs_app.store.get()
        if not in_team(db):
            self.app.call_from_thread(self._show_alone)
            return
        status = team_status(db)
        conflicts = list_conflicts(db)
        self.app.call_from_thread(self._show, status, conflicts)

    def _show_alone(self) -> None:
        self.query_one("#team-summary", Static).update(NOT_IN_A_TEAM)

    def _show(self, status: TeamStatus, conflicts: tuple[ConflictView, ...]) -> None:
        self.status, self.conflicts = status, conflicts
        self.query_one("#team-summary", Static).update(summary_text(status))
        self.query_one("#team-mates", Static).update(teammates_table(status))
        listing = self.query_one(OptionList)
        listing.clear_options()
        if conflicts:
            listing.add_options(
                Option(conflict_label(c), id=str(i)) for i, c in enumerate(conflicts)
            )
            listing.highlighted = 0
        else:
            listing.add_option(Option("No conflicts: nobody changed the same field at once.",
                                      disabled=True))  # fmt: skip
            self.query_one("#team-history", Static).update("")

    @on(OptionList.OptionHighlighted, "#team-conflicts")
    def _conflict_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and self.conflicts:
            conflict = self.conflicts[int(event.option.id)]
            self._load_history(conflict.row_id, conflict.field)

    @work(thread=True, exit_on_error=False, exclusive=True, group="team-history")
    def _load_history(self, row_id: str, field: str) -> None:
        from cs_tui.data.sync.reads import field_history

        entries = field_history(self.cs_app.store.get(), row_id, field=field)
        self.app.call_from_thread(
            self.query_one("#team-history", Static).update, history_text(entries)
        )
