"""The demo's revenue history beyond the main draws, and forecasts for the renewals ahead.

These draw from a random stream of their own per account (seeded by the account's id), so they
add to the book without changing anything else the seed produces.
"""

import random
from typing import TYPE_CHECKING

from cs_tui.demo.draws import Calendar
from cs_tui.demo.profiles import HORIZON_DAYS
from cs_tui.demo.vocabulary import COMPETITORS, REVENUE_NOTES

if TYPE_CHECKING:
    from cs_tui.demo.generate import AccountDraft, Row

HISTORY_DAYS = 730  # revenue history: two years back
FORECAST_DAYS = 120  # renewals this close have a forecast
RISKS: dict[str, tuple[str, ...]] = {
    "commit": ("", "Procurement asked for a multi-year quote"),
    "likely": ("New budget owner to meet", "Price increase under discussion", ""),
    "at_risk": ("Champion left; no replacement yet", "Usage fell since the last QBR",
                "Evaluating a competitor", "Budget freeze announced"),
    "lost": ("Told us they will not renew", "Moving to a bundled tool"),
}  # fmt: skip
# by health (thriving, steady, at_risk, critical): category odds and the probability range
FORECAST_PROFILES: tuple[tuple[tuple[tuple[str, float], ...], tuple[float, float]], ...] = (
    ((("commit", 0.7), ("likely", 1.0)), (0.85, 0.98)),
    ((("commit", 0.3), ("likely", 0.9), ("at_risk", 1.0)), (0.6, 0.9)),
    ((("likely", 0.2), ("at_risk", 0.9), ("lost", 1.0)), (0.25, 0.55)),
    ((("at_risk", 0.6), ("lost", 1.0)), (0.05, 0.3)),
)


def side_stream(account: "AccountDraft", purpose: str) -> random.Random:
    return random.Random(f"{purpose}|{account.id}")


def competitor_for(account: "AccountDraft") -> str:
    """Which competitor a churn to a competitor went to."""
    return side_stream(account, "competitor").choice(COMPETITORS)


def older_history(
    calendar: Calendar, account: "AccountDraft", arr_on_then: int, out: "list[Row]"
) -> None:
    """New business and renewals between two years and 18 months ago, at the ARR of the time."""
    rng = side_stream(account, "history")
    since = account.customer_since
    events: list[tuple[int, str]] = []
    if -HISTORY_DAYS <= since < -HORIZON_DAYS:
        events.append((since, "new"))
    for renewal in range(1, account.renewals + 1):
        day = since + renewal * account.term_days
        if -HISTORY_DAYS <= day < -HORIZON_DAYS:
            events.append((day, "renewal"))
    for day, kind in events:
        out.append((_id(rng), account.id, kind, arr_on_then, account.currency, calendar.iso(day),
                     "", rng.choice(REVENUE_NOTES[kind]), "", "", ""))  # fmt: skip


def _id(rng: random.Random) -> str:
    """A random id shaped like the demo's others (a version-7 UUID in hex)."""
    digits = f"{rng.getrandbits(128):032x}"
    return f"{digits[:12]}7{digits[13:]}"


def forecast(calendar: Calendar, account: "AccountDraft", out: "list[Row]") -> None:
    """A forecast for a renewal in the next four months, as the account's health suggests."""
    if account.churned or not 0 < account.contract_end <= FORECAST_DAYS:
        return
    rng = side_stream(account, "forecast")
    if rng.random() < 0.25:  # not every renewal has been forecast yet
        return
    categories, (low, high) = FORECAST_PROFILES[min(account.health, len(FORECAST_PROFILES) - 1)]
    roll = rng.random()
    category = next(name for name, bound in categories if roll < bound)
    probability = round(low + (high - low) * rng.random(), 2)
    if category == "lost":
        probability = round(min(probability, 0.1), 2)
    uplift = {"commit": 1.05, "likely": 1.0, "at_risk": 0.9, "lost": 0.0}[category]
    amount = int(round(account.arr_minor * uplift, -2))
    out.append((
        _id(rng), account.id, calendar.iso(account.contract_end), amount, account.currency,
        probability, category, rng.choice(RISKS[category]),
    ))  # fmt: skip
