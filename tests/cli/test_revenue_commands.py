"""`cs-tui revenue`, `cs-tui renewals` and `cs-tui import revenue`, as a user runs them."""

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run

REVENUE = Path(__file__).parent.parent / "fixtures" / "revenue"
ACCOUNTS = (
    "Account Name,Account ID,Account Owner,ARR,Renewal Date,Lifecycle Stage\n"
    "Acme Analytics,0015ACME,tess,0,2026-12-31,value\n"
    "Globex,0015GLOB,sam,8000,2026-03-31,renewal\n"
    "Initech,0011,tess,6000,2026-08-01,value\n"
)


@pytest.fixture
def book(run: Run, tmp_path: Path) -> Run:
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(ACCOUNTS)
    assert run("import", "accounts", str(accounts)).exit_code == 0
    return run


def arr(run: Run, name: str) -> int:
    found = json.loads(run("accounts", "show", name, "--json").stdout)
    return int(found["arr_minor"])


def test_adding_events_keeps_the_account_consistent(book: Run) -> None:
    up = book("revenue", "add", "Initech", "--kind", "expansion", "--type", "cross-sell",
              "--amount", "1,500", "--date", "2026-05-01")  # fmt: skip
    assert up.exit_code == 0, up.output
    assert up.stdout.strip() == (
        "Recorded expansion (cross-sell) of $1,500 for Initech on 2026-05-01: ARR $6,000 -> $7,500."
    )
    down = book("revenue", "add", "Initech", "--kind", "contraction", "--amount", "500",
                "--date", "2026-05-02", "--reason", "budget", "--json")  # fmt: skip
    recorded = json.loads(down.stdout)
    assert recorded["event"]["kind"] == "contraction" and recorded["event"]["type"] == "downsell"
    assert recorded["account"]["arr_minor"] == 7_000_00
    renewed = book("revenue", "add", "Initech", "--kind", "renewal", "--amount", "7200",
                   "--date", "2026-07-25")  # fmt: skip
    assert "contract end 2026-08-01 -> 2027-08-01" in renewed.stdout
    churned = book("revenue", "add", "Globex", "--kind", "churn", "--date", "2026-04-01",
                   "--reason", "competitor", "--competitor", "Vitally")  # fmt: skip
    assert "Recorded churn of $8,000 for Globex" in churned.stdout
    assert "stage renewal -> churned" in churned.stdout
    listed = json.loads(book("revenue", "list", "--json").stdout)["events"]
    assert [e["kind"] for e in listed] == ["renewal", "contraction", "expansion", "churn"]
    assert listed[3]["competitor"] == "Vitally" and listed[3]["reason"] == "competitor"
    one = json.loads(book("revenue", "list", "Globex", "--json").stdout)["events"]
    assert len(one) == 1
    table = book("revenue", "list", "--period", "2026-Q2")
    assert "Went to a competitor (Vitally)" in table.stdout and "renewal" not in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [
                "--kind",
                "contraction",
                "--amount",
                "9000",
                "--date",
                "2026-05-01",
                "--reason",
                "budget",
            ],
            "Error: --amount: a contraction of $9,000.00 is more than the ARR of $6,000.00",
        ),
        (
            ["--kind", "churn", "--date", "2026-05-01", "--reason", "budgt"],
            "Error: --reason: unknown reason 'budgt' (valid reasons: budget, price, competitor",
        ),
        (["--kind", "churn", "--date", "2026-05-01"], "Error: --reason: a churn needs a reason"),
        (
            ["--kind", "churn", "--date", "2026-05-01", "--reason", "budget", "--competitor", "X"],
            "Error: --competitor: the reason budget does not name a competitor",
        ),
        (["--kind", "upsell", "--date", "2026-05-01"], "Error: --amount: a upsell needs an amount"),
        (
            ["--kind", "upsell", "--amount", "lots", "--date", "2026-05-01"],
            "Invalid value for --amount: not an amount",
        ),
        (
            ["--kind", "upsell", "--amount", "EUR 100", "--date", "2026-05-01"],
            "Error: --amount: Initech's ARR is in USD, not EUR",
        ),
        (
            ["--kind", "shrink", "--amount", "1", "--date", "2026-05-01"],
            "Error: --kind 'shrink' is not a kind (use one of new, renewal, expansion, contraction",
        ),
        (
            ["--kind", "renewal", "--date", "2026-05-01", "--renewal-to", "2026-04-01"],
            "Error: --renewal-to: the new contract end 2026-04-01 is not after the renewal",
        ),
    ],
)
def test_bad_input_names_the_flag_and_writes_nothing(
    book: Run, args: list[str], message: str
) -> None:
    result = book("revenue", "add", "Initech", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert json.loads(book("revenue", "list", "--json").stdout)["events"] == []
    assert arr(book, "Initech") == 6_000_00


def test_the_reasons_taxonomy_and_an_override_file(book: Run, tmp_path: Path) -> None:
    shown = json.loads(book("revenue", "reasons", "--json").stdout)
    codes = [r["code"] for r in shown["reasons"]]
    assert {
        "budget",
        "champion_left",
        "competitor",
        "product_gap",
        "acquired",
        "out_of_business",
    } <= set(codes)
    competitor = next(r for r in shown["reasons"] if r["code"] == "competitor")
    assert competitor["competitor"] is True and competitor["avoidable"] is True
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "revenue_reasons.toml").write_text(
        '[[reason]]\ncategory = "Money"\ncode = "too_dear"\nlabel = "Too dear"\navoidable = true\n'
    )
    assert [
        r["code"] for r in json.loads(book("revenue", "reasons", "--json").stdout)["reasons"]
    ] == ["too_dear"]
    refused = book(
        "revenue", "add", "Initech", "--kind", "churn", "--date", "2026-05-01", "--reason", "budget"
    )
    assert "unknown reason 'budget' (valid reasons: too_dear;" in refused.output
    (config / "revenue_reasons.toml").write_text('[[reason]]\ncode = "X"\n')
    broken = book("revenue", "reasons")
    assert broken.exit_code == 1 and "reason 1.category: required" in broken.output


