"""Two to five devices editing one book, their files delivered late, twice, torn or out of order.

Each device has its own copy of the team folder; a "sync service" copies journal files between a
cloud and those copies in any order, sometimes as a conflicted copy, sometimes torn (completed by a
later delivery). After every step each device's rows are what its own field history says; after a
final full delivery every device holds the same rows and the same history.
"""

import shutil
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import select

from cs_tui.data.store.database import Database, open_database
from cs_tui.data.sync.apply import PENDING
from cs_tui.data.sync.capture import OPS
from cs_tui.data.sync.engine import sync
from cs_tui.data.sync.tables import SYNCED_TABLES
from cs_tui.data.sync.values import table
from cs_tui.io.sync.folder import create_format
from cs_tui.models import Account, Stakeholder
from tests.unit.data.sync_support import join, uncaptured

START = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)
FIELDS = ("owner", "name")
PEOPLE = ("al", "bo", "cy", "di", "ed")


class Clock:
    def __init__(self) -> None:
        self.now = START
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return self.now + self.offset


class TeamOfDevices(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="cs-tui-team-"))
        self.cloud = self.root / "cloud"
        self.cloud.mkdir()
        self.devices: list[Database] = []
        self.clocks: list[Clock] = []
        self.folders: list[Path] = []
        self.accounts: list[uuid.UUID] = []

    @initialize(count=st.integers(2, 5))
    def start(self, count: int) -> None:
        for index in range(count):
            clock = Clock()
            db = open_database(str(self.root / f"d{index}.db"), user=PEOPLE[index], clock=clock)
            folder = self.root / f"folder{index}"
            create_format(folder, team="t", min_app_version="0.1.0")
            join(db, str(folder))
            self.devices.append(db)
            self.clocks.append(clock)
            self.folders.append(folder)

    def teardown(self) -> None:
        for db in self.devices:
            db.close()
        shutil.rmtree(self.root, ignore_errors=True)

    # -- edits

    @rule(who=st.integers(0, 4), name=st.sampled_from(["Acme", "Globex", "Initech"]))
    def create(self, who: int, name: str) -> None:
        db = self.devices[who % len(self.devices)]
        with db.write() as session:
            account = Account(name=name, owner=db.user)
            session.add(account)
        self.accounts.append(account.id)

    @precondition(lambda self: self.accounts)
    @rule(who=st.integers(0, 4), pick=st.integers(0, 99), field=st.sampled_from(FIELDS),
          value=st.sampled_from(["x", "y", "z"]))  # fmt: skip
    def edit(self, who: int, pick: int, field: str, value: str) -> None:
        db = self.devices[who % len(self.devices)]
        with db.write() as session:
            account = session.get(Account, self.accounts[pick % len(self.accounts)])
            if account is not None:
                setattr(account, field, value)

    @precondition(lambda self: self.accounts)
    @rule(who=st.integers(0, 4), pick=st.integers(0, 99), restore=st.booleans())
    def delete_or_restore(self, who: int, pick: int, restore: bool) -> None:
        db = self.devices[who % len(self.devices)]
        with db.write() as session:
            account = session.get(Account, self.accounts[pick % len(self.accounts)])
            if account is not None:
                account.deleted_at = None if restore else db.now()

    @precondition(lambda self: self.accounts)
    @rule(who=st.integers(0, 4), pick=st.integers(0, 99))
    def add_stakeholder(self, who: int, pick: int) -> None:
        db = self.devices[who % len(self.devices)]
        with db.write() as session:
            account_id = self.accounts[pick % len(self.accounts)]
            if session.get(Account, account_id) is not None:
                session.add(Stakeholder(name="Jo", account_id=account_id))

    @rule(who=st.integers(0, 4), minutes=st.integers(-10, 10))
    def clock_jump(self, who: int, minutes: int) -> None:
        self.clocks[who % len(self.clocks)].offset = timedelta(minutes=minutes)

    @rule(seconds=st.integers(1, 90))
    def time_passes(self, seconds: int) -> None:
        for clock in self.clocks:
            clock.now += timedelta(seconds=seconds)

    # -- syncing

    @rule(who=st.integers(0, 4))
    def sync_device(self, who: int) -> None:
        sync(self.devices[who % len(self.devices)])

    @rule(who=st.integers(0, 4))
    def upload(self, who: int) -> None:
        """The sync service copies the device's own new files to the cloud."""
        index = who % len(self.devices)
        for path in (self.folders[index] / "journal").glob("*/*.ops.jsonl.gz"):
            target = self.cloud / path.parent.name / path.name
            if not target.exists():
                target.parent.mkdir(exist_ok=True)
                shutil.copy(path, target)

    @rule(who=st.integers(0, 4), pick=st.integers(0, 10**6),
          how=st.sampled_from(["whole", "copy", "torn", "twice"]))  # fmt: skip
    def deliver(self, who: int, pick: int, how: str) -> None:
        """The sync service brings one cloud file to a device, in its own way."""
        index = who % len(self.devices)
        files = sorted(self.cloud.glob("*/*.ops.jsonl.gz"))
        if not files:
            return
        source = files[pick % len(files)]
        target_dir = self.folders[index] / "journal" / source.parent.name
        target_dir.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        target = target_dir / source.name
        if how == "torn" and not target.exists():
            target.write_bytes(data[: max(1, len(data) // 2)])
        elif how == "copy":
            stem = source.name.split(".")[0]
            (target_dir / f"{stem} (conflicted copy).ops.jsonl.gz").write_bytes(data)
        else:
            target.write_bytes(data)
            if how == "twice":
                (target_dir / f"{source.name}.sync-conflict-20260615-1.gz").write_bytes(data)

    @precondition(lambda self: self.accounts)
    @rule(first=st.integers(0, 4), second=st.integers(0, 4), pick=st.integers(0, 99),
          field=st.sampled_from(FIELDS))  # fmt: skip
    def concurrent_edit(self, first: int, second: int, pick: int, field: str) -> None:
        """Two people change the same field before either has seen the other's change."""
        self.edit(first, pick, field, "first")
        self.edit(second, pick, field, "second")

    @rule(who=st.integers(0, 4), then=st.integers(0, 4))
    def publish_and_spread(self, who: int, then: int) -> None:
        """One device syncs, the service brings its files to everyone, another device syncs."""
        index = who % len(self.devices)
        sync(self.devices[index])
        self.upload(index)
        for other in range(len(self.devices)):
            for source in self.cloud.glob("*/*.ops.jsonl.gz"):
                target = self.folders[other] / "journal" / source.parent.name / source.name
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(source, target)
        sync(self.devices[then % len(self.devices)])

    # -- what must always hold

    @invariant()
    def each_device_shows_what_its_history_says(self) -> None:
        for db in self.devices:
            assert uncaptured(db) == []
            assert _unwritten(db) == set()

    def converge(self) -> None:
        for clock in self.clocks:
            clock.offset = timedelta()
            clock.now += timedelta(minutes=30)
        for _ in range(2):
            for index, db in enumerate(self.devices):
                sync(db)
                self.upload(index)
            for index in range(len(self.devices)):
                for source in self.cloud.glob("*/*.ops.jsonl.gz"):
                    target = self.folders[index] / "journal" / source.parent.name / source.name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(source.read_bytes())
        for db in self.devices:
            sync(db)
        books = [_book(db) for db in self.devices]
        histories = [_history(db) for db in self.devices]
        assert all(book == books[0] for book in books)
        assert all(history == histories[0] for history in histories)


def _book(db: Database) -> dict[str, list[tuple[object, ...]]]:
    with db.read() as session:
        connection = session.connection()
        return {
            name: sorted(tuple(row) for row in connection.execute(select(table(name))))
            for name in ("account", "stakeholder")
        }


def _history(db: Database) -> set[tuple[str, str, str, str]]:
    with db.read() as session:
        rows = session.connection().execute(
            select(OPS.c.table_name, OPS.c.row_id, OPS.c.field, OPS.c.clock)
        )
        return {tuple(row) for row in rows}  # type: ignore[misc]


def _unwritten(db: Database) -> set[tuple[str, str]]:
    """Rows the history holds that are neither stored nor waiting as pending."""
    with db.read() as session:
        connection = session.connection()
        known = {(r.table_name, r.row_id) for r in connection.execute(
            select(OPS.c.table_name, OPS.c.row_id).distinct())}  # fmt: skip
        pending = {(r.table_name, r.row_id) for r in connection.execute(select(PENDING))}
        stored = set()
        for name in SYNCED_TABLES:  # an owner edit also writes an account_owner_change row
            stored |= {
                (name, str(i)) for i in connection.execute(select(table(name).c.id)).scalars()
            }
    return known - stored - pending


class ConvergingTeam(TeamOfDevices):
    def teardown(self) -> None:
        try:
            if self.devices:
                self.converge()
        finally:
            super().teardown()


ConvergingTeam.TestCase.settings = settings(
    max_examples=15,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_devices_converge = ConvergingTeam.TestCase
