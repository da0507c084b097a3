"""The QBR pack in every format: Markdown and HTML hold the numbers, HTML escapes what was typed and
draws the health chart, the PDF and the PPTX open (read back by pypdf and python-pptx) and hold the
account's name and numbers."""

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from cs_tui.data.qbr.pack import qbr_pack
from cs_tui.data.store.database import Database
from cs_tui.domain.metrics.periods import quarter
from cs_tui.domain.qbr.pack import QbrPack
from cs_tui.io.qbr.chart import health_svg
from cs_tui.io.qbr.render import ReportsExtraMissing, file_name, render_bytes, render_text
from tests.unit.data.qbr_book import SECRET, qbr_book

NUMBERS = (
    "Acme",
    "2026-Q2",
    "72",
    "+11",
    "$50,000",
    "-$5,000",
    "180 users",
    "75%",
    "Budget freeze in Q3",
)


@pytest.fixture
def pack(sqlite_db: Database) -> QbrPack:
    qbr_book(sqlite_db)
    return qbr_pack(sqlite_db, "Acme", quarter(2026, 2))


def test_markdown_is_the_canonical_pack(pack: QbrPack) -> None:
    text = render_text(pack, "md")
    assert text.startswith("# Quarterly business review: Acme\n")
    for expected in NUMBERS:
        assert expected in text, expected
    assert (
        "| Grow weekly active users | 120 users | 200 users | 180 users | 75% | Not started |"
        in text
    )
    assert "- Win: Milestone done: SSO rolled out" in text
    assert "## Plan for 2026-Q3" in text and "- Admin training (Tess, due 10 Aug 2026)" in text
    assert "NPS +0 from 2 responses, CSAT 100% from 1 response." in text
    assert SECRET not in text


def test_html_escapes_what_was_typed_and_draws_the_chart(pack: QbrPack) -> None:
    typed = replace(pack, account_name="<script>alert(1)</script> & Co")
    page = render_text(typed, "html")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page
    assert page.count("<svg") == 1 and page.count("<circle") == 4
    for expected in NUMBERS[1:]:
        assert expected in page, expected


def test_the_chart_without_snapshots_says_so(pack: QbrPack) -> None:
    from cs_tui.domain.qbr.rules import health_trend

    assert "No health snapshots" in health_svg(health_trend([]))
    assert "<polyline" in health_svg(pack.health)


def test_the_pdf_opens_and_holds_the_name_and_numbers(pack: QbrPack) -> None:
    from pypdf import PdfReader

    data = render_bytes(pack, "pdf")
    assert data.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    for expected in NUMBERS:
        assert expected in text, expected
    assert SECRET not in text


def test_the_pptx_opens_and_holds_the_name_and_numbers(pack: QbrPack) -> None:
    from pptx import Presentation

    deck = Presentation(io.BytesIO(render_bytes(pack, "pptx")))
    texts: list[str] = []
    charts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts.extend(cell.text for cell in shape.table.iter_cells())
            if shape.has_chart:
                charts.append(shape.chart)
    text = "\n".join(texts)
    assert "Acme: quarterly business review" in text
    for expected in (
        "2026-Q2",
        "Health 72",
        "+11 points",
        "$50,000",
        "180 users",
        "75%",
        "Budget freeze in Q3",
    ):
        assert expected in text, expected
    assert SECRET not in text
    (chart,) = charts
    assert list(chart.plots[0].series[0].values) == [61, 66, 72, 72]


def test_a_missing_extra_names_it(pack: QbrPack, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def without_reports(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] in ("weasyprint", "pptx"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", without_reports)
    for fmt, module in (("pdf", "weasyprint"), ("pptx", "python-pptx")):
        with pytest.raises(
            ReportsExtraMissing, match=rf"reports.*{module} is not installed.*cs-tui\[reports\]"
        ):
            render_bytes(pack, fmt)


def test_file_names_are_safe(pack: QbrPack) -> None:
    assert file_name(pack, "pdf") == "acme-qbr-2026-Q2.pdf"
    assert (
        file_name(replace(pack, account_name="Atkins & Berry / Fund"), "md")
        == "atkins-berry-fund-qbr-2026-Q2.md"
    )
    assert (
        Path(file_name(replace(pack, account_name="../../etc"), "md")).name == "etc-qbr-2026-Q2.md"
    )
    assert date(2026, 6, 15) == pack.as_of
