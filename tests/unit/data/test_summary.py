"""The account summary's follow-up counts: open ones, and the overdue among them (snoozes respected)."""

from datetime import date

from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.accounts.summary import refresh_book
from cs_tui.data.store.database import Database
from cs_tui.domain.book import account_row as r
from cs_tui.domain.enums import FollowUpStatus
from cs_tui.models import Account
from cs_tui.models.activity import FollowUp

TODAY = date(2026, 6, 15)  # the frozen clock's date


def test_overdue_counts_only_open_unsnoozed_follow_ups_past_due(db: Database) -> None:
    with db.write() as session:
        acme, globex = Account(name="Acme"), Account(name="Globex")
        session.add_all([acme, globex])
        session.flush()
        session.add_all(
            [
                FollowUp(account_id=acme.id, title="late", due_on=date(2026, 6, 1)),
                FollowUp(account_id=acme.id, title="due today", due_on=TODAY),
                FollowUp(account_id=acme.id, title="no date"),
                FollowUp(
                    account_id=acme.id,
                    title="snoozed",
                    due_on=date(2026, 6, 1),
                    snoozed_until=date(2026, 7, 1),
                ),
                FollowUp(
                    account_id=acme.id,
                    title="snooze over",
                    due_on=date(2026, 6, 1),
                    snoozed_until=date(2026, 6, 10),
                ),
                FollowUp(
                    account_id=acme.id,
                    title="done",
                    due_on=date(2026, 6, 1),
                    status=FollowUpStatus.DONE,
                ),
                FollowUp(account_id=globex.id, title="globex late", due_on=date(2026, 5, 1)),
            ]
        )
    refresh_book(db)
    counts = {
        row[r.NAME]: (row[r.OPEN_FOLLOWUPS], row[r.OVERDUE_FOLLOWUPS])
        for row in fetch_account_rows(db)
    }
    assert counts == {"Acme": (5, 2), "Globex": (1, 1)}
