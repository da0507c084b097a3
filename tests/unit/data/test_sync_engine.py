"""Publishing and merging between databases through a folder: split files, held clocks, pending rows."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from cs_tui.data.accounts.records import add_stakeholder, create_account
from cs_tui.data.store.database import Database, open_database
from cs_tui.data.sync import engine
from cs_tui.data.sync.engine import init_team, join_team, sync
from cs_tui.data.sync.reads import team_status
from cs_tui.io.sync import journal
from cs_tui.models import Account, AccountCreate, Stakeholder, StakeholderCreate
from tests.unit.data.sync_support import uncaptured

NOW = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, moment: datetime = NOW) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def _db(tmp_path: Path, name: str, clock: Clock) -> Database:
    return open_database(str(tmp_path / f"{name}.db"), user=name, clock=clock)


def _names(db: Database) -> list[str]:
    with db.read() as session:
        return sorted(session.exec(select(Account.name)).all())


def test_a_book_published_over_several_files_arrives_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "OPS_PER_FILE", 7)
    al = _db(tmp_path, "al", Clock())
    for name in ("Acme", "Globex", "Initech"):
        create_account(al, AccountCreate(name=name))
    report = init_team(al, tmp_path / "team")
    assert report.files_sent > 3 and team_status(al).outbox == 0
    bo = _db(tmp_path, "bo", Clock())
    joined = join_team(bo, tmp_path / "team")
    assert joined.files_applied == report.files_sent and joined.applied == report.sent
    assert _names(bo) == ["Acme", "Globex", "Initech"]
    assert uncaptured(bo) == []


def test_changes_from_a_clock_far_ahead_are_held_until_it_is_not(tmp_path: Path) -> None:
    al_clock, bo_clock = Clock(), Clock(NOW + timedelta(minutes=10))
    al, bo = _db(tmp_path, "al", al_clock), _db(tmp_path, "bo", bo_clock)
    init_team(al, tmp_path / "team")
    join_team(bo, tmp_path / "team")
    create_account(bo, AccountCreate(name="From the future"))
    sync(bo)
    held = sync(al)
    assert held.held > 0 and len(held.held_files) == 1 and _names(al) == []
    al_clock.moment = NOW + timedelta(minutes=6)
    released = sync(al)
    assert released.held == 0 and _names(al) == ["From the future"]


def test_a_row_whose_parent_has_not_arrived_waits_then_is_written(tmp_path: Path) -> None:
    al, bo, cy = (_db(tmp_path, n, Clock()) for n in ("al", "bo", "cy"))
    init_team(al, tmp_path / "team")
    join_team(bo, tmp_path / "team")
    create_account(al, AccountCreate(name="Acme"))
    sync(al)
    sync(bo)
    add_stakeholder(bo, "Acme", StakeholderCreate(name="Jo Park"))
    sync(bo)
    al_files = [f for f in journal.list_files(tmp_path / "team") if f.device != _device(bo)]
    hidden = [f.path for f in al_files]
    for path in hidden:  # the sync service has not brought al's account yet
        path.rename(path.with_name(f".{path.name}"))
    report = join_team(cy, tmp_path / "team")
    assert report.pending == 1 and _stakeholders(cy) == []
    for path in hidden:
        path.with_name(f".{path.name}").rename(path)
    assert sync(cy).pending == 0
    assert _stakeholders(cy) == ["Jo Park"] and uncaptured(cy) == []


def test_fields_from_a_newer_version_are_kept_and_the_rest_applied(tmp_path: Path) -> None:
    al = _db(tmp_path, "al", Clock())
    init_team(al, tmp_path / "team")
    create_account(al, AccountCreate(name="Acme"))
    sync(al)
    (account_id,) = [str(a) for a in _ids(al)]
    ops = [{"t": "account", "r": account_id, "f": "owner", "v": "Ana",
            "c": "1781514001000-000000-newer", "b": "", "a": "ana"},
           {"t": "account", "r": account_id, "f": "renewal_risk", "v": "high",
            "c": "1781514001000-000000-newer", "b": "", "a": "ana"}]  # fmt: skip
    journal.write(tmp_path / "team", "newer", ops)
    report = sync(al)
    assert report.applied == 2 and report.pending == 1
    with al.read() as session:
        assert session.exec(select(Account.owner)).one() == "Ana"
    assert team_status(al).pending == 1


def _device(db: Database) -> str:
    return team_status(db).device_id


def _ids(db: Database) -> list[object]:
    with db.read() as session:
        return list(session.exec(select(Account.id)).all())


def _stakeholders(db: Database) -> list[str]:
    with db.read() as session:
        return sorted(session.exec(select(Stakeholder.name)).all())


def test_compaction_keeps_the_latest_values_in_one_file(tmp_path: Path) -> None:
    from cs_tui.data.accounts.records import update_account
    from cs_tui.models import AccountUpdate

    al = _db(tmp_path, "al", Clock())
    init_team(al, tmp_path / "team")
    create_account(al, AccountCreate(name="Acme", owner="al"))
    sync(al)
    for owner in ("bo", "cy", "di"):
        update_account(al, "Acme", AccountUpdate(owner=owner))
        sync(al)
    own = [f for f in journal.list_files(tmp_path / "team")]
    assert len(own) == 4
    report = engine.compact(al, older_than=timedelta(0))
    assert report.files_removed == 3 and report.ops_kept < report.ops_before
    assert len(list(journal.list_files(tmp_path / "team"))) == 2
    assert engine.compact(al, older_than=timedelta(0)).files_removed == 0
    bo = _db(tmp_path, "bo", Clock())
    joined = join_team(bo, tmp_path / "team")
    assert joined.damaged == () and _names(bo) == ["Acme"]
    with bo.read() as session:
        assert session.exec(select(Account.owner)).one() == "di"
    assert uncaptured(bo) == []


def test_a_big_merge_rescores_the_accounts_it_brought(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cs_tui.data.accounts import imports
    from cs_tui.models import AccountSummary

    monkeypatch.setattr(imports, "SUMMARY_REFRESH_ALL_ABOVE", 1)
    al = _db(tmp_path, "al", Clock())
    for name in ("Acme", "Globex", "Initech"):
        create_account(al, AccountCreate(name=name))
    init_team(al, tmp_path / "team")
    bo = _db(tmp_path, "bo", Clock())
    join_team(bo, tmp_path / "team")
    with bo.read() as session:
        summaries = session.exec(select(AccountSummary)).all()
    assert len(summaries) == 3 and all(s.scored_on is not None for s in summaries)
