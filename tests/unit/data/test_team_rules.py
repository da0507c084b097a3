"""Rules that must hold a single row, and stale updates, when several people write at once.

Each race runs on both backends: on PostgreSQL the writers are separate connections in threads,
released together by a barrier; the database (unique indexes, row locks) keeps the rule.
"""

import threading
import uuid
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError

from cs_tui.data.accounts.edit_fields import EditConflictError, editable_values
from cs_tui.data.accounts.edits import add_account, edit_account
from cs_tui.data.accounts.records import get_account_detail
from cs_tui.data.plans.plan import ensure_plan
from cs_tui.data.scoring.health_writes import set_override
from cs_tui.data.scoring.rescoring import rescore_book
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import RecordChangedError
from cs_tui.models import Account, HealthSnapshot, ScoreOverride, SuccessPlan
from tests.conftest import FROZEN_NOW, FROZEN_TODAY

WRITERS = 4


def _account(db: Database, name: str = "Acme") -> uuid.UUID:
    return uuid.UUID(add_account(db, {"name": name, "owner": "tess"}).id)


def _at_once(work: Callable[[int], object]) -> list[BaseException]:
    """Run `work(n)` in WRITERS threads released together; the errors they raised."""
    barrier = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def run(n: int) -> None:
        barrier.wait()
        try:
            work(n)
        except BaseException as error:  # handed to the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def _count(db: Database, statement: object) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(statement).scalar_one())  # type: ignore[call-overload]


def _open_overrides(db: Database, account_id: uuid.UUID) -> int:
    return _count(
        db,
        select(func.count())
        .select_from(ScoreOverride)
        .where(
            ScoreOverride.account_id == account_id,  # type: ignore[arg-type]
            ScoreOverride.cleared_at.is_(None),  # type: ignore[union-attr]
        ),
    )


def test_overrides_set_at_once_leave_one_in_force(db: Database) -> None:
    account_id = _account(db)
    expiry = FROZEN_TODAY + timedelta(days=30)

    def override(n: int) -> None:
        set_override(db, account_id, score=40 + n, reason=f"call {n}", expires_on=expiry)

    assert _at_once(override) == []
    assert _open_overrides(db, account_id) == 1
    total = select(func.count()).select_from(ScoreOverride)
    assert _count(db, total) == WRITERS  # the others are kept, cleared, for history


def test_the_database_refuses_a_second_open_override(db: Database) -> None:
    account_id = _account(db)
    set_override(
        db, account_id, score=40, reason="sponsor left", expires_on=FROZEN_TODAY + timedelta(days=9)
    )
    row = {
        "id": uuid.uuid4(), "account_id": account_id, "score": 90, "reason": "written around",
        "set_on": FROZEN_TODAY, "expires_on": FROZEN_TODAY + timedelta(days=5), "author": "",
        "created_at": FROZEN_NOW, "updated_at": FROZEN_NOW, "updated_by": "x",
    }  # fmt: skip
    with pytest.raises(IntegrityError), db.write_connection() as connection:
        connection.execute(insert(ScoreOverride.__table__).values(**row))  # type: ignore[attr-defined]
    assert _open_overrides(db, account_id) == 1


def test_an_expired_uncleared_override_is_closed_when_a_new_one_is_set(db: Database) -> None:
    account_id = _account(db)
    with db.write_connection() as connection:
        connection.execute(
            insert(ScoreOverride.__table__).values(  # type: ignore[attr-defined]
                id=uuid.uuid4(), account_id=account_id, score=20, reason="old",
                set_on=FROZEN_TODAY - timedelta(days=40), author="",
                expires_on=FROZEN_TODAY - timedelta(days=10), created_at=FROZEN_NOW,
                updated_at=FROZEN_NOW, updated_by="x",
            )
        )  # fmt: skip
    set_override(
        db, account_id, score=70, reason="new", expires_on=FROZEN_TODAY + timedelta(days=3)
    )
    assert _open_overrides(db, account_id) == 1


def test_plans_created_at_once_are_one_plan(db: Database) -> None:
    account_id = _account(db)
    ids: list[str] = []
    assert _at_once(lambda _n: ids.append(ensure_plan(db, account_id.hex).id)) == []
    assert len(set(ids)) == 1
    assert _count(db, select(func.count()).select_from(SuccessPlan)) == 1


def test_rescoring_at_once_keeps_one_snapshot_per_account_and_day(db: Database) -> None:
    for name in ("Acme", "Globex", "Initech"):
        _account(db, name)
    assert _at_once(lambda _n: rescore_book(db)) == []
    per_day = select(func.count()).select_from(HealthSnapshot)
    assert _count(db, per_day) == 3


def test_a_stale_update_is_refused_naming_the_record_and_what_changed(db: Database) -> None:
    account_id = _account(db)
    with db.read() as session:
        mine = session.get(Account, account_id)
    assert mine is not None and mine.version == 1
    edit_account(db, account_id.hex, {"owner": "lee"})  # theirs, committed first
    with pytest.raises(RecordChangedError) as raised, db.write() as session:
        mine.owner = "sam"
        session.add(mine)
    assert raised.value.record == "account 'Acme'"
    assert raised.value.changes == (("owner", "tess", "lee"),)
    assert "owner: now 'lee'" in str(raised.value)
    assert get_account_detail(db, account_id.hex).owner == "lee"


def test_each_update_bumps_the_version(db: Database) -> None:
    account_id = _account(db)
    edit_account(db, account_id.hex, {"owner": "lee"})
    edit_account(db, account_id.hex, {"segment": "SMB"})
    with db.read() as session:
        assert session.get(Account, account_id).version == 3  # type: ignore[union-attr]


def test_a_core_update_of_a_row_read_by_the_orm_leaves_the_version_alone(db: Database) -> None:
    """Bulk paths (imports) write through Core: the version column keeps its value."""
    account_id = _account(db)
    with db.write_connection() as connection:
        connection.execute(update(Account).where(Account.id == account_id).values(segment="SMB"))  # type: ignore[arg-type]
    with db.read() as session:
        assert session.get(Account, account_id).version == 1  # type: ignore[union-attr]


def test_a_form_conflict_is_the_stores_conflict_error(db: Database) -> None:
    account_id = _account(db)
    opened = editable_values(get_account_detail(db, account_id.hex))
    edit_account(db, account_id.hex, {"owner": "lee"})
    with pytest.raises(RecordChangedError) as raised:
        edit_account(db, account_id.hex, {"owner": "sam"}, opened=opened)
    assert isinstance(raised.value, EditConflictError)
    assert raised.value.changes == (("owner", "tess", "lee"),)
