"""The app's daily-work actions, available from every screen: log a check-in, rescore the book.

A mixin of `CsTuiApp`, kept apart so the App shell stays a shell. A screen offers the account in
view through `account_in_focus()`; without one the user picks an account by name. The forms are
imported when first used, so that opening the app does not wait for them.
"""

from typing import TYPE_CHECKING, Protocol, cast

from textual import work

from cs_tui.app.failures import WorkerFailureHandling
from cs_tui.widgets.worker_failures import ReportsWorkerFailures

if TYPE_CHECKING:
    from cs_tui.app.shell import CsTuiApp
    from cs_tui.data.work.views import CheckInSaved


class HasAccountInFocus(Protocol):
    def account_in_focus(self) -> str | None: ...


class WorkActions(ReportsWorkerFailures, WorkerFailureHandling):
    """Actions on the book that any screen can start (mixed into `CsTuiApp`)."""

    @property
    def _cs(self) -> "CsTuiApp":
        return cast("CsTuiApp", self)

    def account_in_focus(self) -> str | None:
        """The account the current screen shows or highlights, if any."""
        offer = getattr(self.screen, "account_in_focus", None)
        return offer() if callable(offer) else None

    # -- check-ins -----------------------------------------------------------------------------

    def action_log_check_in(self) -> None:
        account_id = self.account_in_focus()
        if account_id is not None:
            self._check_in_on(account_id)
            return
        book = self._cs.book
        if book is None:
            self.notify("The book is still loading.", timeout=2)
            return
        from cs_tui.screens.account_picker import AccountPicker

        self.push_screen(AccountPicker(book, "Log a check-in on…"), self._picked_for_check_in)

    def _picked_for_check_in(self, account_id: str | None) -> None:
        if account_id:
            self._check_in_on(account_id)

    def _check_in_on(self, account_id: str) -> None:
        """Open the form at once when the loaded book knows the account (keys typed right after
        `c` then land in the form, not on the screen below); else read the account first."""
        from cs_tui.domain.book import account_row as r
        from cs_tui.screens.check_in import CheckInForm, CheckInTarget

        row = self._cs.book.row(account_id) if self._cs.book is not None else None
        if row is None:
            self._open_check_in(account_id)
            return
        target = CheckInTarget(
            account_id=account_id,
            account_name=row[r.NAME],
            segment=row[r.SEGMENT],
            stakeholders=None,  # the form reads them
            cadence_days=self._cs.cadences.for_segment(row[r.SEGMENT]),
        )
        form = CheckInForm(target, today=self._cs.today(), me=self._cs.settings.user)
        self.push_screen(form, self._checked_in)

    @work(thread=True, exit_on_error=False, exclusive=True, group="check-in-target")
    def _open_check_in(self, account_id: str) -> None:
        from cs_tui.data.accounts.records import get_account_detail
        from cs_tui.screens.check_in import CheckInForm, CheckInTarget

        detail = get_account_detail(self._cs.store.get(), account_id)
        target = CheckInTarget(
            account_id=detail.id,
            account_name=detail.name,
            segment=detail.segment,
            stakeholders=tuple(p.name for p in detail.stakeholders if p.left_on is None),
            cadence_days=self._cs.cadences.for_segment(detail.segment),
        )
        form = CheckInForm(target, today=self._cs.today(), me=self._cs.settings.user)
        self.call_from_thread(self.push_screen, form, self._checked_in)

    def _checked_in(self, saved: "CheckInSaved | None") -> None:
        if saved is None:
            return
        steps = len(saved.follow_up_ids)
        follow_ups = f", {steps} follow-up{'s' if steps != 1 else ''}" if steps else ""
        self.notify(f"Check-in saved on {saved.account_name}{follow_ups}", timeout=4)
        self._cs.accounts_changed([saved.account_id])

    # -- rescoring -----------------------------------------------------------------------------

    def rescore(self) -> None:
        """Recompute every account's health now (in the background, with progress)."""
        if any(w.group == "rescore" and not w.is_finished for w in self.workers):
            self.notify("Rescoring is already running.", timeout=2)
            return
        self._cs.activity = "Rescoring…"
        self._rescore_book()

    @work(thread=True, exit_on_error=False, exclusive=True, group="rescore")
    def _rescore_book(self) -> None:
        from cs_tui.data.scoring.rescoring import rescore_book
        from cs_tui.data.store.errors import StoreError

        def progress(done: int, total: int) -> None:
            self.call_from_thread(setattr, self, "activity", f"Rescoring… {done:,} of {total:,}")

        try:
            summary = rescore_book(self._cs.store.get(), progress=progress)
        except StoreError as error:
            self.call_from_thread(self._task_failed, str(error))
            return
        bands = ", ".join(f"{count:,} {band}" for band, count in sorted(summary.bands.items()))
        message = f"Rescored {summary.accounts:,} accounts in {summary.seconds:.1f}s: {bands}"
        self.call_from_thread(self._task_done, message)

    def _task_done(self, message: str) -> None:
        self._cs.activity = ""
        self.notify(message, timeout=6)
        self._cs.reload_book()
        self._cs.data_version += 1

    def after_task_failure(self, task: str) -> None:
        if task == "rescore":
            self._cs.activity = ""

    def _task_failed(self, message: str) -> None:
        self._cs.activity = ""
        self.notify(message, severity="error", timeout=10)
