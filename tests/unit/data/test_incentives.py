"""Incentive payouts from the store, on both backends: live inputs, what-if, closing a period."""

from datetime import date
from fractions import Fraction as F

import pytest

from cs_tui.data.incentives.report import close_period, closed_periods, team_report
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError, NotFoundError
from cs_tui.domain.incentives.periods import parse_period
from cs_tui.domain.work.cadence import Cadences
from cs_tui.io.incentives.plan_file import plan_from_text
from tests.unit.data.incentive_book import PLAN_TEXT, add_churn, incentive_book

TODAY = date(2026, 6, 15)
Q1 = parse_period("2026-Q1", TODAY)
Q2 = parse_period("2026-Q2", TODAY)
PLAN = plan_from_text(PLAN_TEXT)


def _line(report, owner: str, key: str):  # type: ignore[no-untyped-def]
    payout = report.payout_of(owner)
    return next(line for line in payout.performance if line.key == key)


def test_each_owners_metrics_and_payout_come_from_the_book(db: Database) -> None:
    incentive_book(db)
    report = team_report(db, PLAN, Q1, Cadences())
    assert [p.owner for p in report.payouts] == ["sam", "tess"]
    assert report.as_of == date(2026, 3, 31) and report.closed is None
    sam = report.inputs["sam"]
    assert (sam["grr"].value, sam["nrr"].value) == (F(7, 10), F(3, 4))
    assert sam["logo_retention"].value == F(2, 3)
    assert sam["nps"].value == 0
    assert {(t.account, t.event) for t in sam["grr"].traces} >= {
        ("Globex", "churn"),
        ("Initech", "downsell"),
    }
    retention = _line(report, "sam", "retention")
    assert (
        retention.actual == F(7, 10) and retention.attainment == 0 and retention.amount_minor == 0
    )
    tess = report.payout_of("tess")
    (upsell,) = tess.commission
    assert upsell.result.amount_minor == 25 * 100_000
    assert upsell.paid_minor == 150_000  # 5% of 20,000 + 10% of 5,000
    assert tess.base.paid_minor == 1_800_000


def test_one_owner_case_insensitively_and_unknown_owners_named(db: Database) -> None:
    incentive_book(db)
    report = team_report(db, PLAN, Q1, Cadences(), owner="SAM")
    assert [p.owner for p in report.payouts] == ["sam"]
    with pytest.raises(NotFoundError, match="owners: sam, tess"):
        team_report(db, PLAN, Q1, Cadences(), owner="nobody")


def test_what_if_recomputes_without_storing(db: Database) -> None:
    incentive_book(db)
    before = team_report(db, PLAN, Q1, Cadences(), owner="sam")
    changed = team_report(db, PLAN, Q1, Cadences(), owner="sam", overrides={"grr": F("0.95")})
    assert _line(changed, "sam", "retention").factor == 1
    assert changed.payout_of("sam").total_minor > before.payout_of("sam").total_minor
    again = team_report(db, PLAN, Q1, Cadences(), owner="sam")
    assert again.payout_of("sam") == before.payout_of("sam")
    assert closed_periods(db) == ()


def test_a_closed_period_keeps_its_statement_after_the_book_changes(db: Database) -> None:
    accounts = incentive_book(db)
    before = team_report(db, PLAN, Q1, Cadences())
    closed = close_period(db, PLAN, PLAN_TEXT, Q1, Cadences())
    assert closed.period == "2026-Q1" and closed.plan_name == "CSM plan"
    add_churn(db, accounts["Acme"], 110 * 100_000, date(2026, 3, 20))
    other_plan = plan_from_text(PLAN_TEXT.replace('name = "CSM plan"', 'name = "Changed"'))
    after = team_report(db, other_plan, Q1, Cadences())
    assert after.closed is not None and after.plan.name == "CSM plan"
    assert after.payouts == before.payouts
    assert after.inputs["sam"]["grr"].traces == before.inputs["sam"]["grr"].traces
    with pytest.raises(InvalidInputError, match="was closed on"):
        close_period(db, PLAN, PLAN_TEXT, Q1, Cadences())
    close_period(db, PLAN, PLAN_TEXT, Q1, Cadences(), replace=True)
    replaced = team_report(db, PLAN, Q1, Cadences())
    assert replaced.inputs["sam"]["grr"].value < before.inputs["sam"]["grr"].value
    assert [c.period for c in closed_periods(db)] == ["2026-Q1"]


