"""The account form: every field of an account, for a new one or to edit one (`e` on Account 360).

Editing hands over only the fields the user changed; see `RecordForm` for saving and conflicts.
"""

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from textual.widget import Widget

from cs_tui.data.accounts.edit_fields import (
    FIELD_OF,
    INPUT_OF,
    INPUTS,
    default_label,
    editable_values,
    input_texts,
    parse_account_input,
)
from cs_tui.data.accounts.views import AccountDetail
from cs_tui.domain.enums import LifecycleStage
from cs_tui.screens.record_form import YES_NO, RecordForm

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database

NEW_ACCOUNT_TEXTS = {"stage": LifecycleStage.ONBOARDING.value, "currency": "USD",
                     "auto_renew": "no"}  # fmt: skip


class AccountForm(RecordForm[AccountDetail]):
    """A new account (`detail` None) or an edit of `detail`; closes with the saved account."""

    inputs = INPUTS

    def __init__(self, detail: AccountDetail | None = None) -> None:
        opened = editable_values(detail) if detail is not None else None
        texts = input_texts(opened) if opened is not None else NEW_ACCOUNT_TEXTS
        heading = f"Edit account: {detail.name}" if detail is not None else "New account"
        super().__init__(
            heading, opened=opened, texts=texts, label=default_label, form_id="account-form"
        )
        self.account_id = detail.id if detail is not None else None

    def fields(self) -> Iterable[Widget]:
        yield self.text_row("name")
        yield self.text_row("owner", placeholder="the CSM who owns it")
        yield self.text_row("segment", placeholder="Enterprise, Mid-Market, SMB…")
        yield self.text_row("industry")
        yield self.choice_row("stage", ((s.value.title(), s.value) for s in LifecycleStage))
        yield self.text_row("arr", placeholder="e.g. 12,500.00", hint="annual, in the currency")
        yield self.text_row("currency", placeholder="USD, EUR…")
        yield self.text_row("contract_start", placeholder="YYYY-MM-DD")
        yield self.text_row("renewal", placeholder="YYYY-MM-DD", hint="the contract's end")
        yield self.choice_row("auto_renew", YES_NO)
        yield self.text_row("seats", placeholder="licensed seats")
        yield self.text_row("tags", placeholder="comma-separated")
        yield self.text_row("domain", placeholder="acme.com")
        yield self.text_row("external_id", placeholder="the CRM's id")

    def check(self, typed: Mapping[str, str | bool]) -> None:
        parse_account_input(typed)

    def write(
        self, db: "Database", typed: Mapping[str, str | bool], opened: Mapping[str, Any] | None
    ) -> AccountDetail:
        from cs_tui.data.accounts.edits import add_account, edit_account

        if self.account_id is None:
            return add_account(db, typed)
        return edit_account(db, self.account_id, typed, opened=opened)

    def input_of(self, field: str) -> str:
        key = INPUT_OF.get(field, field)
        return key if key in FIELD_OF else field
