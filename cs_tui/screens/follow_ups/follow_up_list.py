"""A keyboard list of follow-ups that acts on the highlighted one (done, snooze, move, reassign...).

Open follow-ups first by due date, then snoozed, then the recently done; each line carries its state
in words: "3d overdue", "due today", "snoozed until fri (OOO)", "done 2026-06-12".
"""

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cs_tui.data.work.views import FollowUpRow
from cs_tui.screens.follow_ups.actions import (
    FOLLOW_UP_BINDINGS,
    FollowUpActions,
    FollowUpInFocus,
)

TITLE_WIDTH = 44


def state_of(row: FollowUpRow, today: date) -> str:
    if row.status == "done":
        done = row.completed_at.date().isoformat() if row.completed_at else "recently"
        return f"done {done}"
    if row.status == "cancelled":
        return "cancelled"
    if row.is_snoozed(today):
        assert row.snoozed_until is not None
        return f"snoozed until {row.snoozed_until.isoformat()} ({row.snooze_reason})"
    late = row.days_overdue(today)
    if late is not None:
        return "due today" if late == 0 else f"{late}d overdue"
    return f"due {row.due_on.isoformat()}" if row.due_on else "no due date"


def line_of(row: FollowUpRow, today: date, *, with_account: bool) -> Text:
    late = row.status == "open" and not row.is_snoozed(today) and bool(row.days_overdue(today))
    title = row.title if len(row.title) <= TITLE_WIDTH else row.title[: TITLE_WIDTH - 1] + "…"
    text = Text.assemble(
        ("! " if late else "· ", "bold" if late else ""),
        (title.ljust(TITLE_WIDTH), "dim" if row.status != "open" else ""),
        "  ",
        state_of(row, today),
        (f"  · {row.owner}" if row.owner else "", "dim"),
    )
    if with_account:
        text.append(f"  · {row.account_name}", style="bold")
    return text


def ordered(rows: Sequence[FollowUpRow], today: date) -> list[FollowUpRow]:
    """Open and due first (earliest first), then snoozed, then the rest (latest done first)."""

    def key(row: FollowUpRow) -> tuple[int, str]:
        if row.status == "open" and not row.is_snoozed(today):
            return (0, row.due_on.isoformat() if row.due_on else "9999")
        if row.status == "open":
            return (1, row.snoozed_until.isoformat() if row.snoozed_until else "")
        done = row.completed_at.isoformat() if row.completed_at else ""
        return (2, "".join(chr(0x10FFFF - ord(c)) for c in done))  # latest first

    return sorted(rows, key=key)


class FollowUpList(FollowUpActions, OptionList):
    """Follow-ups as lines; the follow-up keys act on the highlighted one while this has focus."""

    BINDINGS: ClassVar[list[BindingType]] = [*FOLLOW_UP_BINDINGS]

    def __init__(self, *, with_account: bool = False, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.with_account = with_account
        self.rows: list[FollowUpRow] = []

    def show(self, rows: Sequence[FollowUpRow], today: date, empty: str) -> None:
        previous = self.follow_up_in_focus()
        prefer = self.restored_follow_up or (previous.follow_up_id if previous else None)
        self.restored_follow_up = None
        self.rows = ordered(rows, today)
        self.clear_options()
        if not self.rows:
            self.add_option(Option(Text(empty, style="dim"), disabled=True))
            return
        self.add_options(
            Option(line_of(row, today, with_account=self.with_account), id=row.id)
            for row in self.rows
        )
        index = next((i for i, row in enumerate(self.rows) if row.id == prefer), 0)
        self.highlighted = index

    def follow_up_in_focus(self) -> FollowUpInFocus | None:
        if self.highlighted is None or not self.rows or self.highlighted >= len(self.rows):
            return None
        row = self.rows[self.highlighted]
        return FollowUpInFocus(row.id, row.title, row.account_id, row.owner)