def test_forecasts_and_the_renewals_list(book: Run) -> None:
    done = book("renewals", "forecast", "Initech", "--probability", "0.4", "--category", "at_risk",
                "--risks", "budget freeze", "--amount", "5000")  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "Forecast for Initech's renewal on 2026-08-01: $5,000 at 40%, at risk." in done.stdout
    listed = json.loads(book("renewals", "--period", "2026", "--json").stdout)
    assert [r["account"] for r in listed["renewals"]] == ["Globex", "Initech", "Acme Analytics"]
    initech = listed["renewals"][1]
    assert initech["forecast"]["category"] == "at_risk" and initech["at_risk"] is True
    assert initech["forecast"]["probability"] == 0.4 and initech["arr_minor"] == 6_000_00
    assert listed["totals"][0]["arr_at_risk_minor"] == 6_000_00
    mine = json.loads(book("renewals", "--period", "2026", "--owner", "me", "--json").stdout)
    assert [r["account"] for r in mine["renewals"]] == ["Initech", "Acme Analytics"]
    text = book("renewals", "--period", "2026-07-01..2026-09-30")
    assert (
        "Initech" in text.stdout
        and "AT RISK" in text.stdout
        and "ARR at risk $6,000" in text.stdout
    )
    for args, message in (
        (["--period", "2026-Q5"], "'2026-Q5' is not a period"),
        (["--within", "30", "--period", "2026"], "give --within or --period, not both"),
    ):
        result = book("renewals", *args)
        assert result.exit_code == 2 and message in result.output
    bad = book("renewals", "forecast", "Initech", "--probability", "1.5", "--category", "likely")
    assert bad.exit_code == 0  # 1.5 reads as 1.5%
    worse = book("renewals", "forecast", "Initech", "--probability", "150", "--category", "likely")
    assert (
        worse.exit_code == 1
        and "--probability: probability 150.0 must be from 0 to 1" in worse.output
    )


def test_importing_a_salesforce_report_twice(book: Run) -> None:
    source = str(REVENUE / "salesforce_opportunities.csv")
    dry = book("import", "revenue", source, "--dry-run")
    assert "Dry run, nothing written: would import 5 new events for 3 accounts" in dry.stdout
    assert "Globex: ARR $8,000 -> $0; stage renewal -> churned" in dry.stdout
    assert json.loads(book("revenue", "list", "--json").stdout)["events"] == []
    first = book("import", "revenue", source)
    assert first.exit_code == 0, first.output
    assert "Salesforce opportunity report: 5 closed deals read." in first.stdout
    assert "Imported 5 new events for 3 accounts" in first.stdout
    assert (
        "salesforce_opportunities.csv:14 skipped: report footer 'Grand Totals (7 records)'"
        in first.stderr
    )
    assert (
        "salesforce_opportunities.csv:10 skipped: open deal (stage 'Negotiation/Review')"
        in first.stderr
    )
    assert arr(book, "Acme Analytics") == 12_500_00
    again = book("import", "revenue", source)
    assert "Imported 0 new events for 0 accounts; 5 already imported." in again.stdout


