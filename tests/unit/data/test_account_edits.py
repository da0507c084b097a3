"""Adding, editing, deleting and restoring accounts by hand, on SQLite and PostgreSQL."""

import threading
import uuid
from datetime import date

import pytest

from cs_tui.data.accounts.edit_fields import EditConflictError, editable_values
from cs_tui.data.accounts.edits import add_account, delete_account, edit_account, restore_account
from cs_tui.data.accounts.list_rows import fetch_account_rows
from cs_tui.data.accounts.records import get_account_detail
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import AmbiguousReferenceError, InvalidInputError, NotFoundError
from cs_tui.domain.book import account_row as r


def acme(db: Database, **extra: str | bool) -> str:
    typed: dict[str, str | bool] = {
        "name": "Acme Analytics", "owner": "tess", "segment": "Enterprise", "arr": "12,500.00",
        "currency": "USD", "renewal": "2027-03-31", "seats": "50", "tags": "Beta; EMEA",
        "external_id": "0015A", **extra,
    }  # fmt: skip
    return add_account(db, typed).id


def test_an_added_account_is_in_the_list_with_every_field(db: Database) -> None:
    account_id = acme(db, auto_renew=True, stage="adoption", domain="https://www.acme.com/x")
    detail = get_account_detail(db, account_id)
    assert (detail.name, detail.owner, detail.segment) == ("Acme Analytics", "tess", "Enterprise")
    assert (detail.arr_minor, detail.currency) == (1_250_000, "USD")
    assert detail.contract_end == date(2027, 3, 31)
    assert (detail.licensed_seats, detail.auto_renew) == (50, True)
    assert detail.tags == ("beta", "emea")
    assert (detail.domain, detail.lifecycle_stage, detail.external_id) == (
        "acme.com", "adoption", "0015A",
    )  # fmt: skip
    rows = fetch_account_rows(db)
    assert [row[r.NAME] for row in rows] == ["Acme Analytics"]


def test_an_amount_naming_its_currency_sets_the_currency(db: Database) -> None:
    detail = add_account(db, {"name": "Zeta", "arr": "€48 000"})
    assert (detail.arr_minor, detail.currency) == (4_800_000, "EUR")
    with pytest.raises(InvalidInputError, match="ARR: the amount is in GBP, but Currency says EUR"):
        add_account(db, {"name": "Eta", "arr": "48000 GBP", "currency": "EUR"})


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ({"arr": "-5"}, "ARR: ARR cannot be negative"),
        ({"arr": "lots"}, "ARR: not an amount"),
        ({"currency": "dollars"}, "Currency: not a currency"),
        ({"renewal": "2027-02-30"}, "Renewal: '2027-02-30' is not a date"),
        ({"seats": "-3"}, "Seats: cannot be negative"),
        ({"stage": "happy"}, "Stage: not a lifecycle stage"),
        ({"domain": "not a domain"}, "Domain: 'not a domain' is not a domain name"),
        ({"contract_start": "2028-01-01"}, "Renewal: 2027-03-31 is before Contract start 2028"),
        ({"name": " "}, "Name: cannot be empty"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    db: Database, typed: dict[str, str], message: str
) -> None:
    account_id = acme(db)
    before = get_account_detail(db, account_id)
    with pytest.raises(InvalidInputError, match=message):
        edit_account(db, account_id, typed)
    assert get_account_detail(db, account_id) == before
    with pytest.raises(InvalidInputError, match=message.split(":")[0]):
        add_account(db, {"name": "Other", "renewal": "2027-03-31", **typed})
    assert len(fetch_account_rows(db)) == 1


def test_an_edit_changes_only_the_named_fields(db: Database) -> None:
    account_id = acme(db)
    before = get_account_detail(db, account_id)
    after = edit_account(db, "acme", {"renewal": "2027-06-30", "owner": "sam"})
    assert (after.contract_end, after.owner) == (date(2027, 6, 30), "sam")
    unchanged = {**editable_values(before), "contract_end": after.contract_end, "owner": "sam"}
    assert editable_values(after) == unchanged
    assert after.updated_by == "tess"


def test_a_new_currency_keeps_the_amount_unless_it_cannot(db: Database) -> None:
    account_id = acme(db)
    assert edit_account(db, account_id, {"currency": "eur"}).arr_minor == 1_250_000
    assert edit_account(db, account_id, {"currency": "JPY"}).arr_minor == 12_500
    edit_account(db, account_id, {"currency": "USD", "arr": "10.50"})
    with pytest.raises(InvalidInputError, match="Currency: JPY amounts have 0 decimals at most"):
        edit_account(db, account_id, {"currency": "JPY"})


def test_a_taken_crm_id_is_refused(db: Database) -> None:
    acme(db)
    with pytest.raises(InvalidInputError, match="'0015A' is already the CRM id of Acme Analytics"):
        add_account(db, {"name": "Copy", "external_id": "0015A"})
    other = add_account(db, {"name": "Beta"}).id
    with pytest.raises(InvalidInputError, match="CRM id"):
        edit_account(db, other, {"external_id": "0015A"})


