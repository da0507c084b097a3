"""`Q` on Account 360 writes the last full quarter's QBR pack to the reports folder and says where."""

from pathlib import Path

from cs_tui import locations
from cs_tui.data.store.database import open_database
from cs_tui.screens.account.screen import AccountScreen
from tests.app_support import SIZE, AppFactory, settle
from tests.conftest import TEST_USER, frozen_clock
from tests.functional.plan_support import notifications
from tests.unit.data.qbr_book import SECRET, qbr_book


async def test_q_writes_the_pack_and_says_where(tmp_path: Path, make_app: AppFactory) -> None:
    path = tmp_path / "qbr.db"
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    account_id = qbr_book(db).hex
    db.close()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_account(account_id)
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        await pilot.press("Q")
        await settle(pilot)
        written = locations.reports_dir() / "acme-qbr-2026-Q1.md"
        assert f"QBR pack for 2026-Q1 written to {written}" in notifications(app)
        text = written.read_text()
        assert (
            text.startswith("# Quarterly business review: Acme") and "Last quarter's call" in text
        )
        assert SECRET not in text
        await pilot.press("Q")  # again: the file is replaced, not duplicated
        await settle(pilot)
        assert [p.name for p in locations.reports_dir().iterdir()] == ["acme-qbr-2026-Q1.md"]


async def test_a_pack_that_cannot_be_written_is_a_message(
    tmp_path: Path, make_app: AppFactory
) -> None:
    path = tmp_path / "qbr.db"
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    account_id = qbr_book(db).hex
    db.close()
    locations.data_dir().mkdir(parents=True, exist_ok=True)
    locations.reports_dir().write_text("a file where the folder should be")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_account(account_id)
        await settle(pilot)
        await pilot.press("Q")
        await settle(pilot)
        assert any(
            m.startswith(f"Cannot make {locations.reports_dir()}") for m in notifications(app)
        )
        assert isinstance(app.screen, AccountScreen)
