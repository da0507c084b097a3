"""The Today queue as one keyboard list: a heading per section, one line per thing to act on.

Headings (and the "… more" lines of long sections) cannot be highlighted, so the cursor only ever
rests on something actionable. Each line starts with a glyph that carries the urgency in text:
`!` for the flagged part of a section (overdue, red, no agreed plan), `·` otherwise.
"""

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from cs_tui.data.work.today_views import (
    FLAGGED_MEANING,
    CadenceDue,
    FollowUpDue,
    HealthDrop,
    RenewalDue,
    SurveyAlert,
    TodayQueue,
    TodayRow,
    TodaySection,
)

NAME_WIDTH = 30


def is_flagged(row: TodayRow) -> bool:
    """Whether the row is in the urgent part of its section (see `FLAGGED_MEANING`)."""
    if isinstance(row, FollowUpDue):
        return row.days_overdue > 0
    if isinstance(row, CadenceDue):
        return row.severity == "red"
    if isinstance(row, RenewalDue):
        return row.flagged
    if isinstance(row, HealthDrop):
        return row.band_now == "red"
    return isinstance(row, SurveyAlert)


def row_text(row: TodayRow, *, show_owner: bool, styles: Mapping[str, str]) -> Text:
    flagged = is_flagged(row)
    name = row.account_name
    if len(name) > NAME_WIDTH:
        name = name[: NAME_WIDTH - 1] + "…"
    text = Text.assemble(
        ("! " if flagged else "· ", styles.get("flag", "bold") if flagged else ""),
        (name.ljust(NAME_WIDTH), "bold"),
        "  ",
        row.headline,
    )
    if show_owner and row.owner:
        text.append(f"  · {row.owner}", style="dim")
    return text


def heading_text(section: TodaySection) -> Text:
    flagged = f", {section.flagged} {FLAGGED_MEANING[section.key]}" if section.flagged else ""
    return Text.assemble((section.title, "bold underline"), (f"  {section.total}{flagged}", "dim"))


class TodayList(OptionList):
    """The queue's rows; `row_for(option_id)` gives the row behind the highlighted line."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.rows: dict[str, TodayRow] = {}

    def show(
        self, queue: TodayQueue, *, styles: Mapping[str, str], prefer: str | None = None
    ) -> None:
        """Show the queue, keeping the cursor on the same line, or on follow-up `prefer`."""
        previous = self.highlighted_row()
        options: list[Option] = []
        self.rows = {}
        team = queue.owner is None
        for section in queue.sections:
            options.append(Option(heading_text(section), id=f"head:{section.key}", disabled=True))
            if not section.rows:
                options.append(Option(Text("  nothing here", style="dim"), disabled=True))
            for index, row in enumerate(section.rows):
                key = f"{section.key}:{index}"
                self.rows[key] = row
                options.append(Option(row_text(row, show_owner=team, styles=styles), id=key))
            if section.truncated:
                more = section.total - len(section.rows)
                options.append(Option(Text(f"  … and {more:,} more", style="dim"), disabled=True))
        self.clear_options()
        self.add_options(options)
        self._restore(previous, prefer)

    def _restore(self, previous: TodayRow | None, prefer: str | None) -> None:
        """Keep the cursor on the same account (or the first actionable line)."""
        keys = list(self.rows)
        if not keys:
            return
        target = keys[0]
        preferred = [k for k, row in self.rows.items() if prefer and row.follow_up_id == prefer]
        if preferred:
            target = preferred[0]
        elif previous is not None:
            target = next(
                (k for k, row in self.rows.items() if row.account_id == previous.account_id
                 and type(row) is type(previous)),
                target,
            )  # fmt: skip
        self.highlighted = self.get_option_index(target)

    def highlighted_row(self) -> TodayRow | None:
        if self.highlighted is None or not self.rows:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.rows.get(option.id or "")
