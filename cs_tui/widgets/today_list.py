"""The Today queue as one keyboard list: a heading per section, one line per thing to act on.

Headings (and the "… more" lines of long sections) cannot be highlighted, so the cursor only ever
rests on something actionable. Each line starts with a glyph that carries the urgency in text:
`!` for the flagged part of a section (overdue, red, no agreed plan), `·` otherwise. Every line
stays one line at any width (cut with an ellipsis), and the sections are numbered for the keys
that jump between them.
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
MIN_NAME_WIDTH = 14


def name_width(width: int) -> int:
    """The account-name column: 30 cells on a wide terminal, a third of a narrow one."""
    return max(MIN_NAME_WIDTH, min(NAME_WIDTH, (width - 4) // 3))


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


def row_text(
    row: TodayRow, *, show_owner: bool, styles: Mapping[str, str], width: int = NAME_WIDTH
) -> Text:
    flagged = is_flagged(row)
    name = row.account_name
    if len(name) > width:
        name = name[: width - 1] + "…"
    text = Text.assemble(
        ("! " if flagged else "· ", styles.get("flag", "bold") if flagged else ""),
        (name.ljust(width), "bold"),
        "  ",
        row.headline,
    )
    if show_owner and row.owner:
        text.append(f"  · {row.owner}", style="dim")
    return text


def heading_text(section: TodaySection, number: int | None = None) -> Text:
    flagged = f", {section.flagged} {FLAGGED_MEANING[section.key]}" if section.flagged else ""
    key = f"{number} " if number is not None else ""
    return Text.assemble(
        (key, "dim"), (section.title, "bold underline"), (f"  {section.total}{flagged}", "dim")
    )


class TodayList(OptionList):
    """The queue's rows; `row_for(option_id)` gives the row behind the highlighted line."""

    DEFAULT_CSS = """
    TodayList {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.rows: dict[str, TodayRow] = {}
        self.section_keys: tuple[str, ...] = ()
        self._shown: tuple[TodayQueue, Mapping[str, str]] | None = None
        self._name_width = NAME_WIDTH

    def show(
        self, queue: TodayQueue, *, styles: Mapping[str, str], prefer: str | None = None
    ) -> None:
        """Show the queue, keeping the cursor on the same line, or on follow-up `prefer`."""
        previous = self.highlighted_row()
        self._shown = (queue, styles)
        self._name_width = width = name_width(self.size.width or self.app.size.width)
        options: list[Option] = []
        self.rows = {}
        self.section_keys = tuple(section.key for section in queue.sections)
        team = queue.owner is None
        for number, section in enumerate(queue.sections, start=1):
            heading = heading_text(section, number)
            options.append(Option(heading, id=f"head:{section.key}", disabled=True))
            if not section.rows:
                options.append(Option(Text("  nothing here", style="dim"), disabled=True))
            for index, row in enumerate(section.rows):
                key = f"{section.key}:{index}"
                self.rows[key] = row
                line = row_text(row, show_owner=team, styles=styles, width=width)
                options.append(Option(line, id=key))
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

    def on_resize(self) -> None:
        """A new width may give the names another column width: lay the lines out again."""
        if self._shown is not None and name_width(self.size.width) != self._name_width:
            queue, styles = self._shown
            self.show(queue, styles=styles)

    # -- jumping between sections --------------------------------------------------------------

    def current_section(self) -> int | None:
        """The position of the section the cursor is in."""
        if self.highlighted is None:
            return None
        option_id = self.get_option_at_index(self.highlighted).id or ""
        key = option_id.split(":")[0]
        return self.section_keys.index(key) if key in self.section_keys else None

    def jump_to_section(self, position: int) -> bool:
        """Put the cursor on the first line of the section at `position` (0-based), with its
        heading in view; False when that section has nothing to act on."""
        if not 0 <= position < len(self.section_keys):
            return False
        key = self.section_keys[position]
        first = f"{key}:0"
        if first not in self.rows:
            return False
        self.highlighted = self.get_option_index(first)
        self.scroll_to(y=self._heading_line(key), animate=False, immediate=True)
        return True

    def jump(self, step: int) -> bool:
        """The next (`step` 1) or previous (-1) section that has lines to act on."""
        current = self.current_section()
        position = (-1 if step > 0 else len(self.section_keys)) if current is None else current
        for _ in range(len(self.section_keys)):
            position += step
            if not 0 <= position < len(self.section_keys):
                return False
            if self.jump_to_section(position):
                return True
        return False

    def _heading_line(self, key: str) -> int:
        """The line the section's heading is on (every option is one line)."""
        return self.get_option_index(f"head:{key}")

    def highlighted_row(self) -> TodayRow | None:
        if self.highlighted is None or not self.rows:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.rows.get(option.id or "")
