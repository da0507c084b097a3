"""The stakeholders tab: who is who on the customer's side (a champion who left is flagged)."""

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cs_tui.data.accounts.views import StakeholderView

ROLE_LABELS = {
    "champion": "Champion",
    "executive_sponsor": "Executive sponsor",
    "decision_maker": "Decision maker",
    "user": "User",
    "detractor": "Detractor",
}


def stakeholders_table(people: tuple[StakeholderView, ...]) -> Table:
    table = Table(box=None, expand=True, header_style="bold", pad_edge=False)
    table.add_column("Name", no_wrap=True, overflow="ellipsis")
    table.add_column("Role", no_wrap=True)
    table.add_column("Title", overflow="ellipsis", no_wrap=True)
    table.add_column("Email", overflow="ellipsis", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    for person in people:
        status = Text("★ primary" if person.is_primary else "")
        if person.left_on:
            status = Text(f"⚠ left {person.left_on.isoformat()}", style="bold")
        table.add_row(
            person.name,
            ROLE_LABELS.get(person.role, person.role),
            person.title or "-",
            person.email or "-",
            status,
        )
    return table


class StakeholderPanel(Static):
    def show(self, people: tuple[StakeholderView, ...]) -> None:
        self.update(stakeholders_table(people) if people else "No stakeholders recorded yet.")
