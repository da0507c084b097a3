"""The Voice tab of Account 360: scores, trend and responses; adding a respondent as a stakeholder."""

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from cs_tui.data.store.database import open_database
from cs_tui.data.voice.imports import import_surveys
from cs_tui.domain.book import account_row as r
from cs_tui.domain.enums import SurveyKind
from cs_tui.io.surveys.reader import read_survey_file
from cs_tui.screens.account.screen import AccountScreen
from cs_tui.screens.account.voice_form import ContactForm
from cs_tui.screens.account.voice_tab import VoiceTab
from cs_tui.widgets.account_table import AccountTable
from tests.app_support import SIZE, AppFactory, settle, shown_text
from tests.conftest import TEST_USER, frozen_clock


def import_pulse(book: Path, account_name: str, tmp_path: Path) -> None:
    """A detractor from someone the book does not know, on `account_name`, five days ago."""
    source = tmp_path / "pulse.csv"
    source.write_text(
        "account,email,name,score,date,comment\n"
        f'"{account_name}",new.voice@example.org,Nia Voss,3,2026-06-10,"Slow reports,\nagain"\n'
    )
    db = open_database(str(book), user=TEST_USER, clock=frozen_clock)
    try:
        report = import_surveys(db, read_survey_file(source, kind=SurveyKind.NPS))
        assert report.new == 1
    finally:
        db.close()


async def open_voice(pilot: Pilot[Any]) -> VoiceTab:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AccountScreen)
    await pilot.press("7")
    await pilot.pause()
    return pilot.app.screen.query_one(VoiceTab)


def first_account_name(app: Any) -> str:
    return str(app.screen.query_one(AccountTable).rows[0][r.NAME])


async def test_the_voice_tab_shows_scores_trend_and_responses(
    book: Path, make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        name = first_account_name(app)
    import_pulse(book, name, tmp_path)
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        voice = await open_voice(pilot)
        assert app.screen.query_one("#account-tabs").active == "tab-voice"  # type: ignore[attr-defined]
        summary = " ".join(shown_text(voice.query_one("#voice-summary")).split())
        assert "NPS" in summary and "CSAT" in summary and "2026-Q2" in summary
        assert voice.voice is not None and voice.voice.responses[0].contact == "Nia Voss"
        detail = shown_text(voice.query_one("#voice-detail"))
        assert "Slow reports," in detail and "again" in detail
        assert "press a to add them" in detail


async def test_a_new_respondent_becomes_a_stakeholder(
    book: Path, make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        name = first_account_name(app)
    import_pulse(book, name, tmp_path)
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        voice = await open_voice(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        app.screen.query_one("#contact-name").value = ""  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert "give the person's name" in " ".join(
            shown_text(app.screen.query_one(".form-error")).split()
        )
        app.screen.query_one("#contact-name").value = "Nia Voss"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        people = app.screen.view.detail.stakeholders  # type: ignore[attr-defined]
        assert "new.voice@example.org" in {p.email for p in people}
        voice = app.screen.query_one(VoiceTab)
        assert voice.voice is not None and not voice.voice.responses[0].new_contact
        await pilot.press("a")  # already a stakeholder: nothing to add
        await pilot.pause()
        assert isinstance(app.screen, AccountScreen)