def test_a_running_period_or_the_wrong_kind_is_refused(db: Database) -> None:
    incentive_book(db)
    with pytest.raises(InvalidInputError, match="runs until 2026-06-30"):
        close_period(db, PLAN, PLAN_TEXT, Q2, Cadences())
    with pytest.raises(InvalidInputError, match="pays per quarter"):
        team_report(db, PLAN, parse_period("2026-03", TODAY), Cadences())
    assert closed_periods(db) == ()


def test_so_far_this_period(db: Database) -> None:
    incentive_book(db)
    report = team_report(db, PLAN, Q2, Cadences())
    assert report.as_of == TODAY
    assert report.inputs["sam"]["expansion_arr"].value == 0


def test_results_stay_with_the_owner_at_the_period_start(db: Database) -> None:
    """Globex moves from sam to tess after Q1 (the edit records it in the owner history): its Q1 churn is still sam's; her cadence is hers."""
    from cs_tui.models import Account

    accounts = incentive_book(db)
    with db.write() as session:
        globex = session.get(Account, accounts["Globex"].id)
        assert globex is not None
        globex.owner = "tess"
    report = team_report(db, PLAN, Q1, Cadences())
    assert report.inputs["sam"]["grr"].value == F(7, 10)
    assert "Globex" not in {t.account for t in report.inputs["tess"]["grr"].traces}
    statement = team_report(db, PLAN, Q1, Cadences(), owner="Sam")
    assert [p.owner for p in statement.payouts] == ["sam"]


def test_process_metrics_from_check_ins_health_and_samples(db: Database) -> None:
    """Acme (Enterprise, every 14 days) and Initech (SMB, every 60) in Q1; internal notes and
    deleted check-ins are no customer touch; the latest score on or before the period's end."""
    from cs_tui.domain.enums import CheckInKind, HealthBand
    from cs_tui.models import CheckIn, HealthSnapshot, MetricSample

    accounts = incentive_book(db)
    acme, initech = accounts["Acme"].id, accounts["Initech"].id
    with db.write() as session:
        for account_id, on, kind in (
            (initech, date(2025, 12, 20), CheckInKind.CALL),  # the last touch before Q1
            (initech, date(2026, 2, 10), CheckInKind.MEETING),
            (acme, date(2026, 1, 5), CheckInKind.CALL),
            (acme, date(2026, 2, 1), CheckInKind.INTERNAL_NOTE),
            (acme, date(2026, 3, 25), CheckInKind.CALL),
        ):
            session.add(CheckIn(account_id=account_id, occurred_on=on, kind=kind))
        gone = CheckIn(account_id=acme, occurred_on=date(2026, 2, 15), kind=CheckInKind.CALL,
                       deleted_at=db.now())  # fmt: skip
        session.add(gone)
        for account_id, on, score in ((acme, date(2026, 3, 1), 70.0), (acme, date(2026, 3, 31), 90.0),
                                      (acme, date(2026, 4, 7), 10.0), (initech, date(2026, 2, 1), 50.0)):  # fmt: skip
            session.add(HealthSnapshot(account_id=account_id, taken_on=on, score=score,
                                       band=HealthBand.GREEN))  # fmt: skip
        for account_id, on, hours in ((acme, date(2026, 1, 31), 4.0), (acme, date(2026, 2, 28), 8.5),
                                      (initech, date(2026, 3, 31), 6.0), (initech, date(2026, 4, 30), 99.0)):  # fmt: skip
            session.add(MetricSample(account_id=account_id, metric="first_response_hours",
                                     observed_on=on, value=hours))  # fmt: skip
    sam = team_report(db, PLAN, Q1, Cadences()).inputs["sam"]
    # Initech: 12/20 -> 2/10 (52) -> 3/31 (49): kept; Acme: 1/1 -> 1/5 -> 3/25 (79): missed
    assert sam["check_in_cadence_kept"].value == F(1, 2)
    gaps = {t.account: t.value for t in sam["check_in_cadence_kept"].traces}
    assert gaps == {
        "Acme": "longest gap 79 days, cadence 14",
        "Initech": "longest gap 52 days, cadence 60",
    }
    assert sam["average_health"].value == 70  # Acme 90 (31 March), Initech 50
    assert sam["first_response_time"].value == F("6.1667")
    assert {t.account: t.value for t in sam["first_response_time"].traces} == {
        "Acme": "4 h, 8.5 h", "Initech": "6 h"}  # fmt: skip
