"""Follow-ups: complete, reopen, snooze, reassign, reschedule, delete and restore; lists and filters."""

import pytest

from cs_tui.data.accounts.records import get_account_detail
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.data.work.drafts import FollowUpDraft, SnoozeDraft
from cs_tui.data.work.follow_up_list import StatusFilter, list_follow_ups
from cs_tui.data.work.follow_ups import (
    add_follow_up,
    cancel_follow_up,
    complete_follow_up,
    delete_follow_up,
    reassign_follow_up,
    reopen_follow_up,
    reschedule_follow_up,
    restore_follow_up,
    snooze_follow_up,
    unsnooze_follow_up,
)
from tests.conftest import FROZEN_NOW, TEST_USER
from tests.unit.data.daily_book import add_account, day


def follow_up(
    db: Database, title: str, due: int, *, account: str = "Acme", owner: str | None = None
) -> str:
    return add_follow_up(db, account, FollowUpDraft(title=title, due_on=day(due), owner=owner)).id


def titles(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [row.title for row in rows]


def test_adding_by_hand_defaults_to_me_and_the_cadence(db: Database) -> None:
    add_account(db, "Acme", segment="Mid-Market")
    row = add_follow_up(db, "Acme", FollowUpDraft(title="Check the rollout"))
    assert (row.owner, row.due_on, row.origin, row.status) == (TEST_USER, day(30), "manual", "open")
    assert row.account_name == "Acme"


def test_completing_takes_it_out_of_the_open_counts_and_reopening_brings_it_back(
    db: Database,
) -> None:
    add_account(db, "Acme")
    late = follow_up(db, "Send recap", -2)
    assert get_account_detail(db, "Acme").overdue_followups == 1
    done = complete_follow_up(db, late[-8:])
    assert done.status == "done" and done.completed_at == FROZEN_NOW
    detail = get_account_detail(db, "Acme")
    assert (detail.open_followups, detail.overdue_followups) == (0, 0)
    reopened = reopen_follow_up(db, late)
    assert reopened.status == "open" and reopened.completed_at is None
    assert get_account_detail(db, "Acme").overdue_followups == 1


def test_snoozing_needs_a_later_day_and_a_reason_and_hides_it_until_then(db: Database) -> None:
    add_account(db, "Acme")
    late = follow_up(db, "Chase invoice", -1)
    with pytest.raises(InvalidInputError) as error:
        snooze_follow_up(db, late, SnoozeDraft(until=day(0), reason="busy"))
    assert error.value.field == "until"
    snoozed = snooze_follow_up(db, late, SnoozeDraft(until=day(5), reason="Out of office"))
    assert (snoozed.snoozed_until, snoozed.snooze_reason) == (day(5), "Out of office")
    assert snoozed.is_snoozed(day(0)) and not snoozed.is_snoozed(day(5))
    assert get_account_detail(db, "Acme").overdue_followups == 0
    assert titles(list_follow_ups(db, status=StatusFilter.ACTIVE)) == []
    assert titles(list_follow_ups(db, status=StatusFilter.OPEN)) == ["Chase invoice"]
    unsnooze_follow_up(db, late)
    assert titles(list_follow_ups(db, status=StatusFilter.ACTIVE)) == ["Chase invoice"]


def test_a_done_follow_up_cannot_be_snoozed(db: Database) -> None:
    add_account(db, "Acme")
    done = follow_up(db, "Old", -1)
    complete_follow_up(db, done)
    with pytest.raises(InvalidInputError, match="only an open follow-up"):
        snooze_follow_up(db, done, SnoozeDraft(until=day(3), reason="later"))


def test_reassign_and_reschedule(db: Database) -> None:
    add_account(db, "Acme")
    one = follow_up(db, "Intro to product", 3)
    assert reassign_follow_up(db, one, " sam ").owner == "sam"
    with pytest.raises(InvalidInputError, match="owner: give a name of 1 to 120 characters"):
        reassign_follow_up(db, one, "  ")
    snooze_follow_up(db, one, SnoozeDraft(until=day(9), reason="waiting"))
    moved = reschedule_follow_up(db, one, day(20))
    assert (moved.due_on, moved.snoozed_until) == (day(20), None)


def test_delete_is_a_tombstone_that_restore_undoes(db: Database) -> None:
    add_account(db, "Acme")
    gone = follow_up(db, "Mistake", 1)
    deleted = delete_follow_up(db, gone)
    assert deleted.deleted
    assert list_follow_ups(db, status=StatusFilter.ALL) == []
    with pytest.raises(NotFoundError, match="no follow-up has the id"):
        complete_follow_up(db, gone)
    assert get_account_detail(db, "Acme").open_followups == 0
    restore_follow_up(db, gone[-8:])
    assert titles(list_follow_ups(db)) == ["Mistake"]
    assert get_account_detail(db, "Acme").open_followups == 1


def test_cancelled_follow_ups_leave_the_open_list_but_stay_in_all(db: Database) -> None:
    add_account(db, "Acme")
    one = follow_up(db, "Not needed", 1)
    cancel_follow_up(db, one)
    assert list_follow_ups(db) == []
    assert titles(list_follow_ups(db, status=StatusFilter.CANCELLED)) == ["Not needed"]


def test_lists_filter_by_account_owner_due_date_and_overdue(db: Database) -> None:
    add_account(db, "Acme")
    add_account(db, "Globex", owner="sam")
    follow_up(db, "Acme late", -3)
    follow_up(db, "Acme soon", 2)
    follow_up(db, "Globex late", -1, account="Globex", owner="sam")
    follow_up(db, "Globex later", 30, account="Globex", owner="sam")
    assert titles(list_follow_ups(db)) == ["Acme late", "Globex late", "Acme soon", "Globex later"]
    assert titles(list_follow_ups(db, account="Globex")) == ["Globex late", "Globex later"]
    assert titles(list_follow_ups(db, owner="sam")) == ["Globex late", "Globex later"]
    assert titles(list_follow_ups(db, due_before=day(3))) == [
        "Acme late",
        "Globex late",
        "Acme soon",
    ]
    assert titles(list_follow_ups(db, overdue=True)) == ["Acme late", "Globex late"]
    assert titles(list_follow_ups(db, limit=1)) == ["Acme late"]
    row = list_follow_ups(db, account="Acme")[0]
    assert row.days_overdue(day(0)) == 3 and row.account_name == "Acme"


def test_short_ids_are_the_last_characters_and_must_be_unambiguous(db: Database) -> None:
    add_account(db, "Acme")
    one = follow_up(db, "One", 1)
    assert complete_follow_up(db, one[-8:].upper()).title == "One"
    with pytest.raises(NotFoundError, match="not a follow-up id"):
        complete_follow_up(db, "zz")
    with pytest.raises(NotFoundError, match="no follow-up"):
        complete_follow_up(db, "0123456789ab")
