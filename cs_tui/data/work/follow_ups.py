"""Follow-ups by hand: add, complete, reopen, snooze, reassign, reschedule, delete and restore.

Each action is one transaction through `account_write` and returns the follow-up as it now is.
Follow-ups are named by their id or its short id (the lists show the last 8 characters).
"""

from datetime import date

from sqlmodel import Session

from cs_tui.data.accounts.changes import account_write
from cs_tui.data.accounts.references import resolve_account
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.data.store.ids import by_short_id
from cs_tui.data.work.drafts import FollowUpDraft, SnoozeDraft
from cs_tui.data.work.follow_up_list import follow_up_row
from cs_tui.data.work.views import FollowUpRow
from cs_tui.domain.enums import FollowUpOrigin, FollowUpStatus
from cs_tui.domain.work.cadence import DEFAULT_CADENCES, Cadences, default_due_on
from cs_tui.models import Account, FollowUp


def resolve_follow_up(session: Session, reference: str, *, deleted: bool = False) -> FollowUp:
    """The follow-up `reference` names: its id, or its short id (the last 8 characters)."""
    return by_short_id(session, FollowUp, reference, what="a follow-up", deleted=deleted)


def _row(session: Session, follow_up: FollowUp) -> FollowUpRow:
    session.flush()
    account = session.get(Account, follow_up.account_id)
    return follow_up_row(follow_up, account.name if account else "")


def add_follow_up(
    db: Database,
    account_reference: str,
    draft: FollowUpDraft,
    *,
    cadences: Cadences = DEFAULT_CADENCES,
) -> FollowUpRow:
    """A follow-up added by hand; due by default before the account's next touch is due."""
    with account_write(db) as write:
        account = resolve_account(write.session, account_reference)
        follow_up = FollowUp(
            account_id=account.id,
            title=draft.title,
            kind=draft.kind,
            priority=draft.priority,
            owner=draft.owner or db.user,
            due_on=draft.due_on or default_due_on(db.today(), account.segment, cadences),
            origin=FollowUpOrigin.MANUAL,
        )
        write.session.add(follow_up)
        write.touch(account.id)
        return _row(write.session, follow_up)


def _change(db: Database, reference: str, **values: object) -> FollowUpRow:
    with account_write(db) as write:
        follow_up = resolve_follow_up(write.session, reference)
        for name, value in values.items():
            setattr(follow_up, name, value)
        write.touch(follow_up.account_id)
        return _row(write.session, follow_up)


def complete_follow_up(db: Database, reference: str) -> FollowUpRow:
    """Mark it done (it leaves Today and the open counts); `reopen_follow_up` undoes it."""
    return _change(
        db,
        reference,
        status=FollowUpStatus.DONE,
        completed_at=db.now(),
        snoozed_until=None,
        snooze_reason="",
    )


def reopen_follow_up(db: Database, reference: str) -> FollowUpRow:
    return _change(db, reference, status=FollowUpStatus.OPEN, completed_at=None)


def cancel_follow_up(db: Database, reference: str) -> FollowUpRow:
    """No longer needed, but kept in the history (unlike a delete)."""
    return _change(db, reference, status=FollowUpStatus.CANCELLED, completed_at=None)


def snooze_follow_up(db: Database, reference: str, snooze: SnoozeDraft) -> FollowUpRow:
    """Hide it from Today until a later day, with a reason."""
    today = db.today()
    if snooze.until <= today:
        raise InvalidInputError(
            f"until: {snooze.until.isoformat()} is not after today ({today.isoformat()}); a "
            "snooze hides a follow-up until a later day",
            field="until",
        )
    with account_write(db) as write:
        follow_up = resolve_follow_up(write.session, reference)
        if follow_up.status != FollowUpStatus.OPEN:
            raise InvalidInputError(
                f"follow-up {follow_up.id.hex[-8:]} is {follow_up.status}; only an open follow-up "
                "can be snoozed",
                field="status",
            )
        follow_up.snoozed_until = snooze.until
        follow_up.snooze_reason = snooze.reason
        write.touch(follow_up.account_id)
        return _row(write.session, follow_up)


def unsnooze_follow_up(db: Database, reference: str) -> FollowUpRow:
    return _change(db, reference, snoozed_until=None, snooze_reason="")


def reassign_follow_up(db: Database, reference: str, owner: str) -> FollowUpRow:
    owner = owner.strip()
    if not owner or len(owner) > 120:
        raise InvalidInputError("owner: give a name of 1 to 120 characters", field="owner")
    return _change(db, reference, owner=owner)


def reschedule_follow_up(db: Database, reference: str, due_on: date) -> FollowUpRow:
    """A new due day; a snooze ending before it no longer matters and is cleared."""
    return _change(db, reference, due_on=due_on, snoozed_until=None, snooze_reason="")


def delete_follow_up(db: Database, reference: str) -> FollowUpRow:
    """Tombstone it (gone from every list); `restore_follow_up` with the same id undoes it."""
    return _change(db, reference, deleted_at=db.now())


def restore_follow_up(db: Database, reference: str) -> FollowUpRow:
    with account_write(db) as write:
        follow_up = resolve_follow_up(write.session, reference, deleted=True)
        follow_up.deleted_at = None
        write.touch(follow_up.account_id)
        return _row(write.session, follow_up)
