"""The Incentives screen, driven by keyboard: the team, one CSM's components, what-if, periods."""

from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input

from cs_tui.data.incentives.report import close_period
from cs_tui.data.store.database import open_database
from cs_tui.domain.incentives.periods import parse_period
from cs_tui.domain.work.cadence import Cadences
from cs_tui.io.incentives.plan_file import plan_from_text
from cs_tui.screens.incentives import IncentivesScreen
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import FROZEN_TODAY, frozen_clock
from tests.unit.data.incentive_book import PLAN_TEXT, incentive_book, write_plan


def build_book(path: Path) -> Path:
    db = open_database(str(path), user="sam", clock=frozen_clock)
    try:
        incentive_book(db)
    finally:
        db.close()
    return path


def text_of(app: Any, selector: str) -> str:
    return " ".join(shown_text(app.screen.query_one(selector)).split())


def rows(app: Any, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


async def open_incentives(pilot: Any, period_steps: int = 0) -> None:
    await settle(pilot)
    await pilot.press("I")
    await settle(pilot)
    assert isinstance(pilot.app.screen, IncentivesScreen)
    for _ in range(abs(period_steps)):
        await pilot.press("left_square_bracket" if period_steps < 0 else "right_square_bracket")
        await settle(pilot)


async def test_a_csm_sees_their_own_so_far_this_period(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(build_book(tmp_path / "book.db"), user="tess", start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await open_incentives(pilot)
        header = text_of(app, "#incentives-header")
        assert "CSM plan · 2026-Q2 (open, so far up to 15 Jun 2026)" in header
        assert [row[0] for row in rows(app, "#incentives-team")] == ["sam", "tess"]
        team = app.screen.query_one("#incentives-team", DataTable)
        assert team.cursor_row == 1  # tess's own line
        assert app.screen.owner == "tess"


async def test_the_lead_drills_into_a_csm_and_sees_the_accounts_behind(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(build_book(tmp_path / "book.db"), user="lead", start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await open_incentives(pilot, period_steps=-1)
        assert "2026-Q1 (open" in text_of(app, "#incentives-header")
        await pilot.press("enter")  # sam's components
        await settle(pilot)
        detail = app.screen.query_one("#incentives-detail", DataTable)
        assert app.screen.focused is detail
        components = {row[0]: row for row in rows(app, "#incentives-detail")}
        retention = components["Gross revenue retention"]
        assert retention[2:5] == ["70.0%", "95.0%", "0.0%"] and retention[7] == "$0.00"
        for _ in range(3):  # down to the retention line
            await pilot.press("down")
        await settle(pilot)
        behind = text_of(app, "#incentives-behind")
        assert "sam · Gross revenue retention: 70.0%" in behind
        assert "Globex churn 2026-03-01 $50,000.00" in behind
        await pilot.press("escape")
        assert app.screen.focused is app.screen.query_one("#incentives-team", DataTable)
        await pilot.press("down")  # tess: her upsell commission
        await settle(pilot)
        assert app.screen.owner == "tess"
        upsell = rows(app, "#incentives-detail")[-1]
        assert (
            upsell[0] == "Expansion ARR" and upsell[2] == "$25,000.00" and upsell[7] == "$1,500.00"
        )


async def test_what_if_recomputes_and_is_never_stored(tmp_path: Path, make_app: AppFactory) -> None:
    path = build_book(tmp_path / "book.db")
    app = make_app(path, user="sam", start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await open_incentives(pilot, period_steps=-1)
        before = rows(app, "#incentives-team")[0]
        await pilot.press("w")
        assert isinstance(app.screen.focused, Input)
        for key in "grr=0.95":
            await pilot.press(key)
        await pilot.press("enter")
        await settle(pilot)
        assert "What-if (not stored): grr=0.95" in text_of(app, "#incentives-header")
        after = rows(app, "#incentives-team")[0]
        assert after[0] == "sam" and after[4] != before[4]
        retention = {row[0]: row for row in rows(app, "#incentives-detail")}[
            "Gross revenue retention"
        ]
        assert retention[5] == "1x"
        await pilot.press("w")
        app.screen.query_one(Input).value = "nonsense"
        await pilot.press("enter")
        await settle(pilot)
        assert "expected metric=value" in text_of(app, "#incentives-header")
        assert app.is_running
    db = open_database(str(path), user="sam", clock=frozen_clock)
    try:
        from cs_tui.data.incentives.report import closed_periods

        assert closed_periods(db) == ()
    finally:
        db.close()


async def test_a_closed_period_and_a_bad_plan_file(
    tmp_path: Path, make_app: AppFactory, monkeypatch: Any
) -> None:
    path = build_book(tmp_path / "book.db")
    db = open_database(str(path), user="sam", clock=frozen_clock)
    try:
        close_period(db, plan_from_text(PLAN_TEXT), PLAN_TEXT, parse_period("2026-Q1", FROZEN_TODAY),
                     Cadences())  # fmt: skip
    finally:
        db.close()
    app = make_app(path, user="sam", start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await open_incentives(pilot, period_steps=-1)
        assert "2026-Q1 (closed 2026-06-15)" in text_of(app, "#incentives-header")
    bad = write_plan(tmp_path, PLAN_TEXT.replace('metric = "grr"', 'metric = "gross"'))
    monkeypatch.setenv("CS_TUI_INCENTIVE_PLAN", str(bad))
    app = make_app(path, user="sam", start_screen="today")
    async with app.run_test(size=SIZE) as pilot:
        await open_incentives(pilot)
        header = text_of(app, "#incentives-header")
        assert "invalid incentive plan" in header and "components.retention.metric" in header
        assert app.is_running
