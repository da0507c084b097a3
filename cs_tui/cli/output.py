"""Printing for the commands: tables for people at a terminal, tab-separated lines in pipes, JSON."""

import sys
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import click

from cs_tui.domain.jsonable import strict_json


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def echo_json(data: Any) -> None:
    click.echo(strict_json(data, indent=2, ensure_ascii=False, default=_default))


def echo_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, title: str = "", summary: str = ""
) -> None:
    """A Rich table on a terminal; plain tab-separated lines (with a header line) otherwise, one
    line per row whatever its cells hold (tabs and line breaks in a cell become spaces).

    `summary` (totals, say) is the table's caption on a terminal, and goes to standard error
    when the output is piped, so the lines stay plain data."""
    if not sys.stdout.isatty():
        click.echo("\t".join(headers))
        for row in rows:
            click.echo("\t".join(" ".join(cell.replace("\t", " ").splitlines()) for cell in row))
        if summary:
            click.echo(summary, err=True)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=title or None, caption=summary or None, show_lines=False, header_style="bold"
    )
    for header in headers:
        table.add_column(header, overflow="ellipsis", no_wrap=True)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


def echo_facts(pairs: Sequence[tuple[str, str]]) -> None:
    width = max((len(label) for label, _ in pairs), default=0)
    for label, value in pairs:
        click.echo(f"{label.ljust(width)}  {value}")
