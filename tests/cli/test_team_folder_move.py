"""A two-device team folder moved to the local PostgreSQL server, and the teammate told so."""

import json
import os
import tomllib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, make_url, text

from cs_tui import locations
from cs_tui.cli import cli
from tests.conftest import POSTGRES_ENV

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"
Device = Callable[..., Result]


@pytest.fixture
def team_folder(tmp_path: Path) -> Path:
    return tmp_path / "shared" / "Team book"


@pytest.fixture
def device(tmp_path: Path) -> Callable[[str], Device]:
    runner = CliRunner()

    def make(user: str) -> Device:
        database = tmp_path / f"{user}.db"

        def invoke(*args: str, db: str | None = None) -> Result:
            return runner.invoke(
                cli, ["--db", db or str(database), *args], env={"CS_TUI_USER": user},
                catch_exceptions=False,
            )  # fmt: skip

        return invoke

    return make


@pytest.fixture
def empty_server_db() -> Iterator[str]:
    """A new, empty database on the test server, dropped afterwards."""
    maintenance = os.environ.get(POSTGRES_ENV)
    if not maintenance:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests are mandatory in CI: set {POSTGRES_ENV}")
        pytest.skip(f"PostgreSQL tests skipped: set {POSTGRES_ENV}")
    name = f"cs_tui_fmove_{uuid.uuid4().hex[:10]}"
    admin = create_engine(maintenance, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(maintenance).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _json(result: Result) -> object:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _book(run: Device, db: str | None = None) -> list[dict[str, object]]:
    rows = _json(run("accounts", "list", "--json", db=db))
    assert isinstance(rows, list)
    return sorted(rows, key=lambda r: str(r["id"]))


def _two_devices(device: Callable[[str], Device], folder: Path) -> tuple[Device, Device]:
    al, bo = device("al"), device("bo")
    assert al("import", "accounts", str(FIXTURES / "salesforce_report.csv")).exit_code == 0
    assert al("team", "init", str(folder)).exit_code == 0
    assert bo("team", "join", str(folder)).exit_code == 0
    return al, bo


@pytest.mark.postgres
def test_a_two_device_folder_moves_with_everyones_changes_and_the_teammate_is_told(
    device: Callable[[str], Device], team_folder: Path, empty_server_db: str
) -> None:
    al, bo = _two_devices(device, team_folder)
    logged = bo("log", "Acme Corporation", "--summary", "Bo's call", "--next", "Send the deck")
    assert logged.exit_code == 0, logged.output
    assert bo("team", "sync").exit_code == 0  # bo's change is in the folder, not yet in al's book

    with_password = make_url(empty_server_db).set(password="s3cret-pw")
    moved = al(
        "team", "move-to-postgres", with_password.render_as_string(hide_password=False), "--json"
    )
    report = _json(moved)
    assert isinstance(report, dict)
    server = make_url(empty_server_db)
    assert report["moved"]["database"] == server.database
    assert report["moved"]["moved_by"] == "al"
    assert report["late_files"] == 0
    assert "s3cret-pw" not in moved.output

    marker = (team_folder / "moved.json").read_text()
    assert "s3cret-pw" not in marker
    mark = json.loads(marker)
    assert (mark["host"], mark["port"], mark["database"]) == (
        server.host or "localhost",
        server.port or 5432,
        server.database,
    )
    # everything both devices wrote is on the server, the same as in each device's book
    on_server = _book(al, db=empty_server_db)
    assert on_server == _book(al) == _book(bo)
    timeline = al("timeline", "Acme Corporation", "--json", db=empty_server_db)
    assert "Bo's call" in timeline.stdout
    # the server's copy is nobody's device in the folder
    assert al("team", "status", db=empty_server_db).exit_code != 0

    # bo's next sync stops publishing and names the server and the command to run
    files_before = sorted((team_folder / "journal").rglob("*.ops.jsonl.gz"))
    after = bo("log", "Acme Corporation", "--summary", "After the move")
    assert after.exit_code == 0
    assert "moved to the PostgreSQL server" in after.stderr  # every command says so
    listed = bo("accounts", "list", "--json")
    assert json.loads(listed.stdout) and server.database in listed.stderr
    refused = bo("team", "sync")
    assert refused.exit_code != 0
    assert "moved to the PostgreSQL server" in refused.output
    assert server.database in refused.output and "cs-tui config set database_url" in refused.output
    assert sorted((team_folder / "journal").rglob("*.ops.jsonl.gz")) == files_before
    status = _json(bo("team", "status", "--json"))
    assert isinstance(status, dict) and server.database in status["moved_to"]
    assert "moved to the PostgreSQL server" in bo("team", "status").output

    # a second move of the same folder is refused before anything is copied
    again = bo("team", "move-to-postgres", empty_server_db)
    assert again.exit_code != 0 and "already moved" in again.output

    # bo follows the instructions: the config now points at the server, without a password
    url = with_password.render_as_string(hide_password=False)
    saved = bo("config", "set", "database_url", url, db=None)
    assert saved.exit_code == 0, saved.output
    assert "password was not saved" in saved.output
    config = tomllib.loads(locations.config_file().read_text())
    assert "s3cret-pw" not in config["database_url"]
    assert make_url(config["database_url"]).database == server.database


def test_a_folder_with_a_damaged_file_is_refused_before_anything_is_copied(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    al, bo = _two_devices(device, team_folder)
    assert bo("log", "Acme Corporation", "--summary", "Bo's call").exit_code == 0
    assert bo("team", "sync").exit_code == 0
    status = _json(al("team", "status", "--json"))
    assert isinstance(status, dict)
    (newest,) = [
        f for f in (team_folder / "journal").rglob("*.ops.jsonl.gz")
        if f.parent.name != status["device_id"]
    ][-1:]  # fmt: skip
    newest.write_bytes(newest.read_bytes()[:-40])
    # no server is contacted: the refusal comes from the sync
    refused = al("team", "move-to-postgres", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert refused.exit_code != 0
    assert "not fully merged" in refused.output and "damaged" in refused.output
    assert not (team_folder / "moved.json").exists()
    assert al("team", "sync").exit_code == 0  # the folder still works


@pytest.mark.parametrize(
    "content", ["{not json", json.dumps({"host": "db", "port": "x", "database": "d"})]
)
def test_a_damaged_move_mark_stops_the_sync_with_a_message(
    device: Callable[[str], Device], team_folder: Path, content: str
) -> None:
    _al, bo = _two_devices(device, team_folder)
    (team_folder / "moved.json").write_text(content)
    result = bo("team", "sync")
    assert result.exit_code != 0
    assert "moved.json" in result.output
    assert "Traceback" not in result.output


def test_a_teammate_marked_moved_cannot_rejoin_the_folder(
    device: Callable[[str], Device], team_folder: Path
) -> None:
    _al, _bo = _two_devices(device, team_folder)
    (team_folder / "moved.json").write_text(
        json.dumps(
            {
                "host": "db.example.com",
                "port": 5433,
                "database": "north",
                "moved_at": "2026-12-01T10:00:00+00:00",
                "moved_by": "al",
            }
        )
    )
    cy = device("cy")
    joined = cy("team", "join", str(team_folder))
    assert joined.exit_code != 0
    assert "db.example.com:5433/north" in joined.output
    assert "postgresql+psycopg://YOUR_USER@db.example.com:5433/north" in joined.output
    assert not (team_folder / "journal" / "cy").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("config", "set", "colour", "x"), "colour"),
        (("config", "set", "start_screen", "home"), "today or accounts"),
        (("config", "set", "database_url", "  "), "blank"),
    ],
)
def test_config_set_refuses_bad_input_and_writes_nothing(
    device: Callable[[str], Device], args: tuple[str, ...], message: str
) -> None:
    result = device("al")(*args, db=None)
    assert result.exit_code != 0
    assert message in result.output
    assert not locations.config_file().exists()
