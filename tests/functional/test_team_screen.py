"""The app in a team: it syncs at start and on a teammate's file, the header says so, `T` shows it."""

import asyncio
from pathlib import Path

from sqlmodel import select

from cs_tui.data.accounts.records import create_account
from cs_tui.data.store.database import Database, open_database
from cs_tui.data.sync.engine import init_team, join_team, sync
from cs_tui.data.work.follow_ups import add_follow_up, reassign_follow_up
from cs_tui.models import AccountCreate, FollowUp
from cs_tui.screens.team import TeamScreen
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import frozen_clock


def _open(path: Path, user: str) -> Database:
    return open_database(str(path), user=user, clock=frozen_clock)


def _team(tmp_path: Path) -> tuple[Path, Path, str]:
    """al's and bo's books in one team; they both changed one follow-up's owner."""
    folder = tmp_path / "team"
    al = _open(tmp_path / "al.db", "al")
    create_account(al, AccountCreate(name="Acme", owner="al"))
    from cs_tui.data.work.drafts import FollowUpDraft

    add_follow_up(al, "Acme", FollowUpDraft(title="Renewal call", owner="al"))
    init_team(al, folder)
    bo = _open(tmp_path / "bo.db", "bo")
    join_team(bo, folder)
    with al.read() as session:
        (follow_up,) = session.exec(select(FollowUp)).all()
    reassign_follow_up(al, str(follow_up.id), "Dana")
    reassign_follow_up(bo, str(follow_up.id), "Eli")
    sync(bo)
    sync(al)  # al publishes its edit, and has now seen bo's
    sync(bo)
    al.close()
    bo.close()
    return tmp_path / "al.db", tmp_path / "bo.db", str(follow_up.id)


def _owners(path: Path) -> set[str]:
    db = _open(path, "x")
    try:
        with db.read() as session:
            return set(session.exec(select(FollowUp.owner)).all())
    finally:
        db.close()


async def test_the_team_screen_lists_teammates_conflicts_and_history(
    tmp_path: Path, make_app: AppFactory
) -> None:
    al_db, _bo_db, _ident = _team(tmp_path)
    app = make_app(al_db, user="al")
    app.watch_team_folder = False
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "team: synced 0 s ago · 1 conflict" in app.sub_title
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, TeamScreen)
        summary = shown_text(app.screen.query_one("#team-summary"))
        assert "conflicts 1" in summary
        assert "bo" in shown_text(app.screen.query_one("#team-mates"))
        listing = " ".join(shown_text(app.screen.query_one("#team-conflicts")).split())
        assert "follow up of Acme · owner: kept 'Eli' (bo" in listing
        await settle(pilot)
        history = shown_text(app.screen.query_one("#team-history"))
        assert "History of owner" in history
        assert "al: 'Dana'" in history and "bo: 'Eli'  ← current" in history
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, TeamScreen)


async def test_a_book_outside_a_team_says_how_to_share_it(
    tmp_path: Path, make_app: AppFactory
) -> None:
    db = _open(tmp_path / "solo.db", "al")
    create_account(db, AccountCreate(name="Acme"))
    db.close()
    app = make_app(tmp_path / "solo.db", user="al")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "team:" not in app.sub_title
        await pilot.press("T")
        await settle(pilot)
        assert "cs-tui team init FOLDER" in shown_text(app.screen.query_one("#team-summary"))


async def test_sync_now_brings_a_teammates_change(tmp_path: Path, make_app: AppFactory) -> None:
    al_db, bo_db, ident = _team(tmp_path)
    app = make_app(al_db, user="al")
    app.watch_team_folder = False
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        bo = _open(bo_db, "bo")
        reassign_follow_up(bo, ident, "Fay")
        sync(bo)
        bo.close()
        await pilot.press("T")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
    assert _owners(al_db) == {"Fay"}


async def test_the_app_syncs_when_a_teammates_file_arrives(
    tmp_path: Path, make_app: AppFactory
) -> None:
    al_db, bo_db, ident = _team(tmp_path)
    app = make_app(al_db, user="al")
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(50):  # the start sync, and the watcher it starts
            await pilot.pause(0.1)
            if app._watch_stop is not None:
                break
        await asyncio.sleep(0.5)
        bo = _open(bo_db, "bo")
        reassign_follow_up(bo, ident, "Gus")
        sync(bo)
        bo.close()
        for _ in range(100):
            await pilot.pause(0.1)
            if _owners(al_db) == {"Gus"}:
                break
        assert _owners(al_db) == {"Gus"}
