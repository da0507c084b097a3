"""The catalogue's metrics from one owner's accounts: the domain's worked examples, with traces."""

from datetime import date
from fractions import Fraction as F

from cs_tui.domain.enums import RevenueKind as K
from cs_tui.domain.enums import SurveyKind
from cs_tui.domain.incentives.book import AccountBook, owner_metrics
from cs_tui.domain.incentives.periods import parse_period
from cs_tui.domain.metrics.arr import RevenueChange
from cs_tui.domain.metrics.book import Response
from cs_tui.domain.metrics.flows import AccountFacts, period_flows
from cs_tui.domain.work.cadence import Cadences

Q2 = parse_period("2026-Q2", date(2026, 6, 30))
END = date(2026, 6, 30)
M = 100_000_000  # 1.0M in minor units


def _facts(name: str, arr: int, *events: tuple[K, int, date], **fields: object) -> AccountFacts:
    values: dict[str, object] = {
        "id": name.lower(), "name": name, "owner": "Sam", "segment": "", "currency": "USD",
        "arr_minor": arr, "contract_end": None, "band": "", "agreed_plan": False,
        "events": tuple(RevenueChange(k, a, d) for k, a, d in events),
    }  # fmt: skip
    values.update(fields)
    return AccountFacts(**values)  # type: ignore[arg-type]


def _metrics(facts: list[AccountFacts], responses=(), books=(), currency="USD"):  # type: ignore[no-untyped-def]
    flows = period_flows(facts, Q2, today=END)
    return owner_metrics(flows, {f.id: f for f in facts}, list(responses), list(books), Q2, END,
                         Cadences(), currency)  # fmt: skip


def test_the_domain_retention_example() -> None:
    """10.0M start, 0.6M contraction, 0.9M churn, 1.8M expansion: GRR 85%, NRR 103%."""
    facts = [
        _facts("Grow", 5 * M + 18 * M // 10, (K.UPSELL, 18 * M // 10, date(2026, 5, 3))),
        _facts("Shrink", 4 * M - 6 * M // 10 - 1, (K.DOWNSELL, 6 * M // 10, date(2026, 4, 20))),
        _facts("Gone", 0, (K.CHURN, 9 * M // 10, date(2026, 6, 1))),
        _facts("New", M, (K.NEW, M, date(2026, 4, 10))),
        _facts("Stay", M // 10 + 1),
    ]
    found = _metrics(facts)
    assert found["grr"].value == F(85, 100)
    assert found["nrr"].value == F(103, 100)
    assert found["logo_retention"].value == F(3, 4)  # the new logo is not in the cohort
    assert found["expansion_arr"].value == 18 * M // 10
    events = {(t.account, t.event) for t in found["grr"].traces}
    assert {("Gone", "churn"), ("Shrink", "downsell"), ("Grow", "upsell")} <= events
    assert ("New", "starting ARR") not in events


def test_money_in_other_currencies_is_left_out_and_said_so() -> None:
    facts = [_facts("Euro", 0, (K.CHURN, 1000, date(2026, 5, 1)), currency="EUR"),
             _facts("Dollar", 1000)]  # fmt: skip
    found = _metrics(facts)
    assert found["grr"].value == 1 and "1 accounts in other currencies" in found["grr"].detail
    assert found["logo_retention"].value == F(1, 2)


def test_renewals_coverage_voice_cadence_health_response() -> None:
    facts = [
        _facts("Renewed", 1000, (K.RENEWAL, 1000, date(2026, 5, 1)), contract_end=date(2027, 5, 1),
               agreed_plan=True),
        _facts("Lost", 0, (K.CHURN, 1000, date(2026, 6, 1)), contract_end=date(2026, 6, 1)),
        _facts("Open", 1000, contract_end=date(2026, 6, 30)),
        _facts("Later", 1000, contract_end=date(2026, 11, 1)),
    ]  # fmt: skip
    responses = [Response("renewed", SurveyKind.NPS, "periodic", 10, date(2026, 5, 2)),
                 Response("renewed", SurveyKind.NPS, "periodic", 9, date(2026, 5, 3)),
                 Response("open", SurveyKind.NPS, "periodic", 3, date(2026, 5, 2)),
                 Response("open", SurveyKind.CSAT, "periodic", 5, date(2026, 5, 2)),
                 Response("later", SurveyKind.CSAT, "periodic", 2, date(2026, 5, 2))]  # fmt: skip
    books = [
        AccountBook("renewed", "Renewed", "Sam", "SMB", touches=(date(2026, 4, 20), date(2026, 6, 10)),
                    touch_before=date(2026, 3, 1), health=80.0, health_on=date(2026, 6, 1),
                    response_hours=((date(2026, 5, 31), 4.0),)),
        AccountBook("open", "Open", "Sam", "Enterprise", touches=(date(2026, 6, 20),),
                    touch_before=date(2026, 3, 30), health=50.0,
                    response_hours=((date(2026, 4, 30), 8.0),)),
        AccountBook("later", "Later", "Sam", "Mid-Market",
                    touches=(date(2026, 4, 25), date(2026, 5, 20), date(2026, 6, 15))),
        AccountBook("lost", "Lost", "Sam", churned=True),
        AccountBook("quiet", "Quiet", "Sam"),
    ]  # fmt: skip
    found = _metrics(facts, responses, books)
    # Open ends on the last day without a renewal: decided (lost) once the period is over
    assert found["renewal_rate"].value == F(1, 3)
    assert found["plan_coverage"].value == F(1, 3)
    assert found["nps"].value == F((2 - 1) * 100, 3)
    assert found["csat"].value == 50
    # SMB every 60 days: 3/1 -> 4/20 (50) -> 6/10 (51) -> 6/30 (20) kept; Enterprise every 14 missed;
    # Mid-Market 30: 4/1 -> 4/25 -> 5/20 -> 6/15 -> 6/30 kept; never touched: missed; churned: left out
    assert found["check_in_cadence_kept"].value == F(2, 4)
    assert found["average_health"].value == 65
    assert found["first_response_time"].value == 6
    traces = {t.account: t.event for t in found["renewal_rate"].traces}
    assert traces == {"Renewed": "renewed", "Lost": "lost", "Open": "lost"}


def test_no_data_is_none_not_zero() -> None:
    found = _metrics([])
    assert all(found[m].value is None for m in found if m != "expansion_arr")
    assert found["expansion_arr"].value == 0
