"""The book's figures as the CLI and the Book screen show them: label, value, text, and which
accounts are behind each; a text sparkline and an arrow for a figure's trend.

Money figures are of one currency; counts, ratios and voice are currency-free.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cs_tui.domain.metrics.book import GroupMetrics, MoneyMetrics
from cs_tui.domain.money import format_money
from cs_tui.domain.voice.scores import signed

SPARKS = "▁▂▃▄▅▆▇█"
STEADY = 1e-9


def share_text(value: float | None) -> str:
    """A fraction as a percentage (0.853 -> 85.3%), or "-" when there is none."""
    if value is None:
        return "-"
    text = f"{value * 100:.1f}".removesuffix(".0")
    return f"{text}%"


@dataclass(frozen=True)
class FigureKind:
    id: str
    label: str
    behind: str | None  # the `accounts_behind` metric, if the accounts can be listed
    money: bool
    higher_is_better: bool


@dataclass(frozen=True)
class Figure:
    kind: FigureKind
    value: float | None  # for trends: minor units, a count, a fraction or an NPS
    text: str
    detail: str = ""


def _count(n: int) -> tuple[float | None, str]:
    return float(n), f"{n:,}"


def _share(value: float | None) -> tuple[float | None, str]:
    return value, share_text(value)


def _counted(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _of(part: int, whole: int) -> str:
    return f"{part:,} of {whole:,}" if whole else ""


Reader = Callable[[GroupMetrics, MoneyMetrics], tuple[float | None, str, str]]


def _money(attribute: str) -> Reader:
    def read(_group: GroupMetrics, money: MoneyMetrics) -> tuple[float | None, str, str]:
        minor = int(getattr(money, attribute))
        return float(minor), format_money(minor, money.currency), ""

    return read


FIGURES: tuple[tuple[FigureKind, Reader], ...] = (
    (FigureKind("accounts", "Accounts", "accounts", False, True),
     lambda g, _m: (*_count(g.accounts), f"{g.cohort:,} at the start")),
    (FigureKind("starting", "Starting ARR", "cohort", True, True), _money("starting")),
    (FigureKind("new", "New business", "new", True, True),
     lambda g, m: (*_money("new")(g, m)[:2], _counted(g.new_logos, "new logo"))),
    (FigureKind("expansion", "Expansion", "expansion", True, True), _money("expansion")),
    (FigureKind("contraction", "Contraction", "contraction", True, False), _money("contraction")),
    (FigureKind("churn", "Churned ARR", "churn", True, False), _money("churn")),
    (FigureKind("ending", "Ending ARR", "accounts", True, True), _money("ending")),
    (FigureKind("grr", "GRR", "lost", False, True), lambda _g, m: (*_share(m.grr), "")),
    (FigureKind("nrr", "NRR", "cohort", False, True), lambda _g, m: (*_share(m.nrr), "")),
    (FigureKind("logo_churn", "Logo churn", "churn", False, False),
     lambda g, _m: (*_share(g.logo_churn), _of(g.churned, g.cohort))),
    (FigureKind("renewal_rate", "Renewal rate (logos)", "due", False, True),
     lambda g, _m: (*_share(g.renewal_rate), _of(g.renewed, g.due)
                    + (f", {g.open_renewals:,} still open" if g.open_renewals else ""))),
    (FigureKind("renewal_gross", "Renewal rate (value, gross)", "renewed", False, True),
     lambda _g, m: (*_share(m.renewal_value_gross), "")),
    (FigureKind("renewal_net", "Renewal rate (value, net)", "renewed", False, True),
     lambda _g, m: (*_share(m.renewal_value_net), "")),
    (FigureKind("nps", "NPS", None, False, True),
     lambda g, _m: (g.nps.score, signed(g.nps.score), _counted(g.nps.responses, "response"))),
    (FigureKind("csat", "CSAT", None, False, True),
     lambda g, _m: (*_share(None if g.csat.score is None else g.csat.score / 100),
                    _counted(g.csat.responses, "response"))),
    (FigureKind("plan_coverage", "Plan coverage", "without_plan", False, True),
     lambda g, _m: (*_share(g.plan_coverage), _of(g.with_plan, g.due + g.open_renewals))),
    (FigureKind("at_risk", "ARR at risk", "at_risk", True, False),
     lambda g, m: (*_money("at_risk")(g, m)[:2], _counted(g.at_risk, "account"))),
)  # fmt: skip
FIGURE_IDS = tuple(kind.id for kind, _ in FIGURES)
PER_CURRENCY = frozenset(
    {"starting", "new", "expansion", "contraction", "churn", "ending", "grr", "nrr",
     "renewal_gross", "renewal_net", "at_risk"}
)  # fmt: skip
"""The figures of one currency; the others count accounts or responses, whatever their currency."""


def figures(group: GroupMetrics, currency: str) -> tuple[Figure, ...]:
    """Every figure of the group, money in `currency`."""
    money = group.money_in(currency)
    return tuple(Figure(kind, *read(group, money)) for kind, read in FIGURES)


def sparkline(values: Sequence[float | None]) -> str:
    """One block per value, scaled between the smallest and the largest; a gap where none."""
    known = [v for v in values if v is not None]
    if not known:
        return " " * len(values)
    low, high = min(known), max(known)
    top = len(SPARKS) - 1
    return "".join(
        " " if v is None
        else SPARKS[top // 2 if high - low < STEADY else round((v - low) / (high - low) * top)]
        for v in values
    )  # fmt: skip


def direction(values: Sequence[float | None]) -> str:
    """▲ up, ▼ down or ▶ steady from the previous period; · when either is unknown."""
    if len(values) < 2 or values[-1] is None or values[-2] is None:
        return "·"
    change = values[-1] - values[-2]
    if abs(change) < STEADY:
        return "▶"
    return "▲" if change > 0 else "▼"
