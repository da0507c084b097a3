"""Adding a survey respondent as a stakeholder: the name (filled in from the response), a role and
a title; the address is the response's own."""

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from cs_tui.data.voice.views import ResponseView
from cs_tui.domain.enums import StakeholderRole
from cs_tui.screens.modal_form import FieldProblem, ModalForm, form_footer
from cs_tui.widgets.stakeholder_panel import ROLE_LABELS

NAME_LIMIT = 200


@dataclass(frozen=True)
class ContactDraft:
    survey_response_id: str
    name: str
    role: StakeholderRole
    title: str


class ContactForm(ModalForm[ContactDraft]):
    """ctrl+s (or enter in the last field) adds the person; escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="voice_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="voice_form.save", priority=True),
    ]

    def __init__(self, response: ResponseView) -> None:
        super().__init__()
        self.response = response

    def compose(self) -> ComposeResult:
        r = self.response
        with Vertical(id="contact-form", classes="dialog"):
            yield Static(f"Add {r.contact_email} to {r.account_name}", classes="dialog-title")
            yield Label(
                f"Answered {r.kind.upper()} {r.score} on {r.responded_on.isoformat()}",
                classes="hint",
            )
            yield Input(value=r.contact, placeholder="name (required)", id="contact-name")
            yield Select(
                [(label, role) for role, label in ROLE_LABELS.items()],
                value=StakeholderRole.USER.value, allow_blank=False, id="contact-role",
            )  # fmt: skip
            yield Input(placeholder="title (optional)", id="contact-title")
            yield form_footer()

    def draft(self) -> ContactDraft:
        name = self.query_one("#contact-name", Input).value.strip()
        if not name:
            raise FieldProblem("Name: give the person's name.", field="contact-name")
        if len(name) > NAME_LIMIT:
            raise FieldProblem(
                f"Name: keep it under {NAME_LIMIT} characters.", field="contact-name"
            )
        role = self.query_one("#contact-role", Select).value
        title = self.query_one("#contact-title", Input).value.strip()
        return ContactDraft(self.response.id, name, StakeholderRole(str(role)), title)
