"""The QBR pack as Markdown (canonical) or a self-contained HTML page, through Jinja templates.

HTML is autoescaped: whatever was typed in a check-in or a plan shows as text, never as markup.
PDF and PPTX are in `pdf.py` and `slides.py`, behind the `reports` extra.
"""

from functools import lru_cache
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from cs_tui.domain.money import format_money
from cs_tui.domain.qbr.pack import QbrPack
from cs_tui.io.plan_export import cell, day, label, number, percent
from cs_tui.io.qbr.chart import health_svg

QbrFormat = Literal["md", "html", "pdf", "pptx"]
FORMATS: tuple[QbrFormat, ...] = ("md", "html", "pdf", "pptx")
TEXT_FORMATS = ("md", "html")
KIND_LABELS = {"qbr": "QBR", "cross_sell": "Cross-sell", "nps": "NPS", "csat": "CSAT"}


class ReportsExtraMissing(Exception):
    """A PDF or PPTX was asked for without the `reports` extra; the message says how to add it."""

    def __init__(self, fmt: str, module: str) -> None:
        super().__init__(
            f"{fmt.upper()} needs the optional `reports` extra ({module} is not installed): "
            "pip install 'cs-tui[reports]' (or pipx inject cs-tui weasyprint python-pptx); "
            "--format md or html work without it"
        )


def kind(value: str) -> str:
    return KIND_LABELS.get(value, label(value))


def money(amount_minor: int, currency: str) -> str:
    text = format_money(abs(amount_minor), currency)
    return f"-{text}" if amount_minor < 0 else text


def signed_points(value: float | None) -> str:
    return "-" if value is None else f"{value:+.0f}"


def responses(count: int) -> str:
    return "1 response" if count == 1 else f"{count} responses"


def score(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def nps_text(value: float | None) -> str:
    return "-" if value is None else f"{value:+.0f}"


def sentence(pack: QbrPack) -> str:
    """One line on the renewal: when, how far, auto-renew, renewed this quarter."""
    r = pack.renewal
    parts = [f"ARR {money(r.arr_minor, r.currency)}"]
    if r.renewal_on:
        parts.append(f"renewal on {day(r.renewal_on)}")
        if r.days_to_go is not None and r.days_to_go >= 0:
            parts.append(f"in {r.days_to_go} days")
    if r.auto_renew:
        parts.append("auto-renews")
    if r.renewed_on:
        parts.append(f"renewed on {day(r.renewed_on)}")
    return ", ".join(parts)


@lru_cache(maxsize=2)
def _environment(html: bool) -> Environment:
    environment = Environment(
        loader=PackageLoader("cs_tui", "templates/qbr"),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        number=number, day=day, percent=percent, label=label, cell=cell, kind=kind,
        points=signed_points, score=score, nps=nps_text, responses=responses,
    )  # fmt: skip
    environment.globals.update(money=money, renewal_sentence=sentence)
    return environment


def render_text(pack: QbrPack, fmt: str = "md") -> str:
    """The pack as Markdown or HTML."""
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown text format {fmt!r}; use md or html")
    context: dict[str, Any] = {"pack": pack}
    if fmt == "html":
        context["chart"] = Markup(health_svg(pack.health))
    return _environment(fmt == "html").get_template(f"pack.{fmt}.j2").render(context)


def render_bytes(pack: QbrPack, fmt: str) -> bytes:
    """The pack in any format, as the bytes of the file."""
    if fmt in TEXT_FORMATS:
        return render_text(pack, fmt).encode("utf-8")
    if fmt == "pdf":
        from cs_tui.io.qbr.pdf import render_pdf

        return render_pdf(pack)
    if fmt == "pptx":
        from cs_tui.io.qbr.slides import render_pptx

        return render_pptx(pack)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def file_name(pack: QbrPack, fmt: str) -> str:
    """`acme-corp-qbr-2026-Q3.md`: a safe file name for the pack."""
    stem = "".join(ch.lower() if ch.isalnum() else "-" for ch in pack.account_name)
    stem = "-".join(part for part in stem.split("-") if part) or "account"
    return f"{stem}-qbr-{pack.period}.{fmt}"
