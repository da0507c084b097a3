"""The account list's table: the lazy table with the book's columns and band styles.

Every cell is text first (a number, a label, a glyph); colour only repeats what the text says.
"""

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from cs_tui.domain.book import account_row as r
from cs_tui.domain.health_labels import OVERRIDE_LABEL, band_label, trend_glyph
from cs_tui.domain.money import format_compact
from cs_tui.domain.present import days_phrase
from cs_tui.widgets.lazy_table import LazyTable
from cs_tui.widgets.table_columns import Column, Row

BAND_CLASSES = {
    "red": "account-table--red",
    "yellow": "account-table--yellow",
    "green": "account-table--green",
    "insufficient": "account-table--muted",
}


def _health(value: Any, row: Row) -> str:
    """` 72 Healthy ▲`, `40 At risk ▼ override`: the words of `domain.health_labels`."""
    band = row[r.BAND]
    if value is None:
        return band_label(band)
    if row[r.OVERRIDDEN]:
        return f"{value:.0f} {band_label(band)} {trend_glyph(row[r.SCORE_DELTA])} {OVERRIDE_LABEL}"
    return f"{value:>3.0f} {band_label(band)} {trend_glyph(row[r.SCORE_DELTA])}"


def _band_style(_value: Any, row: Row) -> str | None:
    return BAND_CLASSES.get(row[r.BAND])


def _arr(value: Any, row: Row) -> str:
    return format_compact(value, row[r.CURRENCY])


def _followups(value: Any, row: Row) -> str:
    overdue = row[r.OVERDUE_FOLLOWUPS]
    return f"{value} ({overdue} late)" if overdue else str(value)


def _followup_style(_value: Any, row: Row) -> str | None:
    return "account-table--alert" if row[r.OVERDUE_FOLLOWUPS] else None


def _plan(value: Any, _row: Row) -> str:
    return str(value) if value else "none"


def account_columns(today: Callable[[], date]) -> tuple[Column, ...]:
    """The list's columns; `today` is read when a cell is drawn, so day counts stay current."""

    def renewal(value: Any, _row: Row) -> str:
        if value is None:
            return "-"
        return f"{value.isoformat()} {days_phrase((value - today()).days)}"

    def renewal_style(value: Any, _row: Row) -> str | None:
        if value is None:
            return None
        days = (value - today()).days
        return "account-table--alert" if 0 <= days <= 60 else None

    def last_touch(value: Any, _row: Row) -> str:
        return "never" if value is None else days_phrase((value - today()).days)

    return (
        Column("name", "Account", index=r.NAME, min_width=14, share=4, priority=100),
        Column("owner", "Owner", index=r.OWNER, min_width=8, share=1, priority=40),
        Column("segment", "Segment", index=r.SEGMENT, width=10, priority=30),
        Column("arr", "ARR", index=r.ARR_MINOR, width=9, align="right", format=_arr, priority=80),
        Column(
            "renewal", "Renewal", index=r.RENEWAL_ON, width=18, format=renewal,
            style=renewal_style, priority=70,
        ),
        Column(
            "health", "Health", index=r.SCORE, width=21, format=_health, style=_band_style,
            priority=90,
        ),
        Column("last_touch", "Touched", index=r.LAST_TOUCH_ON, width=8, format=last_touch,
               priority=60),
        Column(
            "open_followups", "Follow-ups", index=r.OPEN_FOLLOWUPS, width=10, align="right",
            format=_followups, style=_followup_style, priority=50,
        ),
        Column("plan", "Plan", index=r.PLAN_STATUS, width=9, format=_plan, priority=20),
    )  # fmt: skip


class AccountTable(LazyTable):
    """The lazy table, themed for accounts: band and alert styles come from the theme."""

    COMPONENT_CLASSES: ClassVar[set[str]] = LazyTable.COMPONENT_CLASSES | {
        "account-table--red",
        "account-table--yellow",
        "account-table--green",
        "account-table--muted",
        "account-table--alert",
    }

    DEFAULT_CSS = """
    AccountTable {
        & > .account-table--red { color: $error; text-style: bold; }
        & > .account-table--yellow { color: $warning; }
        & > .account-table--green { color: $success; }
        & > .account-table--muted { color: $text-muted; }
        & > .account-table--alert { color: $warning; text-style: bold; }
    }
    """
