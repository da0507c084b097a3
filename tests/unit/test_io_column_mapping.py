"""CRM column labels, and mapping files for every other layout."""

from pathlib import Path

import pytest

from cs_tui.io.column_mapping import (
    ACCOUNT_LABELS,
    ColumnMapping,
    header_key,
    load_column_mapping,
    match_columns,
)
from cs_tui.io.text_files import ImportFileError

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"


def mapping_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "layout.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_fixture_mapping_loads() -> None:
    mapping = load_column_mapping(FIXTURES / "custom_mapping.toml")
    assert mapping.columns == {
        "name": "Customer",
        "external_id": "Client no.",
        "arr": "Yearly value",
        "contract_end": "Ends",
        "owner": "Rep",
    }
    assert (mapping.date_format, mapping.currency, mapping.delimiter) == ("%d/%m/%Y", "EUR", ";")
    assert mapping.source == FIXTURES / "custom_mapping.toml"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('[options]\ndelimiter = "tab"', "\t"),
        ('[options]\ndelimiter = "\\t"', "\t"),
        ('[options]\ndelimiter = "|"', "|"),
        ('[options]\ndelimiter = "semicolon"', ";"),
    ],
)
def test_delimiters_by_name_or_character(tmp_path: Path, text: str, value: str) -> None:
    assert load_column_mapping(mapping_file(tmp_path, text)).delimiter == value


def test_options_are_normalised(tmp_path: Path) -> None:
    mapping = load_column_mapping(
        mapping_file(tmp_path, '[options]\ncurrency = "eur"\nencoding = "Windows-1252"')
    )
    assert (mapping.currency, mapping.encoding) == ("EUR", "cp1252")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[columns]\ncustomer_name = "Customer"', "layout.toml: unknown key columns.customer_name"),
        ('[options]\ndate_order = "day-first"', "layout.toml: unknown key options.date_order"),
        ('[colums]\nname = "Customer"', "layout.toml: unknown section or key 'colums'"),
        ('name = "Customer"', "layout.toml: unknown section or key 'name'"),
        ("[columns]\nname = 3", "layout.toml: columns.name must be a string"),
        ('columns = "name"', "layout.toml: 'columns' must be a table"),
        ('[options]\ncurrency = "Euro"', "layout.toml: options.currency 'Euro'"),
        ('[options]\ndelimiter = ";;"', "layout.toml: options.delimiter"),
        ('[options]\ndelimiter = "\\""', "layout.toml: options.delimiter"),
        ('[options]\nencoding = "klingon"', "layout.toml: options.encoding 'klingon' is unknown"),
        ('[options]\ndate_format = "%Q"', "layout.toml: options.date_format '%Q'"),
        ('[options]\ndate_format = "day/month"', "layout.toml: options.date_format"),
        ("[columns\nname = 'x'", "layout.toml: not a valid TOML file"),
        ("", "layout.toml: neither"),
    ],
)
def test_bad_mapping_files_name_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        load_column_mapping(mapping_file(tmp_path, text))
    assert message in str(caught.value)


def test_a_missing_mapping_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"nope\.toml: cannot be read"):
        load_column_mapping(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("label", "key"),
    [("Account Name", "accountname"), ("  account_name ", "accountname"), ("ACCOUNT-NAME", "accountname"),
     ("Auto-Renew", "autorenew"), ("Société", "société")],
)  # fmt: skip
def test_labels_compare_without_case_spaces_or_punctuation(label: str, key: str) -> None:
    assert header_key(label) == key


SALESFORCE = ["Account Name", "Account ID", "Account Owner", "Annual Revenue", "Renewal Date",
              "Contract Start Date", "Segment", "Industry", "Website", "Type"]  # fmt: skip
HUBSPOT = ["Record ID", "Company name", "Company owner", "Company Domain Name", "Annual Revenue",
           "Industry", "Create Date", "Lifecycle Stage"]  # fmt: skip


def test_salesforce_labels() -> None:
    match = match_columns(SALESFORCE, ACCOUNT_LABELS, {}, file_name="sf.csv")
    assert dict(match.labels) == {
        "name": "Account Name",
        "external_id": "Account ID",
        "owner": "Account Owner",
        "arr": "Annual Revenue",
        "contract_end": "Renewal Date",
        "contract_start": "Contract Start Date",
        "segment": "Segment",
        "industry": "Industry",
        "domain": "Website",
    }
    assert match.ignored == ("Type",)


def test_hubspot_labels() -> None:
    match = match_columns(HUBSPOT, ACCOUNT_LABELS, {}, file_name="hs.csv")
    assert {
        f: match.labels[f] for f in ("name", "external_id", "owner", "domain", "lifecycle_stage")
    } == {
        "name": "Company name",
        "external_id": "Record ID",
        "owner": "Company owner",
        "domain": "Company Domain Name",
        "lifecycle_stage": "Lifecycle Stage",
    }
    assert match.ignored == ("Create Date",)


@pytest.mark.parametrize(
    ("header", "field"),
    [("ARR", "arr"), ("Annual recurring revenue", "arr"), ("contract end date", "contract_end"),
     ("Account Currency", "currency"), ("Stage", "lifecycle_stage"), ("Seats", "licensed_seats"),
     ("Licensed Seats", "licensed_seats"), ("Auto Renew", "auto_renew"), ("Tags", "tags"),
     ("Domain", "domain"), ("company domain name", "domain")],
)  # fmt: skip
def test_extra_labels(header: str, field: str) -> None:
    match = match_columns(["Name", header], ACCOUNT_LABELS, {}, file_name="f.csv")
    assert match.labels[field] == header


def test_the_first_label_in_priority_wins_and_the_other_is_ignored() -> None:
    match = match_columns(["Name", "Account Name"], ACCOUNT_LABELS, {}, file_name="f.csv")
    assert match.labels["name"] == "Account Name"
    assert match.ignored == ("Name",)


def test_a_mapping_overrides_and_claims_its_columns() -> None:
    headers = ["Customer", "Account Name", "Yearly value"]
    mapped = {"name": "customer", "arr": "Yearly Value"}
    match = match_columns(headers, ACCOUNT_LABELS, mapped, file_name="f.csv")
    assert (match.index["name"], match.index["arr"]) == (0, 2)
    assert match.ignored == ("Account Name",)


def test_a_field_mapped_to_nothing_is_not_imported() -> None:
    headers = ["Company name", "Lifecycle Stage"]
    match = match_columns(headers, ACCOUNT_LABELS, {"lifecycle_stage": ""}, file_name="f.csv")
    assert "lifecycle_stage" not in match.index
    assert match.ignored == ("Lifecycle Stage",)


def test_a_mapped_column_missing_from_the_file_names_both_files() -> None:
    with pytest.raises(ImportFileError) as caught:
        match_columns(
            ["Customer", "ARR"],
            ACCOUNT_LABELS,
            {"arr": "Yearly value"},
            file_name="book.csv",
            mapping_name="layout.toml",
        )
    message = str(caught.value)
    assert "layout.toml: columns.arr = 'Yearly value'" in message
    assert "book.csv has no such column (its columns: Customer, ARR)" in message


def test_an_empty_mapping_is_the_default() -> None:
    assert ColumnMapping().columns == {}
