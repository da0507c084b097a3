"""Decoding exports, finding the header and its delimiter, and setting report furniture aside."""

import codecs
from pathlib import Path

import pytest

from cs_tui.io.text_files import (
    ImportFileError,
    Record,
    decode_file,
    find_header,
    physical_lines,
    read_table,
    set_aside_furniture,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"


def is_name(header: str) -> bool:
    return header.strip().lower() in ("name", "account name")


def write(tmp_path: Path, data: bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("Name\nMüller GmbH\n".encode(), "utf-8", "Name\nMüller GmbH\n"),
        (codecs.BOM_UTF8 + "Name\nMüller\n".encode(), "utf-8-sig", "Name\nMüller\n"),
        ("Name\nSociété Générale €\n".encode("cp1252"), "cp1252", "Name\nSociété Générale €\n"),
        ("Name\tARR\nKyōto\t5\n".encode("utf-16"), "utf-16", "Name\tARR\nKyōto\t5\n"),
    ],
)
def test_text_is_decoded_and_the_encoding_reported(
    tmp_path: Path, data: bytes, encoding: str, text: str
) -> None:
    decoded = decode_file(write(tmp_path, data))
    assert (decoded.text, decoded.encoding) == (text, encoding)


def test_a_named_encoding_is_used_as_given(tmp_path: Path) -> None:
    path = write(tmp_path, "Name\nZoë\n".encode("latin-1"))
    assert decode_file(path, "latin-1").text == "Name\nZoë\n"
    with pytest.raises(ImportFileError, match="not utf-8 text"):
        decode_file(write(tmp_path, "Zoë".encode("cp1252")), "utf-8")
    with pytest.raises(ImportFileError, match="unknown encoding 'klingon'"):
        decode_file(path, "klingon")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "export.csv: the file is empty"),
        (b"  \r\n\r\n ", "export.csv: the file is empty"),
        (codecs.BOM_UTF8 + b"\n", "export.csv: the file is empty"),
        (b"Name\x00,ARR\x00\n", "not a text file"),
        (bytes(range(1, 32)) * 20, "not a text file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Excel workbook"),
        (b"%PDF-1.7\n", "PDF"),
        (b"<!DOCTYPE html>\n<html><body>Session expired</body></html>", "web page"),
        (b"\n  <html>\n<head></head></html>", "web page"),
        (b"Name\n\x81\x8d\x8f\n", "neither UTF-8 nor Windows-1252"),
    ],
)
def test_files_that_are_not_text_are_refused(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        decode_file(write(tmp_path, data))


def test_a_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"gone\.csv: cannot be read"):
        decode_file(tmp_path / "gone.csv")


def test_fixtures_that_must_be_refused() -> None:
    for name, message in [
        ("empty.csv", "empty"),
        ("binary_garbage.csv", "binary"),
        ("html_error_page.csv", "HTML"),
    ]:
        with pytest.raises(ImportFileError, match=message) as caught:
            decode_file(FIXTURES / name)
        assert name in str(caught.value)


def test_physical_lines_split_only_on_line_breaks() -> None:
    text = "a,b\r\nc\u2028d,e\rf\n\ng"
    assert physical_lines(text) == ["a,b\r\n", "c\u2028d,e\r", "f\n", "\n", "g"]


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("Name,ARR,Owner", ","),
        ("Name;ARR;Owner", ";"),
        ("Name\tARR\tOwner", "\t"),
        ("Name|ARR|Owner", "|"),
        ('"Name";"ARR, in USD";"Owner"', ";"),
        ('"Account Name","Notes; misc"', ","),
        ("Name", ","),
    ],
)
def test_the_delimiter_is_sniffed_from_the_header(header: str, delimiter: str) -> None:
    assert find_header([header + "\n", "x\n"], is_name) == (0, delimiter)


