"""An account's timeline: check-ins, notes, surveys, revenue, plan changes and follow-ups, newest first."""

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cs_tui.data.work.views import TimelineEntry

KIND_LABELS = {
    "check_in": "Check-in",
    "note": "Note",
    "survey": "Survey",
    "revenue": "Revenue",
    "plan": "Plan",
    "follow_up": "Follow-up",
}
DETAIL_LINES = 2


def _detail(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    shown = " ".join(lines[:DETAIL_LINES])
    return shown + (" …" if len(lines) > DETAIL_LINES else "")


def timeline_table(entries: Sequence[TimelineEntry]) -> Table:
    table = Table(box=None, expand=True, header_style="bold", pad_edge=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("What", ratio=2, overflow="fold")
    table.add_column("Detail", ratio=3, overflow="fold")
    table.add_column("By", no_wrap=True, style="dim")
    for entry in entries:
        table.add_row(
            entry.on.isoformat(),
            KIND_LABELS.get(entry.kind, entry.kind),
            Text(entry.title, style="bold"),
            _detail(entry.detail),
            entry.author,
        )
    return table


class TimelinePanel(Static):
    """The feed, optionally of one kind only (`kind` names which, for the empty message)."""

    def show(self, entries: Sequence[TimelineEntry], kind: str | None) -> None:
        what = KIND_LABELS.get(kind, "").lower() + " " if kind else ""
        if not entries:
            self.update(Text(f"No {what}events yet.", style="dim"))
            return
        heading = Text(
            f"Showing {'only ' + what + 'events' if kind else 'everything'}"
            " · k shows one kind at a time", style="dim",
        )  # fmt: skip
        table = timeline_table(entries)
        from rich.console import Group

        self.update(Group(heading, table))
