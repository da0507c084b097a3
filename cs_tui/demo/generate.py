"""Generating the demo book one account at a time, from a seeded RNG and the `as_of` date.

No database and no clock: the same seed and as_of give the same rows, ids included. Each account is
drawn whole (its contract, people, conversations, plan, usage, surveys and revenue) so the parts agree
with each other: a declining account has falling usage, worried check-ins, detractors and downsells.
Rows are tuples in the column order of FIELDS; `write.py` adds the audit columns and stores them.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from cs_tui.demo import activity, plans, renewals, signals
from cs_tui.demo.draws import Calendar, Dice
from cs_tui.demo.profiles import (
    AT_RISK,
    CURRENCIES,
    HEALTHS,
    HORIZON_DAYS,
    SEGMENTS,
    Health,
    Segment,
)
from cs_tui.demo.vocabulary import (
    BRANCH_CITIES,
    BRAND_WORDS,
    CHURN_REASONS,
    COMPANY_SUFFIXES,
    INDUSTRIES,
    TAG_ODDS,
    TITLES,
    TOP_LEVEL_DOMAINS,
    NamePools,
    build_name_pools,
)
from cs_tui.domain.enums import LifecycleStage, StakeholderRole

Row = tuple[Any, ...]
Rows = dict[str, list[Row]]

FIELDS: dict[str, tuple[str, ...]] = {
    "account": (
        "id", "name", "external_id", "domain", "owner", "segment", "industry", "lifecycle_stage",
        "arr_minor", "currency", "contract_start", "contract_end", "auto_renew", "licensed_seats",
        "tags",
    ),
    "stakeholder": ("id", "account_id", "name", "email", "title", "role", "is_primary", "left_on"),
    "check_in": (
        "id", "account_id", "occurred_on", "kind", "summary", "attendees", "sentiment", "risks",
        "author",
    ),
    "follow_up": (
        "id", "account_id", "check_in_id", "title", "kind", "priority", "owner", "due_on", "status",
        "snoozed_until", "snooze_reason", "origin", "origin_ref", "completed_at",
    ),
    "success_plan": (
        "id", "account_id", "status", "why_bought", "pain_points", "success_definition", "actions",
        "started_on", "agreed_on", "review_on", "template",
    ),
    "plan_objective": (
        "id", "plan_id", "title", "metric", "baseline", "target", "current", "unit", "due_on",
        "owner", "status", "position",
    ),
    "plan_milestone": (
        "id", "objective_id", "stakeholder_id", "title", "owner_side", "owner", "due_on", "status",
        "completed_on", "position",
    ),
    "metric_sample": ("id", "account_id", "metric", "observed_on", "value", "source"),
    "survey_response": (
        "id", "account_id", "stakeholder_id", "kind", "moment", "score", "responded_on", "contact",
        "comment", "reason", "competitor", "contact_email", "question", "source", "external_id",
    ),
    "revenue_event": (
        "id", "account_id", "kind", "amount_minor", "currency", "occurred_on", "reason_code", "note",
        "competitor", "source", "external_id",
    ),
    "sentiment_entry": ("id", "account_id", "value", "reason", "recorded_on", "author"),
    "score_override": (
        "id", "account_id", "score", "reason", "set_on", "expires_on", "author", "cleared_at",
    ),
    "renewal_forecast": (
        "id", "account_id", "renewal_on", "forecast_minor", "currency", "probability", "category",
        "risks",
    ),
}  # fmt: skip
"""Every table the demo writes, parents before children, with the columns the generator fills."""

_SEGMENT_BOUNDS = tuple(sum(s.share for s in SEGMENTS[: i + 1]) for i in range(len(SEGMENTS)))
_HEALTH_BOUNDS = tuple(h.cumulative_share for h in HEALTHS)
_CURRENCY_BOUNDS = tuple(bound for _, bound in CURRENCIES)
_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_EXTERNAL_ID_SPACE = 62**6
_EXTERNAL_ID_STEP = (
    35_104_476_157  # coprime with the space (index -> id is one-to-one), ~0.618 of it
)


class Contact(NamedTuple):
    id: str
    name: str
    first: str
    role: str
    left_on: int | None  # day offset; set when the person left the customer


@dataclass
class AccountDraft:
    """One account while it is being drawn; days are offsets from as_of (negative = past)."""

    id: str
    name: str
    industry: str
    domain: str
    segment: Segment
    health: int
    owner: str
    currency: str
    seats: int
    arr_minor: int  # today, or at churn for a churned account
    term_days: int
    renewals: int
    customer_since: int
    contract_start: int
    contract_end: int
    churn_day: int | None
    stage: LifecycleStage
    churn_reason: str
    people: list[Contact] = field(default_factory=list)
    someone_left: bool = False

    @property
    def profile(self) -> Health:
        return HEALTHS[self.health]

    @property
    def unhealthy(self) -> bool:
        return self.health >= AT_RISK

    @property
    def churned(self) -> bool:
        return self.churn_day is not None

    @property
    def last_day(self) -> int:
        """The last day the account was a customer: today, or its churn date."""
        return 0 if self.churn_day is None else self.churn_day

    def active_people(self, day: int = 0) -> list[Contact]:
        """Who was still at the customer on that day (everyone, when nobody has left)."""
        if not self.someone_left:
            return self.people
        present = [p for p in self.people if p.left_on is None or p.left_on > day]
        return present or self.people

    def contact(self, dice: Dice, day: int = 0) -> Contact:
        """Someone to talk to on that day: the champion more often than not."""
        present = self.active_people(day)
        return present[0] if dice.chance(0.55) else dice.pick(present)


def choose_owners(rng: random.Random, pools: NamePools, *, accounts: int, me: str) -> list[str]:
    """About one CSM per 75 accounts (2 to 40), the current user first so "My book" has accounts."""
    wanted = min(40, max(2, round(accounts / 75)))
    handles = [h for h in pools.csm_handles if h != me]
    chosen = rng.sample(handles, min(len(handles), wanted - (1 if me else 0)))
    return [me, *chosen] if me else chosen


class BookGenerator:
    """Draws a book of `accounts` accounts in order, a batch of accounts' rows at a time.

    Everything comes from `random.Random(seed)` and `as_of`: the name pools, the owners (`me` first),
    and every row, so two generators with the same arguments produce the same book.
    """

    def __init__(self, *, seed: int, as_of: date, accounts: int, me: str) -> None:
        rng = random.Random(seed)
        self.pools = build_name_pools(seed)
        self.owners = tuple(choose_owners(rng, self.pools, accounts=accounts, me=me))
        self.dice = Dice(rng, as_of)
        self.calendar = Calendar(as_of)
        self.total = accounts
        self.drawn = 0
        self.feeds = signals.FeedSchedule(self.dice)
        self._names: set[str] = set()
        self._external_salt = rng.randrange(_EXTERNAL_ID_SPACE)
        override_count = min(accounts, max(2, accounts // 100))
        self._overrides_at = set(rng.sample(range(accounts), override_count))
        self._overrides_owed = 0

    def batches(self, accounts_per_batch: int) -> Iterator[Rows]:
        """The rows of the next `accounts_per_batch` accounts, per table, until the book is done."""
        while self.drawn < self.total:
            yield self.next_rows(accounts_per_batch)

    def next_rows(self, count: int) -> Rows:
        rows: Rows = {table: [] for table in FIELDS}
        for _ in range(min(count, self.total - self.drawn)):
            self._draw_account(rows)
        return rows

    def _draw_account(self, rows: Rows) -> None:
        index = self.drawn
        self.drawn += 1
        account = self._draft(index)
        rows["account"].append(self._account_row(account, index))
        self._draw_people(account, rows["stakeholder"])
        check_ins = activity.check_ins(self.dice, self.calendar, account, rows["check_in"])
        activity.follow_ups(self.dice, self.calendar, account, check_ins, rows["follow_up"])
        plans.success_plan(self.dice, self.calendar, account, rows)
        signals.metric_samples(self.dice, self.calendar, self.feeds, account, rows["metric_sample"])
        signals.survey_responses(self.dice, self.calendar, account, rows["survey_response"])
        signals.revenue_events(self.dice, self.calendar, account, rows["revenue_event"])
        renewals.forecast(self.calendar, account, rows["renewal_forecast"])
        activity.sentiment(self.dice, self.calendar, account, rows["sentiment_entry"])
        if index in self._overrides_at:
            self._overrides_owed += 1
        if self._overrides_owed and not account.churned:
            self._overrides_owed -= 1
            activity.score_override(self.dice, self.calendar, account, rows["score_override"])

    def _draft(self, index: int) -> AccountDraft:
        dice = self.dice
        segment = dice.weighted(SEGMENTS, _SEGMENT_BOUNDS)
        health = dice.weighted(range(len(HEALTHS)), _HEALTH_BOUNDS)
        currency = dice.weighted([c for c, _ in CURRENCIES], _CURRENCY_BOUNDS)
        low, high = segment.arr_range
        arr = dice.rng.lognormvariate(0.0, segment.arr_sigma) * segment.arr_median
        arr_units = round(max(low, min(high, arr)), -2)
        seats = max(3, round(arr_units / (segment.seat_price * dice.uniform(0.8, 1.25))))
        years = dice.weighted([y for y, _ in segment.terms], [b for _, b in segment.terms])
        term = 365 * years
        churned = dice.chance(segment.churn * HEALTHS[health].churn_factor)
        if churned:
            health = max(health, AT_RISK)
            end = -dice.between(5, 450)
        else:
            end = dice.between(1, min(HORIZON_DAYS, term))
        start = end - term
        renewals = 0 if dice.chance(0.28) else dice.between(1, 3)
        while renewals and start - renewals * term < -3000:
            renewals -= 1
        since = start - renewals * term
        if churned:
            stage = LifecycleStage.CHURNED
        elif renewals == 0 and start >= -90:
            stage = LifecycleStage.ONBOARDING
        elif end <= 90:
            stage = LifecycleStage.RENEWAL
        elif renewals == 0 and start >= -270:
            stage = LifecycleStage.ADOPTION
        else:
            stage = LifecycleStage.VALUE
        name, industry, domain = self._company(segment, currency)
        return AccountDraft(
            id=dice.new_id(),
            name=name,
            industry=industry,
            domain=domain,
            segment=segment,
            health=health,
            owner=dice.pick(self.owners),
            currency=currency,
            seats=seats,
            arr_minor=int(arr_units) * 100,
            term_days=term,
            renewals=renewals,
            customer_since=since,
            contract_start=start,
            contract_end=end,
            churn_day=end if churned else None,
            stage=stage,
            churn_reason=dice.pick(CHURN_REASONS) if churned else "",
        )

    def _account_row(self, account: AccountDraft, index: int) -> Row:
        dice = self.dice
        segment = account.segment
        column = SEGMENTS.index(segment)
        tags = [
            tag for tag, odds in TAG_ODDS
            if dice.chance(odds[column] * (3 if tag == "at-risk-exec" and account.unhealthy else 1))
        ]  # fmt: skip
        external_id = self._external_id(index) if dice.chance(0.95) else None
        return (
            account.id,
            account.name,
            external_id,
            account.domain,
            account.owner,
            segment.name,
            account.industry,
            account.stage.value,
            0 if account.churned else account.arr_minor,
            account.currency,
            self.calendar.iso(account.contract_start),
            self.calendar.iso(account.contract_end),
            dice.chance(segment.auto_renew),
            account.seats,
            ", ".join(tags),
        )

    def _company(self, segment: Segment, currency: str) -> tuple[str, str, str]:
        """A fresh company (name, industry, domain) in the region's style, its name unique."""
        dice = self.dice
        industry, nouns = dice.pick(INDUSTRIES)
        surnames = self.pools.last_names[currency]
        suffixes = COMPANY_SUFFIXES[currency]
        name = slug = ""
        for _attempt in range(4):
            noun = dice.pick(nouns)
            style = dice.random()
            if style < 0.35:
                brand = dice.pick(BRAND_WORDS)
                suffix = dice.pick(suffixes) if style >= 0.2 else ""
                name, slug = f"{brand} {noun} {suffix}".rstrip(), brand
            elif style < 0.85 or segment.name == "SMB":
                surname, slug = dice.pick(surnames)
                name = f"{surname} {noun} {dice.pick(suffixes)}".rstrip()
            else:
                (surname, slug), (partner, partner_slug) = dice.pick(surnames), dice.pick(surnames)
                name, slug = f"{surname} & {partner} {noun}", f"{slug}{partner_slug}"
            if name not in self._names:
                break
        else:
            name = f"{name} - {dice.pick(BRANCH_CITIES)}"
            if name in self._names:
                name = f"{name} {len(self._names)}"
        self._names.add(name)
        domain = f"{slug}{noun}".lower().replace("-", "")[:40]
        return name, industry, f"{domain}.{dice.pick(TOP_LEVEL_DOMAINS[currency])}"

    def _external_id(self, index: int) -> str:
        """A Salesforce-style 18-character account id ("001..."), unique within the book."""
        value = (index * _EXTERNAL_ID_STEP + self._external_salt) % _EXTERNAL_ID_SPACE
        digits = ""
        for _ in range(6):
            value, digit = divmod(value, 62)
            digits += _BASE62[digit]
        tail = "".join(_BASE62[10 + int(self.dice.random() * 26)] for _ in range(3))
        return f"0015g0000{digits}{tail}"

    def _draw_people(self, account: AccountDraft, out: list[Row]) -> None:
        """2-6 stakeholders: a champion, a sponsor, deciders and users; one primary; some left."""
        dice = self.dice
        low, high = account.segment.stakeholders
        count = dice.between(low, high)
        roles = [StakeholderRole.CHAMPION, StakeholderRole.EXECUTIVE_SPONSOR]
        roles.append(StakeholderRole.DECISION_MAKER if dice.chance(0.7) else StakeholderRole.USER)
        roles += [StakeholderRole.USER] * max(0, count - len(roles))
        roles = roles[:count]
        if count >= 3 and dice.chance(0.3 if account.unhealthy else 0.08):
            roles[-1] = StakeholderRole.DETRACTOR
        champion_left = account.churn_reason == "champion_left" or dice.chance(
            0.18 if account.unhealthy else 0.03
        )
        if champion_left and dice.chance(0.5):
            roles.append(StakeholderRole.CHAMPION)  # a successor; otherwise nobody took over yet
        firsts = self.pools.first_names[account.currency]
        lasts = self.pools.last_names[account.currency]
        people: list[Contact] = []
        details: list[tuple[str, str]] = []
        for position, role in enumerate(roles):
            first, first_slug = dice.pick(firsts)
            last, last_slug = dice.pick(lasts)
            left_on = None
            if champion_left and position == 0:
                left_on = account.last_day - dice.between(3, 150)
                left_on = min(account.last_day, max(account.customer_since + 30, left_on))
            people.append(Contact(dice.new_id(), f"{first} {last}", first, role.value, left_on))
            details.append((f"{first_slug}.{last_slug}@{account.domain}", dice.pick(TITLES[role])))
        present = [p for p in people if p.left_on is None]
        primary = next((p for p in present if p.role == "champion"), present[0])
        iso = self.calendar.iso
        for person, (email, title) in zip(people, details, strict=True):
            left = None if person.left_on is None else iso(person.left_on)
            out.append((
                person.id, account.id, person.name, email, title, person.role,
                person is primary, left,
            ))  # fmt: skip
        # the primary leads the list, so conversations name them first
        account.people = [primary, *(p for p in people if p is not primary)]
        account.someone_left = champion_left