def test_a_hubspot_export_with_an_unknown_company(book: Run, tmp_path: Path) -> None:
    source = tmp_path / "deals.csv"
    source.write_text(
        (REVENUE / "hubspot_deals.csv").read_text()
        + "9005,Hooli new,Hooli,closedwon,900,2026-04-01 00:00,newbusiness,,Sales Pipeline\n"
    )
    result = book("import", "revenue", str(source))
    assert result.exit_code == 0, result.output
    assert "HubSpot deal export" in result.stdout and "Imported 3 new events" in result.stdout
    assert "deals.csv:7 Hooli: no account is named 'Hooli'" in result.stderr


def test_invalid_rows_mean_nothing_is_imported(book: Run, tmp_path: Path) -> None:
    source = tmp_path / "plain.csv"
    source.write_text(
        "account,kind,amount,date,reason\n"
        "Initech,expansion,1000,2026-04-01,\n"
        "Initech,contraction,lots,2026-04-02,budget\n"
        "Globex,churn,,31/31/2026,competitor\n"
    )
    refused = book("import", "revenue", str(source))
    assert refused.exit_code == 1
    assert "plain.csv:3 [amount] 'lots': not an amount" in refused.stderr
    assert "plain.csv:4 [date] '31/31/2026': not a date" in refused.stderr
    assert "nothing was imported because of the invalid rows above" in refused.stderr
    assert json.loads(book("revenue", "list", "--json").stdout)["events"] == []
    skipped = book("import", "revenue", str(source), "--skip-invalid")
    assert skipped.exit_code == 0 and "Imported 1 new event for 1 account" in skipped.stdout
    assert arr(book, "Initech") == 7_000_00


def test_a_mapping_file_and_its_mistakes(book: Run, tmp_path: Path) -> None:
    source = tmp_path / "custom.csv"
    source.write_text(
        "Customer;What;Value;Signed;Why\nInitech;downsell;1.000,00;01.04.2026;Too pricey\n"
    )
    mapping = tmp_path / "map.toml"
    mapping.write_text(
        '[columns]\naccount = "Customer"\nkind = "What"\namount = "Value"\ndate = "Signed"\n'
        'reason = "Why"\n[options]\ndelimiter = ";"\n[reasons]\n"Too pricey" = "price"\n'
    )
    done = book("import", "revenue", str(source), "--mapping", str(mapping))
    assert done.exit_code == 0, done.output
    assert arr(book, "Initech") == 5_000_00
    mapping.write_text('[columns]\nacount = "Customer"\n')
    bad = book("import", "revenue", str(source), "--mapping", str(mapping))
    assert (
        bad.exit_code == 1
        and "map.toml: unknown key columns.acount (known: key, account" in bad.output
    )
    nothing = tmp_path / "nothing.csv"
    nothing.write_text("a,b\n1,2\n")
    refused = book("import", "revenue", str(nothing))
    assert refused.exit_code == 1 and "nothing.csv: no account column" in refused.output


def test_import_revenue_asks_for_the_date_format_when_every_date_reads_both_ways(
    book: Run, tmp_path: Path
) -> None:
    source = tmp_path / "won.csv"
    source.write_text("account,kind,amount,date\nInitech,expansion,100,03/04/2026\n")
    refused = book("import", "revenue", str(source))
    assert refused.exit_code == 1
    assert (
        "--date-format" in refused.output and "could be 2026-03-04 or 2026-04-03" in refused.output
    )
    assert json.loads(book("revenue", "list", "--json").stdout)["events"] == []
    taken = book("import", "revenue", str(source), "--date-format", "%d/%m/%Y")
    assert taken.exit_code == 0, taken.output
    (event,) = json.loads(book("revenue", "list", "--json").stdout)["events"]
    assert event["occurred_on"] == "2026-04-03"
