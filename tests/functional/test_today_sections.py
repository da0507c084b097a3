"""Today at any size: keys jump between its sections, and every line stays one line at 80 columns."""

from pathlib import Path
from typing import Any

from textual.widgets import Footer

from cs_tui.data.store.database import open_database
from cs_tui.data.work.drafts import FollowUpDraft
from cs_tui.data.work.follow_ups import add_follow_up
from cs_tui.data.work.today_views import CadenceDue, FollowUpDue, RenewalDue
from cs_tui.widgets.today_list import TodayList
from tests.app_support import AppFactory, settle, shown_text
from tests.conftest import FROZEN_TODAY, TEST_USER, frozen_clock
from tests.functional.test_today import build_book, open_today
from tests.unit.data.daily_book import add_account

SMALL = (80, 24)
LONG_TITLE = "Prepare the executive business review deck with the usage numbers of every region"


def today_list(app: Any) -> TodayList:
    return app.screen.query_one(TodayList)  # type: ignore[no-any-return]


def section_of(app: Any) -> str:
    listed = today_list(app)
    return listed.section_keys[listed.current_section()]  # type: ignore[index]


async def test_brackets_and_numbers_jump_between_sections(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(build_book(tmp_path / "book.db"), start_screen="today")
    async with app.run_test(size=SMALL) as pilot:
        await open_today(pilot)
        listed = today_list(app)
        assert isinstance(listed.highlighted_row(), FollowUpDue)
        await pilot.press("right_square_bracket")
        assert isinstance(listed.highlighted_row(), CadenceDue)
        await pilot.press("right_square_bracket")
        assert isinstance(listed.highlighted_row(), RenewalDue)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert isinstance(listed.highlighted_row(), FollowUpDue)
        await pilot.press("3")
        assert section_of(app) == "renewals"
        await pilot.press("1")
        assert section_of(app) == "follow_ups"
        await pilot.press("5")  # no survey alerts in this book: the cursor stays, the user is told
        assert section_of(app) == "follow_ups"
        assert any("Section 5 has nothing to act on" in n.message for n in app._notifications)
        shown = shown_text(listed)
        assert "1 Follow-ups" in shown and "3 Renewals" in shown


async def test_the_section_keys_are_in_the_footer_and_help(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(build_book(tmp_path / "book.db"), start_screen="today")
    async with app.run_test(size=(130, 36)) as pilot:
        await open_today(pilot)
        footer = " ".join(shown_text(key) for key in app.screen.query_one(Footer).children)
        assert "] Next section" in " ".join(footer.split())
        await pilot.press("f1")
        await settle(pilot)
        help_text = app.export_screenshot().replace("&#160;", " ")
        assert "today.next_section" in help_text and "today.section_3" in help_text


async def test_every_line_stays_one_line_at_80_columns(
    tmp_path: Path, make_app: AppFactory
) -> None:
    path = build_book(tmp_path / "book.db")
    db = open_database(str(path), user=TEST_USER, clock=frozen_clock)
    try:
        add_account(db, "Consolidated Intercontinental Widget Holdings Worldwide Group",
                    segment="Enterprise", renews_in=30)  # fmt: skip
        add_follow_up(db, "Consolidated Intercontinental Widget Holdings Worldwide Group",
                      FollowUpDraft(title=LONG_TITLE, due_on=FROZEN_TODAY))  # fmt: skip
    finally:
        db.close()
    app = make_app(path, start_screen="today")
    async with app.run_test(size=SMALL) as pilot:
        await open_today(pilot)
        listed = today_list(app)
        assert listed.virtual_size.height == listed.option_count  # one line per option
        lines = shown_text(listed).splitlines()
        long_lines = [line for line in lines if "Consolidated" in line]
        assert long_lines and all("…" in line for line in long_lines)
        assert any("Prepare the executive" in line and line.endswith("…") for line in lines)
        assert all(len(line) <= 80 for line in lines)


async def test_a_narrowed_terminal_lays_the_lines_out_again(
    tmp_path: Path, make_app: AppFactory
) -> None:
    app = make_app(build_book(tmp_path / "book.db"), start_screen="today")
    async with app.run_test(size=(130, 36)) as pilot:
        await open_today(pilot)
        listed = today_list(app)
        wide = next(line for line in shown_text(listed).splitlines() if "Chase legal" in line)
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        narrow = next(line for line in shown_text(listed).splitlines() if "Chase legal" in line)
        assert narrow.index("Chase legal") < wide.index("Chase legal")  # a narrower name column
        assert listed.virtual_size.height == listed.option_count
        assert isinstance(listed.highlighted_row(), FollowUpDue)
