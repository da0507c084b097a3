"""NPS and CSAT from survey scores, and reading a score as survey tools write it.

NPS = % promoters (9-10) - % detractors (0-6) on a 0-10 scale, passives (7-8) only in the
denominator; CSAT = responses of 4 or 5 on a 1-5 scale / all responses x 100. Tools write scores as
"9", "9.0", "10 - Extremely likely" or, for CSAT, "Very satisfied"; `parse_score` reads them all.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from cs_tui.domain.enums import SurveyKind

SCALES: dict[SurveyKind, tuple[int, int]] = {SurveyKind.NPS: (0, 10), SurveyKind.CSAT: (1, 5)}
PROMOTER_MIN = 9
DETRACTOR_MAX = 6
SATISFIED_MIN = 4
_NUMBER = re.compile(r"(?<![0-9.])([0-9]{1,2})(?:\.0+)?(?![0-9.])")
CSAT_LABELS = {
    "very dissatisfied": 1, "extremely dissatisfied": 1, "dissatisfied": 2,
    "somewhat dissatisfied": 2, "neutral": 3, "neither satisfied nor dissatisfied": 3,
    "somewhat satisfied": 4, "satisfied": 4, "very satisfied": 5, "extremely satisfied": 5,
}  # fmt: skip
NPS_LABELS = {"not at all likely": 0, "extremely likely": 10}


def scale_text(kind: SurveyKind) -> str:
    low, high = SCALES[kind]
    return f"{low}-{high}"


def parse_score(text: str, kind: SurveyKind) -> int:
    """The score a cell holds: its one whole number, else a known label; ValueError names why."""
    cell = " ".join(text.split())
    numbers = _NUMBER.findall(cell)
    if len(set(numbers)) == 1:
        score = int(numbers[0])
    else:
        label = cell.casefold().strip(" .")
        labels = CSAT_LABELS if kind is SurveyKind.CSAT else NPS_LABELS
        if label not in labels:
            raise ValueError(f"not an {kind.value.upper()} score (expected {scale_text(kind)})")
        score = labels[label]
    low, high = SCALES[kind]
    if not low <= score <= high:
        raise ValueError(f"{kind.value.upper()} score must be {low}-{high}, not {score}")
    return score


def nps_category(score: int) -> str:
    """'promoter' (9-10), 'passive' (7-8) or 'detractor' (0-6)."""
    if score >= PROMOTER_MIN:
        return "promoter"
    return "passive" if score > DETRACTOR_MAX else "detractor"


@dataclass(frozen=True)
class NpsResult:
    responses: int
    promoters: int
    passives: int
    detractors: int

    @property
    def score(self) -> float | None:
        """-100..+100, or None without responses."""
        if not self.responses:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.responses


@dataclass(frozen=True)
class CsatResult:
    responses: int
    satisfied: int

    @property
    def score(self) -> float | None:
        """0..100, or None without responses."""
        return 100.0 * self.satisfied / self.responses if self.responses else None


def nps(scores: Iterable[int]) -> NpsResult:
    counts = {"promoter": 0, "passive": 0, "detractor": 0}
    for score in scores:
        counts[nps_category(score)] += 1
    return NpsResult(
        sum(counts.values()), counts["promoter"], counts["passive"], counts["detractor"]
    )


def csat(scores: Iterable[int]) -> CsatResult:
    values = list(scores)
    return CsatResult(len(values), sum(1 for score in values if score >= SATISFIED_MIN))


def signed(value: float | None) -> str:
    """An NPS as people write it: +42, -7, 0, or "-" without responses."""
    if value is None:
        return "-"
    whole = round(value)
    return f"+{whole}" if whole > 0 else str(whole)


def percent(value: float | None) -> str:
    return "-" if value is None else f"{round(value)}%"
