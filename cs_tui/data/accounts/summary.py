"""The per-account summary cache behind the list and Today: last touch, follow-ups, plan status.

Derived data: recomputed from the source tables after writes and on rescoring, never edited.
Every subquery looks up one account through an index that starts with `account_id` (the due-date
test is a conditional sum, so no planner is tempted by the book-wide `(status, due_on)` index and a
refresh stays linear in the size of the book).
"""

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Uuid, bindparam, text

if TYPE_CHECKING:
    from cs_tui.data.store.database import Database

_REFRESH = """
INSERT INTO account_summary (account_id, last_touch_on, open_followups, overdue_followups,
                             plan_status, score, band, score_delta, previous_band, coverage, overridden)
SELECT a.id,
       (SELECT max(c.occurred_on) FROM check_in c
         WHERE c.account_id = a.id AND c.deleted_at IS NULL AND c.kind <> 'internal_note'),
       (SELECT count(*) FROM follow_up f
         WHERE f.account_id = a.id AND f.deleted_at IS NULL AND f.status = 'open'),
       COALESCE((SELECT sum(CASE WHEN f.due_on < :today
                                  AND (f.snoozed_until IS NULL OR f.snoozed_until <= :today)
                                 THEN 1 ELSE 0 END)
                  FROM follow_up f
                  WHERE f.account_id = a.id AND f.deleted_at IS NULL AND f.status = 'open'), 0),
       COALESCE((SELECT p.status FROM success_plan p
                  WHERE p.account_id = a.id AND p.deleted_at IS NULL), ''),
       NULL, '', NULL, '', 0, false
FROM account a
WHERE a.deleted_at IS NULL {only}
ON CONFLICT (account_id) DO UPDATE SET
    last_touch_on = excluded.last_touch_on,
    open_followups = excluded.open_followups,
    overdue_followups = excluded.overdue_followups,
    plan_status = excluded.plan_status
"""


def refresh_summaries(
    connection: Connection, *, today: date, account_ids: Sequence[object] | None = None
) -> None:
    """Recompute the activity columns of the summary for some accounts (default: all)."""
    if account_ids is not None and not account_ids:
        return
    if account_ids is None:
        connection.execute(text(_REFRESH.format(only="")), {"today": today})
        return
    statement = text(_REFRESH.format(only="AND a.id IN :ids")).bindparams(
        bindparam("ids", expanding=True, type_=Uuid())
    )
    connection.execute(statement, {"today": today, "ids": list(account_ids)})


def refresh_book(db: "Database") -> None:
    """Recompute the summary of every account (after a bulk load)."""
    with db.write_connection() as connection:
        refresh_summaries(connection, today=db.today())
