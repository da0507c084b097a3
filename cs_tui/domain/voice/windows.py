"""Which responses count, and when: NPS over the last 180 days, CSAT over 90, trend by quarter.

The platforms default to these windows; a window ends on (and includes) `as_of`. The trend groups
responses by calendar quarter so a few responses a year still show a direction.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cs_tui.domain.enums import SurveyKind
from cs_tui.domain.voice.scores import CsatResult, NpsResult, csat, nps

NPS_WINDOW_DAYS = 180
CSAT_WINDOW_DAYS = 90
TREND_QUARTERS = 6
Scored = tuple[date, SurveyKind, int]  # responded on, kind, score


def window_start(as_of: date, days: int) -> date:
    """The first day of a window of `days` days ending on `as_of`."""
    if days < 1:
        raise ValueError(f"a window needs at least one day, not {days}")
    return as_of - timedelta(days=days - 1)


def in_window(day: date, as_of: date, days: int) -> bool:
    return window_start(as_of, days) <= day <= as_of


def nps_as_of(responses: Iterable[Scored], as_of: date, days: int = NPS_WINDOW_DAYS) -> NpsResult:
    return nps(s for d, k, s in responses if k is SurveyKind.NPS and in_window(d, as_of, days))


def csat_as_of(
    responses: Iterable[Scored], as_of: date, days: int = CSAT_WINDOW_DAYS
) -> CsatResult:
    return csat(s for d, k, s in responses if k is SurveyKind.CSAT and in_window(d, as_of, days))


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_label(quarter: tuple[int, int]) -> str:
    return f"{quarter[0]}-Q{quarter[1]}"


def _previous(quarter: tuple[int, int]) -> tuple[int, int]:
    year, number = quarter
    return (year - 1, 4) if number == 1 else (year, number - 1)


@dataclass(frozen=True)
class TrendPoint:
    """One quarter's NPS and CSAT (each None-scored when nobody answered)."""

    label: str
    nps: NpsResult
    csat: CsatResult


def quarterly_trend(
    responses: Sequence[Scored], as_of: date, quarters: int = TREND_QUARTERS
) -> tuple[TrendPoint, ...]:
    """The last `quarters` calendar quarters up to `as_of`'s, oldest first."""
    wanted = [quarter_of(as_of)]
    while len(wanted) < quarters:
        wanted.append(_previous(wanted[-1]))
    wanted.reverse()
    by_quarter: dict[tuple[int, int], list[Scored]] = {q: [] for q in wanted}
    for response in responses:
        if response[0] <= as_of and (found := by_quarter.get(quarter_of(response[0]))) is not None:
            found.append(response)
    return tuple(
        TrendPoint(
            quarter_label(q),
            nps(s for _, k, s in rows if k is SurveyKind.NPS),
            csat(s for _, k, s in rows if k is SurveyKind.CSAT),
        )
        for q, rows in by_quarter.items()
    )