def test_an_ambiguous_or_unknown_name_changes_nothing(db: Database) -> None:
    acme(db)
    add_account(db, {"name": "Acme Robotics"})
    with pytest.raises(AmbiguousReferenceError, match=r"Acme Analytics .*Acme Robotics"):
        edit_account(db, "acme", {"owner": "sam"})
    with pytest.raises(NotFoundError, match="no account matches 'zzz'"):
        edit_account(db, "zzz", {"owner": "sam"})
    assert {row[r.OWNER] for row in fetch_account_rows(db)} == {"tess", ""}


def test_delete_is_a_tombstone_and_restore_brings_it_back(db: Database) -> None:
    account_id = acme(db)
    deleted = delete_account(db, "Acme Analytics")
    assert deleted.id == account_id
    assert fetch_account_rows(db) == []
    with pytest.raises(NotFoundError):
        get_account_detail(db, account_id)
    with pytest.raises(NotFoundError, match="no deleted account matches 'Beta'"):
        restore_account(db, "Beta")
    restored = restore_account(db, "acme analytics")
    assert restored.id == account_id
    assert restored.tags == ("beta", "emea")
    assert [row[r.NAME] for row in fetch_account_rows(db)] == ["Acme Analytics"]


def test_a_form_opened_before_someone_else_saved_never_writes_back_their_fields(
    db: Database,
) -> None:
    account_id = acme(db)
    opened = editable_values(get_account_detail(db, account_id))
    edit_account(db, account_id, {"renewal": "2027-09-30", "seats": "80"})  # someone else
    mine = edit_account(db, account_id, {"owner": "sam"}, opened=opened)
    assert mine.owner == "sam"
    assert (mine.contract_end, mine.licensed_seats) == (date(2027, 9, 30), 80)  # theirs stays


def test_a_field_both_changed_is_a_conflict_and_nothing_is_written(db: Database) -> None:
    account_id = acme(db)
    opened = editable_values(get_account_detail(db, account_id))
    edit_account(db, account_id, {"renewal": "2027-09-30"})  # someone else
    with pytest.raises(EditConflictError) as caught:
        edit_account(db, account_id, {"renewal": "2027-12-31", "owner": "sam"}, opened=opened)
    error = caught.value
    assert "Renewal: now 2027-09-30, yours 2027-12-31" in str(error)
    [conflict] = error.conflicts
    assert (conflict.field, conflict.opened, conflict.theirs, conflict.mine) == (
        "contract_end", date(2027, 3, 31), date(2027, 9, 30), date(2027, 12, 31),
    )  # fmt: skip
    stored = get_account_detail(db, account_id)
    assert (stored.contract_end, stored.owner) == (date(2027, 9, 30), "tess")  # all or nothing
    # the same change made by both is no conflict
    assert edit_account(db, account_id, {"renewal": "2027-09-30"}, opened=opened).owner == "tess"


def test_a_conflict_on_the_amount_shows_money(db: Database) -> None:
    account_id = acme(db)
    opened = editable_values(get_account_detail(db, account_id))
    edit_account(db, account_id, {"arr": "20000"})
    with pytest.raises(EditConflictError, match=r"ARR: now 20,000\.00, yours 30,000\.00"):
        edit_account(db, account_id, {"arr": "30,000"}, opened=opened)


def _wait_for_a_lock_waiter(db: Database, done: threading.Event) -> None:
    """On PostgreSQL: until another session waits on a row lock (the edit in the thread)."""
    if db.backend != "postgresql":
        return
    from sqlalchemy import text

    for _ in range(500):
        with db.engine.connect() as probe:
            waiting = probe.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            ).scalar_one()
        if waiting or done.is_set():
            return
        done.wait(0.02)
    raise AssertionError("the edit never waited for the row lock")


def test_the_check_and_the_write_hold_against_a_concurrent_save(db: Database) -> None:
    """Someone else's save in flight: the edit waits for it, then sees it and refuses, instead of
    checking the old value and writing over theirs (a lost update)."""
    from sqlalchemy import update

    from cs_tui.models import Account

    account_id = acme(db)
    opened = editable_values(get_account_detail(db, account_id))
    outcome: list[BaseException | None] = []
    done = threading.Event()

    def my_save() -> None:
        try:
            edit_account(db, account_id, {"owner": "sam"}, opened=opened)
            outcome.append(None)
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)
        finally:
            done.set()

    with db.write_connection() as theirs:
        theirs.execute(
            update(Account).where(Account.id == uuid.UUID(account_id)).values(owner="lee")
        )
        saving = threading.Thread(target=my_save)
        saving.start()
        _wait_for_a_lock_waiter(db, done)
    saving.join(timeout=30)
    assert len(outcome) == 1
    assert isinstance(outcome[0], EditConflictError)
    assert "Owner: now lee, yours sam" in str(outcome[0])
    assert get_account_detail(db, account_id).owner == "lee"
