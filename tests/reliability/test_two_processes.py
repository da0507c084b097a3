"""The app and the CLI on one device, both writing and syncing the same database at once."""

import subprocess
import sys
from pathlib import Path

from sqlmodel import select

from cs_tui.data.store.database import open_database
from cs_tui.data.sync.engine import init_team, join_team, sync
from cs_tui.io.sync import journal
from cs_tui.models import Account
from tests.unit.data.sync_support import uncaptured

ROOT = Path(__file__).parent.parent.parent
WRITES = 40


def test_two_processes_writing_and_syncing_lose_nothing(tmp_path: Path) -> None:
    database, folder = tmp_path / "device.db", tmp_path / "team"
    db = open_database(str(database), user="tess")
    init_team(db, folder)
    db.close()
    command = [sys.executable, "-m", "tests.reliability.steady_writer", str(database)]
    writers = [subprocess.Popen([*command, name, str(WRITES)], cwd=ROOT) for name in ("app", "cli")]
    assert [writer.wait(timeout=300) for writer in writers] == [0, 0]
    db = open_database(str(database), user="tess")
    sync(db)
    db.close()
    files = list(journal.list_files(folder))
    assert len({(f.device, f.seq) for f in files}) == len(files)  # no number written twice
    for found in files:
        journal.read(found.path)
    mate = open_database(str(tmp_path / "mate.db"), user="mate")
    report = join_team(mate, folder)
    assert report.damaged == () and report.pending == 0
    with mate.read() as session:
        names = set(session.exec(select(Account.name)).all())
    expected = {f"{who}-{n}" for who in ("app", "cli") for n in range(WRITES)}
    assert names == expected
    assert uncaptured(mate) == []
    mate.close()
