"""The Revenue tab of Account 360: events and forecast; recording an event and a forecast."""

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Select

from cs_tui.screens.account.revenue_forms import ForecastForm, RevenueEventForm
from cs_tui.screens.account.revenue_tab import RevenueTab
from cs_tui.screens.account.screen import AccountScreen
from tests.app_support import SIZE, AppFactory, settle, shown_text


def flat(widget: object) -> str:
    return " ".join(shown_text(widget).split())


async def open_revenue(pilot: Pilot[Any]) -> RevenueTab:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AccountScreen)
    await pilot.press("8")
    await settle(pilot)
    return pilot.app.screen.query_one(RevenueTab)


async def test_the_revenue_tab_shows_arr_events_and_forecast(
    book: Any, make_app: AppFactory
) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        tab = await open_revenue(pilot)
        assert app.screen.query_one("#account-tabs").active == "tab-revenue"  # type: ignore[attr-defined]
        assert tab.revenue is not None
        summary = flat(tab.query_one("#revenue-summary"))
        assert summary.startswith("ARR ") and "renews" in summary and "Forecast" in summary
        assert tab.revenue.events, "the demo book records revenue for its accounts"
        assert app.screen.focused is tab.query_one("#revenue-events")
        assert tab.query_one("#revenue-events").region.height > 5, "the events fill the tab"
        assert tab.query_one("#revenue-events").row_count == len(tab.revenue.events)  # type: ignore[attr-defined]


async def test_recording_an_expansion_and_a_forecast(book: Any, make_app: AppFactory) -> None:
    app = make_app(book)
    async with app.run_test(size=SIZE) as pilot:
        tab = await open_revenue(pilot)
        assert tab.revenue is not None
        arr_before, events_before = tab.revenue.arr_minor, len(tab.revenue.events)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RevenueEventForm)
        await pilot.press("ctrl+s")
        assert "Kind: choose" in flat(form.query_one(".form-error"))
        form.query_one("#revenue-kind", Select).value = "downsell"
        form.query_one("#revenue-amount").value = "999999999"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        assert "Amount: a contraction cannot be more than the ARR" in flat(
            form.query_one(".form-error")
        )
        form.query_one("#revenue-kind", Select).value = "upsell"
        form.query_one("#revenue-amount").value = "1,000"  # type: ignore[attr-defined]
        form.query_one("#revenue-note").value = "ten more seats"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AccountScreen)
        tab = app.screen.query_one(RevenueTab)
        assert tab.revenue is not None
        assert tab.revenue.arr_minor == arr_before + 1_000 * 10 ** (
            0 if tab.revenue.currency == "JPY" else 2
        )
        assert len(tab.revenue.events) == events_before + 1
        assert tab.revenue.events[0].note == "ten more seats"
        assert (
            app.screen.view is not None
            and app.screen.view.detail.arr_minor == tab.revenue.arr_minor
        )  # type: ignore[attr-defined]
        await pilot.press("r")
        await pilot.pause()
        forecast = app.screen
        assert isinstance(forecast, ForecastForm)
        forecast.query_one("#forecast-probability").value = "35"  # type: ignore[attr-defined]
        forecast.query_one("#forecast-category", Select).value = "at_risk"
        forecast.query_one("#forecast-risks").value = "budget freeze"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
        tab = app.screen.query_one(RevenueTab)
        assert tab.revenue is not None and tab.revenue.forecast is not None
        assert (tab.revenue.forecast.probability, tab.revenue.forecast.category) == (
            0.35,
            "at_risk",
        )
        summary = flat(tab.query_one("#revenue-summary"))
        assert "at 35%, At risk · risks: budget freeze" in summary and "ARR at risk" in summary
