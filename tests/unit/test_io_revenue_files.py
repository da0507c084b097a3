"""Reading revenue exports: layouts, report furniture, amounts, reasons, mappings, problems."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cs_tui.domain.enums import RevenueKind
from cs_tui.io.revenue.mapping import load_revenue_mapping
from cs_tui.io.revenue.reader import ImportFileError, read_revenue_file
from cs_tui.io.revenue.reasons_file import current_taxonomy

REVENUE = Path(__file__).parent.parent / "fixtures" / "revenue"


def read(path: Path, **options: object):  # type: ignore[no-untyped-def]
    return read_revenue_file(path, taxonomy=current_taxonomy(), **options)  # type: ignore[arg-type]


def test_a_salesforce_report_with_bom_titles_totals_and_footers() -> None:
    parsed = read(REVENUE / "salesforce_opportunities.csv")
    assert parsed.layout == "salesforce" and parsed.encoding == "utf-8-sig"
    assert [(r.line, r.kind) for r in parsed.rows] == [
        (5, RevenueKind.NEW), (6, RevenueKind.UPSELL), (8, RevenueKind.RENEWAL),
        (9, RevenueKind.CHURN), (12, RevenueKind.DOWNSELL),
    ]  # fmt: skip
    upsell = parsed.rows[1]
    assert upsell.note == "More seats for\nthe EMEA team"
    assert (upsell.amount, upsell.currency, upsell.occurred_on) == (
        Decimal("2000.00"),
        "USD",
        date(2025, 6, 1),
    )
    assert upsell.key == "salesforce:0065A002" and upsell.account_id == "0015ACME"
    churn = parsed.rows[3]
    assert (churn.reason_code, churn.competitor) == ("competitor", "Gainsight")
    reasons = {s.line: s.reason for s in parsed.skipped}
    assert reasons[1] == "report title above the header"
    assert reasons[11] == "lost new business deal: it never was revenue"
    assert reasons[14] == "report footer 'Grand Totals (7 records)'"
    assert reasons[17].startswith("report footer 'Copyright")
    assert parsed.errors == ()


def test_a_hubspot_export_with_a_quoted_line_break_in_the_reason() -> None:
    parsed = read(REVENUE / "hubspot_deals.csv")
    assert parsed.layout == "hubspot"
    assert [(r.kind, r.reason_code) for r in parsed.rows] == [
        (RevenueKind.RENEWAL, ""), (RevenueKind.NEW, ""), (RevenueKind.CHURN, "competitor"),
    ]  # fmt: skip
    assert parsed.rows[1].amount == Decimal("1200.50") and parsed.rows[1].currency is None
    assert [s.line for s in parsed.skipped] == [6]


def test_problems_are_named_by_line_and_column(tmp_path: Path) -> None:
    source = tmp_path / "deals.csv"
    source.write_text(
        "Opportunity ID,Account Name,Opportunity Name,Type,Stage,Amount,Close Date,Loss Reason\n"
        "1,Acme,A,Upsell,Closed Won,lots,2026-01-01,\n"
        "2,Acme,B,Swap,Closed Won,100,2026-01-01,\n"
        "3,Acme,C,Renewal,Closed Lost,100,2026-01-01,\n"
        "4,Acme,D,Renewal,Closed Lost,100,2026-01-01,Mercury retrograde\n"
        "5,Acme,E,Upsell,Closed Won,EUR 100,soon,\n"
        "6,,F,Upsell,Closed Won,100,2026-01-01,\n"
        "7,Acme,G,Upsell,Closed Won,100,2026-01-01,\n"
        "7,Acme,G,Upsell,Closed Won,100,2026-01-01,\n"
        "8,Acme,H,,Closed Won,100,2026-01-01,\n"
    )
    parsed = read(source)
    found = [(e.line, e.column, e.message.split(" (")[0].split(";")[0]) for e in parsed.errors]
    assert found == [
        (2, "Amount", "not an amount"),
        (3, "Type", "not a deal type cs-tui knows"),
        (4, "Loss Reason", "a churn needs a reason"),
        (5, "Loss Reason", "not a reason of the taxonomy"),
        (6, "Close Date", "not a date"),
        (7, "Account Name", "missing account"),
        (9, "Opportunity ID", "the same deal as line 8"),
        (10, "Type", "missing type: is this new business, a renewal or an upsell?"),
    ]
    assert [r.line for r in parsed.rows] == [8]


def test_a_plain_file_and_negative_contractions(tmp_path: Path) -> None:
    source = tmp_path / "plain.csv"
    source.write_text("account,kind,amount,date,reason,currency\nAcme,contraction,-1200,2026-02-01,budget,eur\n"
                      "Acme,grow,1,2026-02-01,,\n")  # fmt: skip
    parsed = read(source)
    assert parsed.rows[0].amount == Decimal("1200") and parsed.rows[0].currency == "EUR"
    assert parsed.errors[0].line == 3 and parsed.errors[0].column == "kind"


def test_files_that_cannot_be_read_say_why(tmp_path: Path) -> None:
    source = tmp_path / "x.csv"
    source.write_text("Opportunity Name,Account Name,Amount\nA,Acme,1\n")
    with pytest.raises(
        ImportFileError,
        match="read as a Salesforce opportunity report, but it has no column for stage",
    ):
        read(source)
    (tmp_path / "m.toml").write_text('[options]\nlayout = "zoho"\n')
    with pytest.raises(
        ImportFileError, match=r"options\.layout 'zoho' is not one of salesforce, hubspot, plain"
    ):
        load_revenue_mapping(tmp_path / "m.toml")
    (tmp_path / "m.toml").write_text('[reasons]\n"Too pricey" = 3\n')
    with pytest.raises(ImportFileError, match=r"reasons\.Too pricey must be a string"):
        load_revenue_mapping(tmp_path / "m.toml")


def test_a_close_date_column_that_reads_both_ways_needs_a_date_format(tmp_path: Path) -> None:
    from cs_tui.io.revenue.mapping import RevenueMapping
    from cs_tui.io.text_files import AmbiguousDatesError

    source = tmp_path / "won.csv"
    source.write_text(
        "account,kind,amount,date\nAcme,expansion,100,03/04/2026\nAcme,expansion,50,05/06/2026\n"
    )
    with pytest.raises(AmbiguousDatesError, match=r"line 2: '03/04/2026' could be 2026-03-04 or"):
        read(source)
    day_first = read(source, mapping=RevenueMapping(date_format="%d/%m/%Y"))
    assert [r.occurred_on for r in day_first.rows] == [date(2026, 4, 3), date(2026, 6, 5)]
    settled = tmp_path / "settled.csv"
    settled.write_text(source.read_text() + "Acme,expansion,10,04/21/2026\n")
    assert read(settled).rows[0].occurred_on == date(2026, 3, 4)  # 04/21 says month first
