"""Killing a writer with SIGKILL hundreds of times loses no acknowledged write and tears no file."""

import os
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
KILLS = int(os.environ.get("CS_TUI_CRASH_KILLS", "500"))


def test_every_acknowledged_write_reaches_the_teammate_after_hundreds_of_kills(
    tmp_path: Path,
) -> None:
    writer_db, folder = tmp_path / "writer.db", tmp_path / "team"
    writer = open_database(str(writer_db), user="crash")
    init_team(writer, folder)
    writer.close()

    done = subprocess.run(
        [sys.executable, "-m", "tests.reliability.crash_writer", str(writer_db), str(KILLS), "7"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    acknowledged = set(done.stdout.split())
    assert len(acknowledged) > KILLS // 5, "the writer was killed before it could write"

    for path in (p for p in journal.list_files(folder)):
        journal.read(path.path)  # every published file is whole: none torn by a kill

    writer = open_database(str(writer_db), user="crash")
    report = sync(writer)
    assert report.damaged == ()
    writer.close()
    assert list(folder.glob("journal/*/.*.tmp")) == []  # what a killed publish left is cleared
    teammate = open_database(str(tmp_path / "teammate.db"), user="mate")
    joined = join_team(teammate, folder)
    assert joined.damaged == () and joined.pending == 0
    with teammate.read() as session:
        names = set(session.exec(select(Account.name)).all())
    assert acknowledged <= names
    assert uncaptured(teammate) == []
    teammate.close()
