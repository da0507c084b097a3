"""The stakeholder form: a new person on the account (`n` on the Stakeholders tab) or an edit (`e`).

Editing hands over only the fields the user changed; see `RecordForm` for saving and conflicts.
"""

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from textual.widget import Widget

from cs_tui.data.accounts.views import StakeholderView
from cs_tui.data.stakeholders.fields import (
    INPUT_OF,
    INPUTS,
    default_label,
    parse_stakeholder_input,
    person_texts,
    person_values,
)
from cs_tui.domain.enums import StakeholderRole
from cs_tui.screens.record_form import YES_NO, RecordForm
from cs_tui.widgets.stakeholder_panel import ROLE_LABELS

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database


class StakeholderForm(RecordForm[StakeholderView]):
    """Name, e-mail, title, role and whether they are the primary contact."""

    inputs = INPUTS

    def __init__(
        self, account_id: str, account_name: str, person: StakeholderView | None = None,
        *, name: str = "",
    ) -> None:  # fmt: skip
        opened = person_values(person) if person is not None else None
        texts = person_texts(opened or {"name": name, "role": StakeholderRole.USER.value})
        heading = (
            f"Edit stakeholder: {person.name}" if person else f"New stakeholder of {account_name}"
        )
        super().__init__(
            heading, opened=opened, texts=texts, label=default_label, form_id="stakeholder-form"
        )
        self.account_id = account_id
        self.person_id = person.id if person is not None else None

    def fields(self) -> Iterable[Widget]:
        yield self.text_row("name")
        yield self.text_row("email", placeholder="name@customer.com")
        yield self.text_row("title", placeholder="e.g. VP Operations")
        yield self.choice_row("role", ((label, role) for role, label in ROLE_LABELS.items()))
        yield self.choice_row("primary", YES_NO)

    def check(self, typed: Mapping[str, str | bool]) -> None:
        parse_stakeholder_input(typed)

    def write(
        self, db: "Database", typed: Mapping[str, str | bool], opened: Mapping[str, Any] | None
    ) -> StakeholderView:
        from cs_tui.data.stakeholders.people import add_stakeholder_to, edit_stakeholder

        if self.person_id is None:
            return add_stakeholder_to(db, self.account_id, typed)
        return edit_stakeholder(db, self.person_id, typed, opened=opened)

    def input_of(self, field: str) -> str:
        return INPUT_OF.get(field, field)
