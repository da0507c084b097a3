"""A teammate's app after the team folder moved to a server: the credentials form, then the server."""

import json
import os
import tomllib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from textual.widgets import Checkbox, Input

from cs_tui import locations
from cs_tui.data.accounts.records import create_account
from cs_tui.data.move.team_folder import move_team_to_postgres
from cs_tui.data.store.database import Database, open_database
from cs_tui.data.sync.engine import init_team, join_team
from cs_tui.models import AccountCreate
from cs_tui.screens.server_login import ServerLoginForm
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import POSTGRES_ENV, frozen_clock


def _open(path: Path, user: str) -> Database:
    return open_database(str(path), user=user, clock=frozen_clock)


@pytest.fixture
def empty_server_db() -> Iterator[str]:
    maintenance = os.environ.get(POSTGRES_ENV)
    if not maintenance:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests are mandatory in CI: set {POSTGRES_ENV}")
        pytest.skip(f"PostgreSQL tests skipped: set {POSTGRES_ENV}")
    name = f"cs_tui_login_{uuid.uuid4().hex[:10]}"
    admin = create_engine(maintenance, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(maintenance).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _team(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "team"
    al = _open(tmp_path / "al.db", "al")
    create_account(al, AccountCreate(name="Acme", owner="al"))
    create_account(al, AccountCreate(name="Globex", owner="al"))
    init_team(al, folder)
    al.close()
    bo = _open(tmp_path / "bo.db", "bo")
    join_team(bo, folder)
    bo.close()
    return folder, tmp_path / "al.db", tmp_path / "bo.db"


def _journal_files(folder: Path) -> list[Path]:
    return sorted((folder / "journal").rglob("*.ops.jsonl.gz"))


def _fill(form: ServerLoginForm, **values: str) -> None:
    for name, value in values.items():
        form.query_one(f"#{name}", Input).value = value


@pytest.mark.postgres
async def test_the_teammate_connects_to_the_server_and_the_app_reopens_there(
    tmp_path: Path, make_app: AppFactory, empty_server_db: str
) -> None:
    folder, al_db, bo_db = _team(tmp_path)
    al = _open(al_db, "al")
    move_team_to_postgres(al, empty_server_db)
    al.close()
    published = _journal_files(folder)
    server = make_url(empty_server_db)
    app = make_app(bo_db, user="bo")
    app.watch_team_folder = False
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ServerLoginForm)
        message = shown_text(form.query_one("#server-login-message"))
        assert server.database in " ".join(message.split()) and "by al" in message

        _fill(form, url="sqlite:///elsewhere.db")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "not a PostgreSQL URL" in shown_text(form.query_one(".form-error"))
        assert app.screen is form

        _fill(form, url=f"postgresql+psycopg://{server.username}@127.0.0.1:1/{server.database}")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Cannot connect" in shown_text(form.query_one(".form-error"))
        assert app.screen is form and app.store.get().backend == "sqlite"

        _fill(form, url="", user=server.username or "postgres", password="typed-secret")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, ServerLoginForm)
        assert app.store.get().backend == "postgresql"
        assert app.book is not None and len(app.book) == 2
        assert "moved" not in app.sub_title
    config = tomllib.loads(locations.config_file().read_text())
    assert make_url(config["database_url"]).database == server.database
    assert "typed-secret" not in locations.config_file().read_text()
    assert _journal_files(folder) == published


@pytest.mark.postgres
async def test_the_password_is_saved_only_when_the_box_is_ticked(
    tmp_path: Path, make_app: AppFactory, empty_server_db: str
) -> None:
    _folder, al_db, bo_db = _team(tmp_path)
    al = _open(al_db, "al")
    move_team_to_postgres(al, empty_server_db)
    al.close()
    app = make_app(bo_db, user="bo")
    app.watch_team_folder = False
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ServerLoginForm)
        user = make_url(empty_server_db).username or "postgres"
        _fill(form, user=user, password="kept-secret")
        form.query_one("#save-password", Checkbox).value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.store.get().backend == "postgresql"
    assert make_url(
        tomllib.loads(locations.config_file().read_text())["database_url"]
    ).password == ("kept-secret")


async def test_not_now_keeps_the_file_and_publishes_nothing_to_the_moved_folder(
    tmp_path: Path, make_app: AppFactory
) -> None:
    folder, _al_db, bo_db = _team(tmp_path)
    (folder / "moved.json").write_text(
        json.dumps(
            {
                "host": "db.example.com",
                "port": 5433,
                "database": "north",
                "moved_at": "2026-12-01T10:00:00+00:00",
                "moved_by": "al",
                "server_user": "",
            }
        )
    )
    bo = _open(bo_db, "bo")
    create_account(bo, AccountCreate(name="Initech", owner="bo"))  # waits in bo's outbox
    bo.close()
    before = _journal_files(folder)
    app = make_app(bo_db, user="bo")
    app.watch_team_folder = False
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ServerLoginForm)
        assert "db.example.com:5433/north" in shown_text(form.query_one("#server-login-message"))
        assert form.query_one("#user", Input).value == "bo"
        _fill(form, user="")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "User: give your user name" in shown_text(form.query_one(".form-error"))
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ServerLoginForm)
        assert "moved to db.example.com:5433/north" in app.sub_title
        assert app.store.get().backend == "sqlite"
        await pilot.press("T")
        await settle(pilot)
        summary = " ".join(shown_text(app.screen.query_one("#team-summary")).split())
        assert "moved to the PostgreSQL server db.example.com:5433/north" in summary
        await pilot.press("s")  # sync now: the form is back, once
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ServerLoginForm)
        assert sum(isinstance(s, ServerLoginForm) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await settle(pilot)
    assert _journal_files(folder) == before
    assert not locations.config_file().exists()
