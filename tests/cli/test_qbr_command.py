"""`cs-tui qbr ACCOUNT`: the pack in each format, on standard output or a file, and clear refusals."""

import io
from pathlib import Path

import pytest

from cs_tui.data.store.database import open_database
from tests.cli.conftest import Run
from tests.conftest import TEST_USER, frozen_clock
from tests.unit.data.qbr_book import SECRET, qbr_book


@pytest.fixture
def book(book_path: Path) -> None:
    db = open_database(str(book_path), user=TEST_USER, clock=frozen_clock)
    qbr_book(db)
    db.close()


@pytest.mark.usefixtures("book")
def test_the_markdown_pack_goes_to_standard_output(run: Run) -> None:
    result = run("qbr", "Acme", "--period", "2026-Q2")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Quarterly business review: Acme\n")
    assert "2026-Q2 (1 Apr 2026 to 30 Jun 2026)" in result.stdout  # a past quarter, whole
    assert "Budget freeze in Q3" in result.stdout and SECRET not in result.stdout


@pytest.mark.usefixtures("book")
@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "pptx"])
def test_each_format_is_written_to_the_file_named(run: Run, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"acme.{fmt}"
    result = run("qbr", "acme", "--period", "2026-q2", "--format", fmt, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"QBR pack of Acme for 2026-Q2 written to {out}" in result.stderr
    data = out.read_bytes()
    if fmt == "pdf":
        from pypdf import PdfReader

        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    elif fmt == "pptx":
        from pptx import Presentation

        deck = Presentation(io.BytesIO(data))
        text = "\n".join(
            s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame
        )
    else:
        text = data.decode()
    assert "Acme" in text and "$50,000" in text


@pytest.mark.usefixtures("book")
def test_a_binary_format_goes_down_a_pipe(run: Run) -> None:
    piped = run("qbr", "Acme", "--period", "2026-Q2", "--format", "pdf")
    assert piped.exit_code == 0
    assert piped.stdout_bytes.startswith(b"%PDF")


@pytest.mark.usefixtures("book")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--period", "Q9"),
            "Invalid value for '--period': 'Q9' is not a period (use 2026-Q3",
        ),
        (("--period", "2099-Q1"), "2099-Q1 has not started yet"),
        (("--format", "docx"), "Invalid value for '--format'"),
    ],
)
def test_bad_input_is_a_message_naming_it(run: Run, args: tuple[str, ...], message: str) -> None:
    result = run("qbr", "Acme", *args)
    assert result.exit_code in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("book")
def test_an_unknown_account_and_a_bad_out_file(run: Run, tmp_path: Path) -> None:
    unknown = run("qbr", "Nobody", "--period", "2026-Q2")
    assert unknown.exit_code == 1 and "no account matches 'Nobody'" in unknown.stderr
    folder = run("qbr", "Acme", "--format", "pdf", "--out", str(tmp_path))
    assert folder.exit_code == 2 and f"{tmp_path} is a folder" in folder.stderr
