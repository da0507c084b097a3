"""The QBR pack as a PDF: the HTML page printed by WeasyPrint (the `reports` extra)."""

from cs_tui.domain.qbr.pack import QbrPack
from cs_tui.io.qbr.render import ReportsExtraMissing, render_text

PRINT_CSS = "@page { size: A4; margin: 16mm 14mm; } body { margin: 0; max-width: none; }"


def render_pdf(pack: QbrPack) -> bytes:
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError) as error:  # OSError: its system libraries (Pango) are missing
        raise ReportsExtraMissing("pdf", "weasyprint") from error
    document = HTML(string=render_text(pack, "html"))
    data = document.write_pdf(stylesheets=[CSS(string=PRINT_CSS)])
    assert isinstance(data, bytes)
    return data
