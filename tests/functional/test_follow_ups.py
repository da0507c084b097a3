"""Follow-ups across the book: views, whose, working them off, opening their account."""

from pathlib import Path
from typing import Any

from cs_tui.screens.account.screen import AccountScreen
from cs_tui.screens.follow_ups.follow_up_list import FollowUpList
from cs_tui.screens.follow_ups.screen import FollowUpsScreen
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import TEST_USER


def header(app: Any) -> str:
    return " ".join(shown_text(app.screen.query_one("#follow-ups-header")).split())


async def test_views_whose_done_and_open(book: Path, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpsScreen)
        listing = app.screen.query_one(FollowUpList)
        assert "open · mine (tess)" in header(app)
        assert listing.rows and {row.owner for row in listing.rows} == {TEST_USER}
        first = listing.rows[0]
        assert first.days_overdue(app.today())  # the most overdue comes first
        await pilot.press("d")
        await settle(pilot)
        assert first.id not in {row.id for row in listing.rows}
        await pilot.press("v")  # overdue only
        await settle(pilot)
        assert "overdue · mine" in header(app)
        assert all(row.days_overdue(app.today()) for row in listing.rows)
        await pilot.press("v")  # done
        await settle(pilot)
        assert first.id in {row.id for row in listing.rows}
        await pilot.press("o")  # the team's
        await settle(pilot)
        assert "the team's" in header(app)
        assert len({row.owner for row in listing.rows}) > 1
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
