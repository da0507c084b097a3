"""Scoring accounts with a scorecard: profiles compiled once, overrides shown beside the score.

`Scorer.profile(segment, stage)` hands out the compiled profile for an account kind (cached), whose
`score(values)` is the hot path. `assess()` is the one-account view with frozen values in and out.
An override replaces the score people see until it expires, but never the computed score, which
is always kept and shown next to it.
"""

from dataclasses import dataclass
from datetime import date

from cs_tui.domain.scoring.catalogue import Values
from cs_tui.domain.scoring.compiled import (
    ResolvedProfile,
    Score,
    ScoreFunction,
    compile_profile,
    resolve,
)
from cs_tui.domain.scoring.explain import Explanation, explain
from cs_tui.domain.scoring.facts import AccountFacts, measure_values
from cs_tui.domain.scoring.scorecard import Bands, Scorecard


@dataclass(frozen=True)
class CompiledProfile:
    resolved: ResolvedProfile
    score: ScoreFunction  # values -> (score or None, band, coverage)

    def explain(self, values: Values) -> Explanation:
        return explain(self.resolved, values)


@dataclass(frozen=True)
class Override:
    """A manual score with its reason, in force from `set_on` through `expires_on`."""

    score: int
    reason: str
    set_on: date
    expires_on: date
    author: str = ""

    def active_on(self, day: date) -> bool:
        return self.set_on <= day <= self.expires_on


@dataclass(frozen=True)
class Assessment:
    """One account's result: the computed score and, when an override is in force, the shown one."""

    profile: str
    values: tuple[float | None, ...]
    score: float | None
    band: str
    coverage: float
    override: Override | None
    shown_score: float | None
    shown_band: str

    @property
    def overridden(self) -> bool:
        return self.override is not None


def shown_result(
    score: float | None, band: str, override_score: int | None, bands: Bands
) -> tuple[float | None, str]:
    """What the list shows: the override's score and band when one is in force, else the score."""
    if override_score is None:
        return score, band
    return float(override_score), bands.band_for(override_score).value


class Scorer:
    """A validated scorecard ready to score any account; profiles are compiled on first use."""

    def __init__(self, card: Scorecard) -> None:
        self.card = card
        self._profiles: dict[tuple[str, str], CompiledProfile | None] = {}

    def profile(self, segment: str, stage: str) -> CompiledProfile | None:
        """The compiled profile for accounts of this kind; None when the stage is not scored."""
        key = (segment, stage)
        found = self._profiles.get(key)
        if found is None and key not in self._profiles:
            if stage in self.card.unscored_stages:
                found = None
            else:
                resolved = resolve(self.card, segment, stage)
                found = CompiledProfile(resolved, compile_profile(resolved))
            self._profiles[key] = found
        return found

    def values(self, facts: AccountFacts, as_of: date) -> tuple[float | None, ...]:
        return measure_values(facts, as_of, self.card.signals.sentiment_expires_after_days)

    def score(self, facts: AccountFacts, as_of: date) -> Score | None:
        profile = self.profile(facts.segment, facts.stage)
        return None if profile is None else profile.score(self.values(facts, as_of))

    def assess(
        self, facts: AccountFacts, as_of: date, override: Override | None = None
    ) -> Assessment | None:
        """The account's score on `as_of`, or None when its lifecycle stage is not scored."""
        profile = self.profile(facts.segment, facts.stage)
        if profile is None:
            return None
        values = self.values(facts, as_of)
        score, band, coverage = profile.score(values)
        in_force = override if override is not None and override.active_on(as_of) else None
        shown_score, shown_band = shown_result(
            score, band, in_force.score if in_force else None, self.card.bands
        )
        return Assessment(
            profile.resolved.key, values, score, band, coverage, in_force, shown_score, shown_band
        )
