"""Why customers left, stated beside judged: exit-survey reasons next to the CSM's churn reasons,
both counted under the revenue reason taxonomy.

An exit survey's reason is free text ("Budget cuts", "We were acquired"); the churn event's is a
taxonomy code. `stated_reason` puts the stated text under a reason of the taxonomy: by its code,
label or aliases, then by its keywords (`Taxonomy.match_words`); the reason column first, then the
comment; a response naming only a competitor goes under the taxonomy's competitor reason. What
fits no reason stays unmapped, listed with the customer's own words.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from cs_tui.domain.revenue.taxonomy import Reason, Taxonomy, reason_key

NOT_IN_TAXONOMY = "Not in the taxonomy"


@dataclass(frozen=True)
class StatedReason:
    """Where a stated reason landed: the reason (None if unmapped), what said it, the raw text."""

    reason: Reason | None
    by: str  # "reason", "comment", "competitor", or "" when nothing maps
    text: str  # the customer's own words: the reason column, else the comment


def stated_reason(
    taxonomy: Taxonomy, reason: str, comment: str = "", competitor: str = ""
) -> StatedReason:
    """The taxonomy reason an exit response states; see the module docstring for the order."""
    text = reason.strip() or comment.strip()
    for by, said in (("reason", reason), ("comment", comment)):
        found = taxonomy.match_words(said) if said.strip() else None
        if found is not None:
            return StatedReason(found, by, text)
    if competitor.strip() and not text:
        rival = next((r for r in taxonomy.reasons if r.names_competitor), None)
        if rival is not None:
            return StatedReason(rival, "competitor", "")
    return StatedReason(None, "", text)


@dataclass(frozen=True)
class Stated:
    account: str
    reason: str  # as the customer wrote it
    comment: str
    competitor: str


@dataclass(frozen=True)
class Judged:
    account: str
    reason_code: str
    amount_minor: int
    currency: str
    competitor: str = ""


Amounts = tuple[tuple[str, int], ...]  # (currency, minor units), by currency


@dataclass(frozen=True)
class Competitor:
    name: str
    stated: int
    judged: int


@dataclass(frozen=True)
class ReasonRow:
    category: str
    code: str
    label: str
    stated: int
    judged: int
    stated_lost: Amounts  # the churned ARR of the accounts stating it
    judged_lost: Amounts  # the ARR of the churn events judged so
    competitors: tuple[Competitor, ...]


@dataclass(frozen=True)
class CategoryRow:
    name: str
    stated: int
    judged: int
    stated_lost: Amounts
    judged_lost: Amounts
    reasons: tuple[ReasonRow, ...]


@dataclass(frozen=True)
class Unmapped:
    text: str  # the first spelling seen
    count: int
    competitors: tuple[str, ...]


@dataclass(frozen=True)
class ReasonTable:
    categories: tuple[CategoryRow, ...]
    unmapped: tuple[Unmapped, ...]
    unstated: int  # exit responses that give no reason at all
    agreeing: int
    compared: int

    @property
    def rows(self) -> tuple[ReasonRow, ...]:
        return tuple(r for c in self.categories for r in c.reasons)


def _amounts(counter: Counter[str]) -> Amounts:
    return tuple(sorted((c, a) for c, a in counter.items() if a))


def _add(into: Counter[str], amounts: Iterable[tuple[str, int]]) -> None:
    for currency, minor in amounts:
        into[currency] += minor


def reason_table(
    taxonomy: Taxonomy, stated: Iterable[Stated], judged: Iterable[Judged]
) -> ReasonTable:
    """Per category and reason (the taxonomy's order; reasons nobody gave left out): how many exit
    responses state it and how many churn events judge it, the ARR lost each way, the
    competitors named; the unmapped stated reasons; and of the accounts with both sides, how many
    agree (a code in common)."""
    judged = list(judged)
    lost_by_account: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for event in judged:
        lost_by_account[event.account][event.currency] += event.amount_minor
    said: Counter[str] = Counter()
    said_accounts: defaultdict[str, set[str]] = defaultdict(set)
    rivals: defaultdict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    spelled: dict[str, str] = {}
    unmapped: Counter[str] = Counter()
    unmapped_rivals: defaultdict[str, list[str]] = defaultdict(list)
    unstated = 0
    for item in stated:
        found = stated_reason(taxonomy, item.reason, item.comment, item.competitor)
        rival = item.competitor.strip()
        if found.reason is None:
            if not found.text:
                unstated += 1
                continue
            key = " ".join(found.text.casefold().split())
            spelled.setdefault(key, " ".join(found.text.split()))
            unmapped[key] += 1
            if rival and rival not in unmapped_rivals[key]:
                unmapped_rivals[key].append(rival)
            continue
        code = found.reason.code
        said[code] += 1
        said_accounts[code].add(item.account)
        if rival:
            rivals[code][(rival.casefold(), "stated")] += 1
            spelled.setdefault(f"rival:{rival.casefold()}", rival)
    known = {r.code: r for r in taxonomy.reasons}
    unknown: dict[str, Reason] = {}
    judged_count: Counter[str] = Counter()
    judged_lost: defaultdict[str, Counter[str]] = defaultdict(Counter)
    judged_accounts: defaultdict[str, set[str]] = defaultdict(set)
    for event in judged:
        code = reason_key(event.reason_code) or "other"
        if code not in known and code not in unknown:
            unknown[code] = Reason(NOT_IN_TAXONOMY, code, code.replace("_", " "), False)
        judged_count[code] += 1
        judged_lost[code][event.currency] += event.amount_minor
        judged_accounts[code].add(event.account)
        rival = event.competitor.strip()
        if rival:
            rivals[code][(rival.casefold(), "judged")] += 1
            spelled.setdefault(f"rival:{rival.casefold()}", rival)
    groups: dict[str, list[ReasonRow]] = {}
    for reason in (*taxonomy.reasons, *unknown.values()):
        code = reason.code
        if not said[code] and not judged_count[code]:
            continue
        stated_lost: Counter[str] = Counter()
        for account in said_accounts[code]:
            _add(stated_lost, lost_by_account[account].items())
        names = {name for name, _ in rivals[code]}
        competitors = sorted(
            (Competitor(spelled[f"rival:{n}"], rivals[code][(n, "stated")],
                        rivals[code][(n, "judged")]) for n in names),
            key=lambda c: (-(c.stated + c.judged), c.name.casefold()),
        )  # fmt: skip
        groups.setdefault(reason.category, []).append(
            ReasonRow(reason.category, code, reason.label, said[code], judged_count[code],
                      _amounts(stated_lost), _amounts(judged_lost[code]), tuple(competitors))
        )  # fmt: skip
    categories = []
    for name, rows in groups.items():
        stated_sum: Counter[str] = Counter()
        judged_sum: Counter[str] = Counter()
        stating = set().union(*(said_accounts[row.code] for row in rows))
        for account in stating:  # an account stating two of its reasons counts once
            _add(stated_sum, lost_by_account[account].items())
        for row in rows:
            _add(judged_sum, row.judged_lost)
        categories.append(
            CategoryRow(name, sum(r.stated for r in rows), sum(r.judged for r in rows),
                        _amounts(stated_sum), _amounts(judged_sum), tuple(rows))
        )  # fmt: skip
    by_account_said: defaultdict[str, set[str]] = defaultdict(set)
    for code, accounts in said_accounts.items():
        for account in accounts:
            by_account_said[account].add(code)
    by_account_judged: defaultdict[str, set[str]] = defaultdict(set)
    for code, accounts in judged_accounts.items():
        for account in accounts:
            by_account_judged[account].add(code)
    both = set(by_account_said) & set(by_account_judged)
    agreeing = sum(1 for a in both if by_account_said[a] & by_account_judged[a])
    listed = tuple(
        Unmapped(spelled[key], count, tuple(unmapped_rivals[key]))
        for key, count in sorted(unmapped.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return ReasonTable(tuple(categories), listed, unstated, agreeing, len(both))
