"""Adding records by hand from anywhere in the app: "New account" (the list's `n`, the palette).

A mixin of `CsTuiApp`, like `WorkActions`; the form is imported when first used.
"""

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from cs_tui.app.shell import CsTuiApp
    from cs_tui.data.accounts.views import AccountDetail


class RecordActions:
    """New account: the form, then the new account's row in the list and its Account 360."""

    def action_new_account(self) -> None:
        from cs_tui.screens.account.account_form import AccountForm

        cast("CsTuiApp", self).push_screen(AccountForm(), self._account_added)

    def _account_added(self, detail: "AccountDetail | None") -> None:
        if detail is None:
            return
        app = cast("CsTuiApp", self)
        app.notify(f"Added {detail.name}", timeout=3)
        app.accounts_changed([detail.id])
        app.open_account(detail.id)
