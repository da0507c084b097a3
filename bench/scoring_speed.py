"""How many accounts per second the compiled scorecard scores: the hot function of rescoring.

Accounts are drawn like the demo book's (every segment and lifecycle stage, so every profile of the
shipped scorecard, and about a fifth of the values missing); each account's compiled profile is
looked up before timing, as rescoring does once per kind of account. `score_function_throughput`
times `profile.score(values)` alone; `derivation_throughput` adds the step before it, from the
store's aggregated facts to the measure values. Each figure is the best of `repeats` passes.

Usage: .venv/bin/python bench/scoring_speed.py [ACCOUNTS] [--repeats N]
"""

import argparse
import random
import time
from collections.abc import Callable
from datetime import date, timedelta

from cs_tui.domain.scoring import AccountFacts, Scorer
from cs_tui.domain.scoring.catalogue import MEASURES
from cs_tui.domain.scoring.facts import measure_values
from cs_tui.io.scorecard_file import DEFAULT_SCORECARD_FILE, read_scorecard

AS_OF = date(2026, 6, 15)
SEGMENTS = (("SMB", 0.6), ("Mid-Market", 0.9), ("Enterprise", 1.0))
STAGES = (("onboarding", 0.1), ("adoption", 0.25), ("value", 0.8), ("renewal", 1.0))


def _pick(rng: random.Random, choices: tuple[tuple[str, float], ...]) -> str:
    roll = rng.random()
    return next(name for name, bound in choices if roll < bound)


def _maybe(rng: random.Random, value: float) -> float | None:
    return None if rng.random() < 0.2 else value


def sample_facts(accounts: int, seed: int = 7) -> list[AccountFacts]:
    """Accounts' aggregated signals, varied like a real book's (deterministic)."""
    rng = random.Random(seed)
    facts = []
    for _ in range(accounts):
        seats = float(rng.randrange(5, 2000))
        nps_answers = rng.choice((0, 0, 1, 2, 3))
        promoters = rng.randint(0, nps_answers)
        csat_answers = rng.choice((0, 0, 0, 1, 2))
        touched = rng.choice((None, *range(0, 120)))
        sentiment_on = AS_OF - timedelta(days=rng.randrange(0, 100))
        facts.append(
            AccountFacts(
                _pick(rng, SEGMENTS), _pick(rng, STAGES), seats,
                _maybe(rng, seats * rng.uniform(0.1, 1.0)), _maybe(rng, rng.uniform(50, 5000)),
                _maybe(rng, rng.uniform(50, 5000)), _maybe(rng, rng.uniform(0.05, 0.95)),
                _maybe(rng, float(rng.randrange(0, 40))), _maybe(rng, rng.uniform(1, 48)),
                promoters, rng.randint(0, nps_answers - promoters), nps_answers,
                rng.randint(0, csat_answers), csat_answers,
                None if touched is None else AS_OF - timedelta(days=touched),
                _maybe(rng, rng.uniform(0, 100)), rng.choice((0, 0, 0, 1, 2, 4)),
                rng.choice((None, None, 1, 2, 3, 4, 5)), sentiment_on,
            )
        )  # fmt: skip
    return facts


def _best_rate(accounts: int, repeats: int, one_pass: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        one_pass()
        best = min(best, time.perf_counter() - started)
    return accounts / best


def score_function_throughput(accounts: int = 100_000, *, repeats: int = 5) -> float:
    """Accounts per second through the compiled scoring function (best of `repeats` passes)."""
    scorer = Scorer(read_scorecard(DEFAULT_SCORECARD_FILE))
    days = scorer.card.signals.sentiment_expires_after_days
    work = []
    for facts in sample_facts(accounts):
        profile = scorer.profile(facts.segment, facts.stage)
        assert profile is not None and len(measure_values(facts, AS_OF, days)) == len(MEASURES)
        work.append((profile.score, measure_values(facts, AS_OF, days)))

    def one_pass() -> None:
        for score, values in work:
            score(values)

    return _best_rate(accounts, repeats, one_pass)


def derivation_throughput(accounts: int = 100_000, *, repeats: int = 5) -> float:
    """Accounts per second from aggregated facts to measure values to the score."""
    scorer = Scorer(read_scorecard(DEFAULT_SCORECARD_FILE))
    days = scorer.card.signals.sentiment_expires_after_days
    work = []
    for facts in sample_facts(accounts):
        profile = scorer.profile(facts.segment, facts.stage)
        assert profile is not None
        work.append((profile.score, facts))

    def one_pass() -> None:
        for score, facts in work:
            score(measure_values(facts, AS_OF, days))

    return _best_rate(accounts, repeats, one_pass)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("accounts", nargs="?", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    scoring = score_function_throughput(options.accounts, repeats=options.repeats)
    derived = derivation_throughput(options.accounts, repeats=options.repeats)
    print(f"{options.accounts:,} accounts, best of {options.repeats} passes")
    print(f"scoring function          {scoring:>12,.0f} accounts/s  (target 500,000)")
    print(f"facts -> values -> score  {derived:>12,.0f} accounts/s")


if __name__ == "__main__":
    main()
