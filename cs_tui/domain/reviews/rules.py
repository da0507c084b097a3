"""The pure rules of a review: the metrics rows beside the previous period, health drops, and the
formatting of a row for people. No clock: `today` is passed in."""

from collections.abc import Iterable, Sequence
from typing import Any

from cs_tui.domain.metrics.book import GroupMetrics, MoneyMetrics
from cs_tui.domain.money import format_money
from cs_tui.domain.reviews.views import DiscussAccount, MetricRow

HEALTH_DROPS_SHOWN = 5
MIN_DROP_POINTS = 1.0


def _group_rows(current: GroupMetrics | None, previous: GroupMetrics | None) -> list[MetricRow]:
    """Rows from two GroupMetrics-like values (either may be None: no accounts then)."""

    def get(group: GroupMetrics | None, attribute: str) -> float | None:
        if group is None:
            return None
        value = getattr(group, attribute)
        return None if value is None else float(value)

    def score(group: GroupMetrics | None, attribute: str) -> float | None:
        if group is None:
            return None
        value = getattr(group, attribute).score
        return None if value is None else float(value)

    rows = [
        MetricRow("Accounts at the end", "count", get(current, "accounts"), get(previous, "accounts")),
        MetricRow("New logos", "count", get(current, "new_logos"), get(previous, "new_logos")),
        MetricRow("Churned logos", "count", get(current, "churned"), get(previous, "churned")),
        MetricRow("Logo churn", "share", get(current, "logo_churn"), get(previous, "logo_churn")),
        MetricRow("Renewals due", "count", get(current, "due"), get(previous, "due")),
        MetricRow("Renewed", "count", get(current, "renewed"), get(previous, "renewed")),
        MetricRow("Renewal rate", "share", get(current, "renewal_rate"), get(previous, "renewal_rate")),
        MetricRow("Plan coverage", "share", get(current, "plan_coverage"), get(previous, "plan_coverage")),
        MetricRow("Accounts at risk", "count", get(current, "at_risk"), get(previous, "at_risk")),
        MetricRow("NPS", "nps", score(current, "nps"), score(previous, "nps")),
        MetricRow("CSAT", "score", score(current, "csat"), score(previous, "csat")),
    ]  # fmt: skip
    return rows


def _money(group: GroupMetrics | None, currency: str) -> MoneyMetrics | None:
    if group is None:
        return None
    for money in group.money:
        if money.currency == currency:
            return money
    return None


def metric_rows(
    current: GroupMetrics | None, previous: GroupMetrics | None
) -> tuple[MetricRow, ...]:
    """The book's metrics for the period beside the previous one: counts, rates, voice, and per
    currency the ARR, GRR, NRR, expansion, contraction and churn (never summed across currencies)."""
    rows = _group_rows(current, previous)
    currencies: list[str] = []
    for group in (current, previous):
        for money in group.money if group is not None else ():
            if money.currency not in currencies:
                currencies.append(money.currency)
    for currency in currencies:
        now, before = _money(current, currency), _money(previous, currency)

        def value(money: MoneyMetrics | None, attribute: str) -> float | None:
            if money is None:
                return None
            found = getattr(money, attribute)
            return None if found is None else float(found)

        for label, attribute, kind in (
            ("Starting ARR", "starting", "money"),
            ("Ending ARR", "ending", "money"),
            ("Expansion", "expansion", "money"),
            ("Contraction", "contraction", "money"),
            ("Churned ARR", "churn", "money"),
            ("GRR", "grr", "share"),
            ("NRR", "nrr", "share"),
        ):
            suffix = f" ({currency})" if len(currencies) > 1 or kind == "share" else ""
            rows.append(
                MetricRow(
                    label + suffix, kind, value(now, attribute), value(before, attribute), currency
                )
            )
    return tuple(rows)


def shown(row: MetricRow, value: float | None) -> str:
    """A metric value as people read it."""
    if value is None:
        return "-"
    if row.kind == "share":
        return f"{value * 100:.0f}%"
    if row.kind == "money":
        return format_money(int(value), row.currency or "USD")
    if row.kind == "nps":
        return f"{value:+.0f}"
    if row.kind == "score":
        return f"{value:.0f}%"
    return f"{value:,.0f}"


def change(row: MetricRow) -> str:
    """The change from the previous period: `+3`, `-4 pts`, `+$1,200`, or "" when unknown."""
    if row.current is None or row.previous is None:
        return ""
    delta = row.current - row.previous
    if row.kind == "share":
        return f"{delta * 100:+.0f} pts"
    if row.kind == "money":
        sign = "-" if delta < 0 else "+"
        return sign + format_money(abs(int(delta)), row.currency or "USD")
    if row.kind in ("nps", "score"):
        return f"{delta:+.0f}"
    return f"{delta:+,.0f}"


def health_drops(
    scores: Iterable[tuple[str, str, float | None, float | None]], limit: int = HEALTH_DROPS_SHOWN
) -> tuple[DiscussAccount, ...]:
    """The biggest drops from (id, name, score at the start, score at the end), largest first."""
    drops = [
        (start - end, account_id, name, start, end)
        for account_id, name, start, end in scores
        if start is not None and end is not None and start - end >= MIN_DROP_POINTS
    ]
    drops.sort(key=lambda d: (-d[0], d[2]))
    return tuple(
        DiscussAccount(account_id, name, f"health {start:.0f} -> {end:.0f} ({end - start:+.0f})")
        for _, account_id, name, start, end in drops[:limit]
    )


def money_detail(amount_minor: int, currency: str) -> str:
    return format_money(amount_minor, currency)


def done_report(actions: Sequence[Any], today: Any) -> str:
    """`2 of 5 actions done, 1 late`."""
    if not actions:
        return "No actions yet"
    done = sum(1 for a in actions if a.status == "done")
    late = sum(1 for a in actions if a.state(today) == "late")
    text = f"{done} of {len(actions)} actions done"
    return text + (f", {late} late" if late else "")


def default_scope(user: str, owners: Iterable[str]) -> str:
    """Whose reviews a person sees first: a CSM (who owns accounts) their own ("mine"), a lead
    (who owns none) the team's ("team")."""
    return "mine" if user in set(owners) else "team"
