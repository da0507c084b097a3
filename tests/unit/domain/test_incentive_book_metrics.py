"""The catalogue's metrics from account facts: the domain's worked examples, with their traces."""

from datetime import date
from fractions import Fraction as F

from cs_tui.domain.enums import RevenueKind as K
from cs_tui.domain.incentives.book import AccountBook, RevenueFact, book_metrics, starting_arr
from cs_tui.domain.incentives.periods import parse_period
from cs_tui.domain.work.cadence import Cadences

Q2 = parse_period("2026-Q2", date(2026, 6, 30))
END = date(2026, 6, 30)
M = 100_000_000  # 1.0M in minor units


def _account(name: str, **fields: object) -> AccountBook:
    return AccountBook(id=name.lower(), name=name, owner="Sam", **fields)  # type: ignore[arg-type]


def test_the_domain_retention_example() -> None:
    """10.0M start, 0.6M contraction, 0.9M churn, 1.8M expansion: GRR 85%, NRR 103%."""
    accounts = [
        _account("Grow", arr_minor=5 * M + 18 * M // 10,
                 revenue=(RevenueFact(K.UPSELL, 18 * M // 10, date(2026, 5, 3)),)),
        _account("Shrink", arr_minor=4 * M - 6 * M // 10 - 1,
                 revenue=(RevenueFact(K.DOWNSELL, 6 * M // 10, date(2026, 4, 20)),)),
        _account("Gone", arr_minor=0, churned=True,
                 revenue=(RevenueFact(K.CHURN, 9 * M // 10, date(2026, 6, 1)),)),
        _account("New", arr_minor=M, revenue=(RevenueFact(K.NEW, M, date(2026, 4, 10)),)),
        _account("Stay", arr_minor=1 * M // 10 + 1),
    ]  # fmt: skip
    found = book_metrics(accounts, Q2, END, Cadences())
    assert found["grr"].value == F(85, 100)
    assert found["nrr"].value == F(103, 100)
    assert found["logo_retention"].value == F(3, 4)  # the new logo is not in the cohort
    assert found["expansion_arr"].value == 18 * M // 10
    events = {(t.account, t.event) for t in found["grr"].traces}
    assert ("Gone", "churn") in events and ("Shrink", "downsell") in events
    assert ("New", "starting ARR") not in events


def test_grr_never_above_one_and_changes_after_the_period_are_undone() -> None:
    later = RevenueFact(K.UPSELL, 500, date(2026, 8, 1))  # after the period: ARR then was lower
    account = _account("A", arr_minor=1500, revenue=(later,))
    assert starting_arr(account, Q2) == 1000
    found = book_metrics([account], Q2, END, Cadences())
    assert found["grr"].value == 1 and found["nrr"].value == 1 and found["expansion_arr"].value == 0


def test_renewals_surveys_cadence_coverage_health_response() -> None:
    accounts = [
        _account("Renewed", arr_minor=1000, segment="SMB", contract_end=date(2027, 5, 1),
                 revenue=(RevenueFact(K.RENEWAL, 1000, date(2026, 5, 1)),),
                 nps=((date(2026, 5, 2), 10), (date(2026, 5, 3), 9)), csat=((date(2026, 5, 2), 5),),
                 touches=(date(2026, 4, 20), date(2026, 6, 10)), touch_before=date(2026, 3, 1),
                 health=80.0, health_on=date(2026, 6, 1), response_hours=((date(2026, 5, 31), 4.0),)),
        _account("Lapsed", arr_minor=1000, segment="Enterprise", contract_end=date(2026, 6, 1),
                 nps=((date(2026, 5, 2), 3),), csat=((date(2026, 5, 2), 2),),
                 touches=(date(2026, 6, 20),), touch_before=date(2026, 3, 30), health=50.0,
                 response_hours=((date(2026, 4, 30), 8.0),)),
        _account("Soon", arr_minor=1000, segment="Mid-Market", contract_end=date(2026, 9, 1),
                 agreed_plan=True, touches=(date(2026, 4, 25), date(2026, 5, 20), date(2026, 6, 15))),
        _account("Later", arr_minor=1000, contract_end=date(2026, 11, 1)),
    ]  # fmt: skip
    found = book_metrics(accounts, Q2, END, Cadences())
    assert found["renewal_rate"].value == F(1, 2)
    assert found["nps"].value == F((2 - 1) * 100, 3)
    assert found["csat"].value == 50
    # SMB every 60 days: 3/1 -> 4/20 (50) -> 6/10 (51) -> 6/30 (20) kept; Enterprise every 14 missed;
    # Mid-Market 30: 4/1 -> 4/25 -> 5/20 -> 6/15 -> 6/30 kept; no touch at all: missed
    assert found["check_in_cadence_kept"].value == F(2, 4)
    assert found["plan_coverage"].value == F(1, 2)  # Soon and Later renew within 183 days
    assert found["average_health"].value == 65
    assert found["first_response_time"].value == 6
    traces = {t.account: t.event for t in found["renewal_rate"].traces}
    assert traces == {"Renewed": "renewed", "Lapsed": "due, not renewed"}


def test_no_data_is_none_not_zero() -> None:
    found = book_metrics([], Q2, END, Cadences())
    assert all(found[m].value is None for m in found if m != "expansion_arr")
    assert found["expansion_arr"].value == 0
