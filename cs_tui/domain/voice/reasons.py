"""Why customers left, stated beside judged: exit-survey reasons next to the CSM's churn reasons.

An exit survey's reason is free text ("Budget cuts", "We were acquired"); the churn event's is a
code of the churn-reason taxonomy. `classify_reason` puts the stated text under a code (the code
itself, its label, or one of its words), else "other", so both sides count under one list.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

OTHER = "other"
# The churn-reason codes and words that name them in a customer's own phrasing.
REASON_WORDS: Mapping[str, tuple[str, ...]] = {
    "budget": ("budget", "price", "pricing", "expensive", "cost", "afford", "cheaper", "money"),
    "product_fit": ("fit", "workflow", "feature", "missing", "need", "functionality", "bug"),
    "competitor": ("competitor", "switch", "alternative", "another tool", "another vendor",
                   "in-house", "bundled", "moving to"),
    "acquired": ("acquired", "acquisition", "merger", "merged", "parent company"),
    "champion_left": ("champion", "left the company", "owner left", "nobody took", "reorg"),
    "low_adoption": ("adoption", "nobody used", "few people", "not using", "didn't use",
                     "usage", "too few"),
}  # fmt: skip


def reason_code(text: str) -> str:
    """ "Product fit" -> product_fit: the shape of a taxonomy code."""
    return re.sub(r"[^a-z0-9]+", "_", text.strip().casefold()).strip("_")


def classify_reason(text: str, words: Mapping[str, Sequence[str]] = REASON_WORDS) -> str:
    """The taxonomy code a stated reason falls under; "" for no reason, "other" when none fits."""
    if not text.strip():
        return ""
    code = reason_code(text)
    if code in words:
        return code
    said = text.casefold()
    for candidate, names in words.items():
        if any(re.search(rf"\b{re.escape(name)}", said) for name in names):
            return candidate
    return OTHER


@dataclass(frozen=True)
class Stated:
    account: str
    reason: str  # as the customer wrote it
    competitor: str


@dataclass(frozen=True)
class Judged:
    account: str
    reason_code: str
    amount_minor: int
    currency: str = "USD"


@dataclass(frozen=True)
class ReasonRow:
    code: str
    stated: int
    judged: int
    judged_amount_minor: int  # the sum in minor units: meaningful in one currency only
    competitors: tuple[tuple[str, int], ...]
    judged_amounts: tuple[tuple[str, int], ...] = ()  # per currency, largest first

    @property
    def single_currency(self) -> bool:
        return len(self.judged_amounts) <= 1


@dataclass(frozen=True)
class ReasonTable:
    rows: tuple[ReasonRow, ...]
    agreeing: int
    compared: int


def reason_table(
    stated: Iterable[Stated],
    judged: Iterable[Judged],
    words: Mapping[str, Sequence[str]] = REASON_WORDS,
) -> ReasonTable:
    """Each reason with how many exit surveys state it and how many churn events judge it, most
    frequent first; and of the accounts with both, how many agree (same code either side)."""
    said: Counter[str] = Counter()
    rivals: defaultdict[str, Counter[str]] = defaultdict(Counter)
    stated_by_account: defaultdict[str, set[str]] = defaultdict(set)
    for item in stated:
        code = classify_reason(item.reason, words) or ("competitor" if item.competitor else "")
        if not code:
            continue
        said[code] += 1
        stated_by_account[item.account].add(code)
        if item.competitor.strip():
            rivals[code][item.competitor.strip()] += 1
    judged_count: Counter[str] = Counter()
    amounts: Counter[str] = Counter()
    by_currency: defaultdict[str, Counter[str]] = defaultdict(Counter)
    judged_by_account: defaultdict[str, set[str]] = defaultdict(set)
    for event in judged:
        code = reason_code(event.reason_code) or OTHER
        judged_count[code] += 1
        amounts[code] += event.amount_minor
        by_currency[code][event.currency] += event.amount_minor
        judged_by_account[event.account].add(code)
    both = set(stated_by_account) & set(judged_by_account)
    agreeing = sum(1 for a in both if stated_by_account[a] & judged_by_account[a])
    codes = sorted(set(said) | set(judged_count), key=lambda c: (-(said[c] + judged_count[c]), c))
    rows = tuple(
        ReasonRow(code, said[code], judged_count[code], amounts[code],
                  tuple(sorted(rivals[code].items(), key=lambda kv: (-kv[1], kv[0]))),
                  tuple(sorted(by_currency[code].items(), key=lambda kv: (-kv[1], kv[0]))))
        for code in codes
    )  # fmt: skip
    return ReasonTable(rows, agreeing, len(both))