def test_the_header_is_the_first_line_with_a_name_column() -> None:
    lines = ["Accounts by owner\n", "\n", "Owner;ARR\n", "Owner;Name;ARR\n", "tess;Acme;5\n"]
    assert find_header(lines, is_name) == (3, ";")
    assert find_header(lines, is_name, ",") is None
    assert find_header(["Owner,ARR\n"], is_name) is None


def test_records_start_on_their_physical_line(tmp_path: Path) -> None:
    text = 'Title\r\nName,Note\r\nAcme,"two\r\nlines"\r\n\r\nGlobex,"a, b"\r\nInitech,"x\ny\nz"\r\nHooli,\r\n'
    lines = physical_lines(text)
    table = read_table(tmp_path / "f.csv", lines, 1, ",", "utf-8")
    assert table.header == Record(2, 2, ("Name", "Note"), text="Name,Note\r\n")
    assert [(r.line, r.last_line, r.cells) for r in table.records] == [
        (3, 4, ("Acme", "two\r\nlines")),
        (5, 5, ()),
        (6, 6, ("Globex", "a, b")),
        (7, 9, ("Initech", "x\ny\nz")),
        (10, 10, ("Hooli", "")),
    ]
    assert [(s.line, s.reason) for s in table.skipped_above] == [
        (1, "report title above the header")
    ]


def test_an_unclosed_quote_is_flagged(tmp_path: Path) -> None:
    lines = physical_lines('Name,Note\nAcme,"oops\nGlobex,fine\nInitech,fine\n')
    table = read_table(tmp_path / "f.csv", lines, 0, ",", "utf-8")
    (runaway,) = table.records
    assert (runaway.line, runaway.last_line, runaway.unclosed_quote) == (2, 4, True)


def test_a_closed_multiline_value_is_not_flagged(tmp_path: Path) -> None:
    lines = physical_lines('Name,Note\nAcme,"two\nlines"\n')
    table = read_table(tmp_path / "f.csv", lines, 0, ",", "utf-8")
    assert not table.records[0].unclosed_quote


def record(line: int, *cells: str) -> Record:
    return Record(line, line, cells)


def test_footer_rows_and_blank_lines_are_set_aside() -> None:
    records = [
        record(2, "Acme", "A-1", "100"),
        record(3, "", "", ""),
        record(4, "Total Wine & More", "A-2", "50"),
        record(5, "Total", "A-3", "10"),
        record(6, "Grand Totals (3 records)", "", "160"),
        record(7),
        record(8, "Accounts report"),
        record(9, "Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."),
        record(10, "Generated By:  Tess  3/31/2026 10:15 AM"),
        record(11, "Acme Software Ltd."),
        record(12, "Late Row Inc.", "A-9", "70"),
    ]
    data, skipped = set_aside_furniture(records, key_index=1)
    assert [r.line for r in data] == [2, 4, 5, 12]
    assert [(s.line, s.reason.split(" '")[0]) for s in skipped] == [
        (3, "blank line"),
        (6, "report footer"),
        (7, "blank line"),
        (8, "report footer"),
        (9, "report footer"),
        (10, "report footer"),
        (11, "report footer"),
    ]


@pytest.mark.parametrize(
    "label",
    ["Total", "Totals", "Total:", "Grand Total", "Grand Totals (120 records)", "Subtotal",
     "Count", "Generated By: jane", "(c) 2026 Acme Inc.", "Copyright (c) 2026 HubSpot, Inc.",
     "Confidential Information - Do Not Distribute", "Filtered By:", "© 2026 Acme"],
)  # fmt: skip
def test_footer_labels(label: str) -> None:
    data, skipped = set_aside_furniture([record(5, label, "", "")], key_index=1)
    assert not data and skipped[0].line == 5


@pytest.mark.parametrize(
    "name", ["Totally Awesome LLC", "Total Wine & More", "Counterpoint", "Summit Ltd"]
)
def test_names_that_merely_start_like_a_footer_are_data(name: str) -> None:
    data, _ = set_aside_furniture([record(5, name, "", "")], key_index=1)
    assert data
