"""Revenue events, forecasts, renewals and the revenue import, on both backends."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cs_tui.data.accounts.records import create_account, get_account_detail
from cs_tui.data.revenue.events import account_revenue, list_revenue_events, record_revenue_event
from cs_tui.data.revenue.forecasts import list_renewals, set_forecast
from cs_tui.data.revenue.imports import import_revenue
from cs_tui.data.revenue.views import ForecastDraft, RevenueDraft
from cs_tui.data.store.database import Database
from cs_tui.data.store.errors import InvalidInputError
from cs_tui.domain.enums import RevenueKind
from cs_tui.domain.metrics.periods import parse_period
from cs_tui.io.revenue.mapping import RevenueMapping
from cs_tui.io.revenue.reader import read_revenue_file
from cs_tui.io.revenue.reasons_file import current_taxonomy
from cs_tui.models import AccountCreate

REVENUE = Path(__file__).parent.parent.parent / "fixtures" / "revenue"


def revenue_book(db: Database) -> None:
    """Acme (0015ACME, no ARR yet, renews 2026-12-31), Globex ($8,000, renewed 2026-03-31 or lost),
    Initech (0011, $6,000, renews 2026-08-01), Umbrella (EUR 20,000, renews 2026-07-15)."""
    for name, external_id, arr, end, currency, owner in (
        ("Acme Analytics", "0015ACME", 0, date(2026, 12, 31), "USD", "tess"),
        ("Globex", "0015GLOB", 8_000_00, date(2026, 3, 31), "USD", "sam"),
        ("Initech", "0011", 6_000_00, date(2026, 8, 1), "USD", "tess"),
        ("Umbrella", None, 20_000_00, date(2026, 7, 15), "EUR", "sam"),
    ):
        create_account(
            db, AccountCreate(name=name, external_id=external_id, arr_minor=arr, currency=currency,
                              contract_end=end, owner=owner, lifecycle_stage="value"),
        )  # fmt: skip


def add(
    db: Database, account: str, kind: RevenueKind, amount: str | None, day: date, **more: object
):  # type: ignore[no-untyped-def]
    draft = RevenueDraft(
        kind=kind, occurred_on=day, amount=Decimal(amount) if amount else None, **more
    )  # type: ignore[arg-type]
    return record_revenue_event(db, account, draft)


def test_expansion_adds_contraction_subtracts_churn_zeroes(db: Database) -> None:
    revenue_book(db)
    up = add(db, "Initech", RevenueKind.UPSELL, "1500", date(2026, 5, 1))
    assert (up.arr_before, up.arr_after) == (6_000_00, 7_500_00)
    down = add(
        db, "Initech", RevenueKind.DOWNSELL, "500.50", date(2026, 5, 2), reason_code="budget"
    )
    assert down.arr_after == 6_999_50
    gone = add(db, "Initech", RevenueKind.CHURN, None, date(2026, 6, 1), reason_code="competitor",
               competitor="Gainsight")  # fmt: skip
    assert gone.event.amount_minor == 6_999_50 and gone.event.competitor == "Gainsight"
    detail = get_account_detail(db, "Initech")
    assert (detail.arr_minor, detail.lifecycle_stage) == (0, "churned")
    events = list_revenue_events(db, account="Initech")
    assert [e.kind for e in events] == [RevenueKind.CHURN, RevenueKind.DOWNSELL, RevenueKind.UPSELL]
    assert events[0].reason_label == "Went to a competitor"


def test_a_contraction_above_the_arr_writes_nothing(db: Database) -> None:
    revenue_book(db)
    with pytest.raises(InvalidInputError, match=r"more than the ARR of \$6,000.00") as raised:
        add(db, "Initech", RevenueKind.DOWNSELL, "6000.01", date(2026, 5, 1), reason_code="budget")
    assert raised.value.field == "amount"
    assert list_revenue_events(db, account="Initech") == []
    assert get_account_detail(db, "Initech").arr_minor == 6_000_00


@pytest.mark.parametrize(
    ("kind", "more", "field", "message"),
    [
        (RevenueKind.CHURN, {}, "reason", "a churn needs a reason"),
        (
            RevenueKind.DOWNSELL,
            {"reason_code": "nope"},
            "reason",
            "unknown reason 'nope' (valid reasons: budget",
        ),
        (RevenueKind.UPSELL, {"currency": "EUR"}, "currency", "ARR is in USD, not EUR"),
        (
            RevenueKind.UPSELL,
            {"renewal_to": date(2027, 1, 1)},
            "renewal_to",
            "only a renewal moves",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_field(
    db: Database, kind: RevenueKind, more: dict[str, object], field: str, message: str
) -> None:
    revenue_book(db)
    with pytest.raises(InvalidInputError) as raised:
        add(db, "Initech", kind, "100", date(2026, 5, 1), **more)
    assert raised.value.field == field and message in raised.value.message
    assert list_revenue_events(db) == []


def test_a_renewal_sets_the_new_arr_and_moves_the_contract_end(db: Database) -> None:
    revenue_book(db)
    renewed = add(db, "Initech", RevenueKind.RENEWAL, "6600", date(2026, 7, 20))
    assert renewed.contract_end_after == date(2027, 8, 1) and renewed.arr_after == 6_600_00
    again = add(db, "Umbrella", RevenueKind.RENEWAL, None, date(2026, 7, 1),
                renewal_to=date(2028, 7, 15))  # fmt: skip
    assert again.arr_after == 20_000_00 and again.event.amount_minor == 20_000_00
    assert get_account_detail(db, "Umbrella").contract_end == date(2028, 7, 15)


def test_forecasts_and_the_renewals_with_arr_at_risk(db: Database) -> None:
    revenue_book(db)
    first = set_forecast(
        db, "Initech", ForecastDraft(Decimal("5000"), 0.4, "at_risk", "budget freeze")
    )
    assert (first.renewal_on, first.forecast_minor, first.category) == (
        date(2026, 8, 1),
        5_000_00,
        "at_risk",
    )
    replaced = set_forecast(db, "Initech", ForecastDraft(None, 80, "likely", ""))
    assert (replaced.forecast_minor, replaced.probability, replaced.category) == (
        6_000_00,
        0.8,
        "likely",
    )
    set_forecast(db, "Umbrella", ForecastDraft(None, 0.3, "at_risk", "new CFO"))
    report = list_renewals(db, parse_period("2026-Q3"))
    assert [r.name for r in report.rows] == ["Umbrella", "Initech"]
    assert [r.at_risk for r in report.rows] == [True, False]
    totals = {t.currency: t for t in report.totals}
    assert totals["EUR"].at_risk_minor == 20_000_00 and totals["USD"].at_risk_minor == 0
    assert totals["USD"].weighted_minor == 4_800_00
    assert [r.name for r in list_renewals(db, parse_period("2026"), owner="sam").rows] == [
        "Globex",
        "Umbrella",
    ]
    with pytest.raises(InvalidInputError, match="is not one of commit"):
        set_forecast(db, "Initech", ForecastDraft(None, 0.5, "maybe"))
    tab = account_revenue(db, "Umbrella")
    assert tab.forecast is not None and tab.forecast.risks == "new CFO" and tab.at_risk


def read(name: str, mapping: RevenueMapping | None = None):  # type: ignore[no-untyped-def]
    return read_revenue_file(REVENUE / name, taxonomy=current_taxonomy(), mapping=mapping)


def test_a_salesforce_report_imports_once_in_date_order(db: Database) -> None:
    revenue_book(db)
    parsed = read("salesforce_opportunities.csv")
    dry = import_revenue(db, parsed, dry_run=True)
    assert dry.new == 5 and not dry.written and list_revenue_events(db) == []
    report = import_revenue(db, parsed)
    assert report.written and report.new == 5 and report.already == 0
    assert report.by_kind == {"new": 1, "upsell": 1, "renewal": 1, "churn": 1, "downsell": 1}
    acme = get_account_detail(db, "Acme Analytics")
    assert acme.arr_minor == 12_500_00 and acme.contract_end == date(2026, 12, 31)
    globex = get_account_detail(db, "Globex")
    assert (globex.arr_minor, globex.lifecycle_stage) == (0, "churned")
    assert get_account_detail(db, "Initech").arr_minor == 4_500_00
    churn = list_revenue_events(db, account="Globex")[0]
    assert (churn.reason_code, churn.competitor, churn.source) == (
        "competitor",
        "Gainsight",
        "salesforce",
    )
    again = import_revenue(db, read("salesforce_opportunities.csv"))
    assert (again.new, again.already, again.written) == (0, 5, False)
    assert len(list_revenue_events(db)) == 5


def test_a_hubspot_export_and_unmatched_companies(db: Database) -> None:
    revenue_book(db)
    report = import_revenue(db, read("hubspot_deals.csv"))
    assert report.written and report.new == 3
    assert get_account_detail(db, "Globex").lifecycle_stage == "churned"
    acme = get_account_detail(db, "Acme Analytics")
    assert acme.arr_minor == 12_500_00


def test_any_problem_means_nothing_is_written_unless_skipped(db: Database, tmp_path: Path) -> None:
    revenue_book(db)
    source = tmp_path / "plain.csv"
    source.write_text(
        "account,kind,amount,date,reason\n"
        "Initech,expansion,1000,2026-04-01,\n"
        "Initech,contraction,99000,2026-04-02,budget\n"
        "Umbrella,upsell,USD 10,2026-04-03,\n"
        "Nobody Inc,new,500,2026-04-04,\n"
        "Globex,churn,,2026-04-05,because\n"
    )
    parsed = read_revenue_file(source, taxonomy=current_taxonomy())
    assert [(e.line, e.column) for e in parsed.errors] == [(6, "reason")]
    refused = import_revenue(db, parsed)
    assert refused.refused and not refused.written
    assert [(p.line, p.column) for p in refused.problems] == [
        (3, "amount"),
        (4, "amount"),
        (6, "reason"),
    ]
    assert "more than the ARR of $7,000.00" in refused.problems[0].message
    assert "Umbrella's ARR is in EUR" in refused.problems[1].message
    assert [u.line for u in refused.unmatched] == [5]
    assert list_revenue_events(db) == []
    skipped = import_revenue(db, parsed, skip_invalid=True)
    assert skipped.written and skipped.new == 1
    assert get_account_detail(db, "Initech").arr_minor == 7_000_00


def test_a_mapping_names_columns_and_reasons(db: Database, tmp_path: Path) -> None:
    revenue_book(db)
    source = tmp_path / "custom.csv"
    source.write_text(
        "Customer;What;Value;Signed;Why\nInitech;downsell;1.000,00;01.04.2026;Too pricey\n"
    )
    mapping = RevenueMapping(
        columns={"account": "Customer", "kind": "What", "amount": "Value", "date": "Signed",
                 "reason": "Why"},
        delimiter=";", reasons={"Too pricey": "price"}, name="custom.toml",
    )  # fmt: skip
    report = import_revenue(
        db, read_revenue_file(source, taxonomy=current_taxonomy(), mapping=mapping)
    )
    assert report.written and get_account_detail(db, "Initech").arr_minor == 5_000_00
    assert list_revenue_events(db)[0].reason_code == "price"


def test_rows_apply_in_date_order_whatever_their_order_in_the_file(
    db: Database, tmp_path: Path
) -> None:
    revenue_book(db)
    source = tmp_path / "late_first.csv"
    source.write_text(
        "account,kind,amount,date,reason\n"
        "Initech,contraction,8000,2026-05-01,seat_reduction\n"  # only possible after the upsell
        "Initech,expansion,4000,2026-04-01,\n"
        "Initech,renewal,3000,2026-07-30,\n"
    )
    report = import_revenue(db, read_revenue_file(source, taxonomy=current_taxonomy()))
    assert report.written and report.problems == ()
    (change,) = report.changes
    assert (change.arr_before, change.arr_after) == (6_000_00, 3_000_00)
    assert change.contract_end_after == date(2027, 8, 1)
    detail = get_account_detail(db, "Initech")
    assert (detail.arr_minor, detail.contract_end) == (3_000_00, date(2027, 8, 1))
    assert [e.kind for e in list_revenue_events(db, account="Initech")] == [
        RevenueKind.RENEWAL, RevenueKind.DOWNSELL, RevenueKind.UPSELL,
    ]  # fmt: skip
