"""`cs-tui qbr ACCOUNT`: the customer QBR pack of a quarter, as Markdown, HTML, PDF or PPTX."""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.out_file import out_option, write_out
from cs_tui.cli.periods import PERIOD, PERIOD_HELP

F = TypeVar("F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from cs_tui.domain.metrics.periods import Period
    from cs_tui.io.safe_output import OutputTarget


def period_option(help_text: str) -> Callable[[F], F]:
    return click.option("--period", "period", type=PERIOD, default=None, help=help_text)


@click.command("qbr")
@click.argument("reference", metavar="ACCOUNT")
@period_option(f"{PERIOD_HELP} (default: the last full quarter; one still running: up to today).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "html", "pdf", "pptx"]),
    default="md",
    show_default=True,
    help="pdf and pptx need the `reports` extra.",
)
@out_option("qbr.md")
@database_option
@click.pass_context
def qbr(
    ctx: click.Context, reference: str, period: "Period | None", fmt: str, out: "OutputTarget"
) -> None:
    """The customer QBR pack: health trend, objectives, milestones, touches, NPS/CSAT, revenue
    and renewal, risks, wins and misses, and next quarter's plan. Internal notes never appear."""
    from cs_tui.data.qbr.pack import qbr_pack
    from cs_tui.io.qbr.render import ReportsExtraMissing, render_bytes, render_text
    from cs_tui.io.safe_output import OutputError

    with open_store(ctx) as db:
        pack = qbr_pack(db, reference, period)
    if fmt in ("md", "html"):
        document = render_text(pack, fmt)
        write_out(out, lambda handle: handle.write(document))
    else:
        from cs_tui.io.qbr.files import write_binary

        try:
            data = render_bytes(pack, fmt)
        except ReportsExtraMissing as error:
            raise click.ClickException(str(error)) from error
        try:
            write_binary(out, data)
        except OutputError as error:
            if error.closed:
                raise click.exceptions.Exit(1) from None
            raise click.ClickException(str(error)) from error
    if out.path is not None:
        click.echo(f"QBR pack of {pack.account_name} for {pack.period} written to {out}", err=True)


def register(cli: click.Group) -> None:
    cli.add_command(qbr)
