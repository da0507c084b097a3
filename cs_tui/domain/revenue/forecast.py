"""Renewal forecasts, and the ARR at risk: the ARR of renewals forecast at risk or whose health
is red."""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from cs_tui.domain.enums import HealthBand


class ForecastCategory(StrEnum):
    COMMIT = "commit"
    LIKELY = "likely"
    AT_RISK = "at_risk"
    LOST = "lost"


CATEGORY_NAMES = tuple(c.value for c in ForecastCategory)


class ForecastError(ValueError):
    """A forecast value that is out of range; the message names the flag or field."""


def parse_category(text: str) -> ForecastCategory:
    word = text.strip().casefold().replace("-", "_").replace(" ", "_")
    try:
        return ForecastCategory(word)
    except ValueError:
        raise ForecastError(
            f"category {text!r} is not one of {', '.join(CATEGORY_NAMES)}"
        ) from None


def check_probability(value: float) -> float:
    """A probability from 0 to 1; 0-100 is read as a percentage when above 1."""
    if value != value or value < 0:  # NaN or negative
        raise ForecastError(f"probability {value} must be from 0 to 1 (or 0% to 100%)")
    if value > 1:
        if value > 100:
            raise ForecastError(f"probability {value} must be from 0 to 1 (or 0% to 100%)")
        value = value / 100
    return round(value, 4)


def is_at_risk(category: ForecastCategory | str | None, band: HealthBand | str | None) -> bool:
    """A renewal is at risk when its forecast says so or the account's health is red."""
    return category == ForecastCategory.AT_RISK or band == HealthBand.RED


@dataclass(frozen=True)
class RenewalExposure:
    arr_minor: int
    category: ForecastCategory | str | None
    band: HealthBand | str | None


def arr_at_risk(renewals: Iterable[RenewalExposure]) -> int:
    """The ARR of the renewals at risk (see `is_at_risk`), in one currency's minor units."""
    return sum(r.arr_minor for r in renewals if is_at_risk(r.category, r.band))


def weighted_forecast(amount_minor: int, probability: float) -> int:
    return round(amount_minor * probability)
