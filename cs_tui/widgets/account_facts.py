"""The key facts at the top of Account 360: who owns it, what it is worth, when it renews, who's who."""

from datetime import date

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cs_tui.data.accounts.views import AccountDetail
from cs_tui.domain.money import format_money
from cs_tui.domain.present import days_phrase


def facts_table(detail: AccountDetail, today: date) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="ellipsis")
    renewal = "-"
    if detail.contract_end:
        days = (detail.contract_end - today).days
        renewal = f"{detail.contract_end.isoformat()} ({days_phrase(days)})"
        if detail.auto_renew:
            renewal += " · auto-renews"
    champion = next(
        (p for p in detail.stakeholders if p.role == "champion" and not p.left_on), None
    )
    sponsor = next(
        (p for p in detail.stakeholders if p.role == "executive_sponsor" and not p.left_on), None
    )
    rows = [
        ("Owner", detail.owner or "-"),
        ("Segment", " · ".join(x for x in (detail.segment, detail.industry) if x) or "-"),
        ("Stage", detail.lifecycle_stage.replace("_", " ")),
        ("ARR", format_money(detail.arr_minor, detail.currency)),
        ("Renewal", renewal),
        ("Seats", str(detail.licensed_seats) if detail.licensed_seats is not None else "-"),
        ("Champion", champion.name if champion else "none"),
        ("Sponsor", sponsor.name if sponsor else "none"),
        ("Tags", ", ".join(detail.tags) or "-"),
    ]
    for label, value in rows:
        table.add_row(label, Text(value))
    return table


class AccountFacts(Static):
    """Key facts of one account (rendered from an `AccountDetail`)."""

    def show(self, detail: AccountDetail, today: date) -> None:
        self.update(facts_table(detail, today))
