"""`cs-tui import accounts|metrics`: CRM exports and signal feeds into the book."""

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cs_tui.cli.context import database_option, open_store

if TYPE_CHECKING:
    import uuid

    from cs_tui.data.accounts.imports import RowProblem
    from cs_tui.data.scoring.rescoring import RescoreSummary
    from cs_tui.data.store.database import Database

MAX_PROBLEMS_SHOWN = 50
EXISTING_FILE = click.Path(exists=True, dir_okay=False, readable=True, path_type=Path)


@click.group("import")
def import_group() -> None:
    """Import accounts or metric samples."""


def _echo_problems(problems: "Sequence[RowProblem]", source: Path) -> None:
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        where = f"{source.name}:{problem.line}"
        column = f" [{problem.column}]" if problem.column else ""
        value = f" {problem.value!r}:" if problem.value else ":"
        click.echo(f"  {where}{column}{value} {problem.message}", err=True)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        click.echo(f"  … and {len(problems) - MAX_PROBLEMS_SHOWN} more", err=True)


@import_group.command("accounts")
@click.argument("source", metavar="FILE.csv", type=EXISTING_FILE)
@click.option("--mapping", type=EXISTING_FILE, help="TOML file mapping our fields to your columns.")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Write the valid rows and report the rest.")
@database_option
@click.pass_context
def import_accounts_command(
    ctx: click.Context, source: Path, mapping: Path | None, dry_run: bool, skip_invalid: bool
) -> None:
    """Load a CRM export (Salesforce, HubSpot, or any CSV with --mapping)."""
    from cs_tui.data.accounts.imports import import_accounts
    from cs_tui.io.account_file import ImportFileError, read_account_file
    from cs_tui.io.column_mapping import load_column_mapping

    try:
        column_mapping = load_column_mapping(mapping) if mapping else None
        parsed = read_account_file(source, mapping=column_mapping)
    except ImportFileError as error:
        raise click.ClickException(str(error)) from error
    with open_store(ctx) as db:
        report = import_accounts(db, parsed, dry_run=dry_run, skip_invalid=skip_invalid)
        scored = _rescore(db, report.account_ids) if report.written else None
    for skipped in parsed.skipped:
        click.echo(f"  {source.name}:{skipped.line} skipped: {skipped.reason}", err=True)
    if report.problems:
        click.echo(f"{len(report.problems)} invalid rows:", err=True)
        _echo_problems(report.problems, source)
    counts = (
        f"{report.count('create')} new, {report.count('update')} updated, "
        f"{report.count('unchanged')} unchanged"
    )
    if dry_run:
        click.echo(f"Dry run, nothing written: would write {counts}.")
        for change in report.changes:
            if change.action != "unchanged":
                fields = f" ({', '.join(change.fields)})" if change.fields else ""
                click.echo(f"  line {change.line}: {change.action} {change.name}{fields}")
    elif report.refused:
        raise click.ClickException(
            "nothing was imported because of the invalid rows above; fix them, or pass "
            "--skip-invalid to import the valid rows"
        )
    else:
        skipped_note = f"; {len(report.problems)} invalid rows skipped" if report.problems else ""
        click.echo(f"Imported {source.name}: {counts}{skipped_note}.")
        _echo_health(scored)


@import_group.command("metrics")
@click.argument("source", metavar="FILE", type=EXISTING_FILE)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Write the valid rows and report the rest.")
@database_option
@click.pass_context
def import_metrics_command(
    ctx: click.Context, source: Path, dry_run: bool, skip_invalid: bool
) -> None:
    """Load metric samples: CSV (account, metric, value, date) or JSON lines with those keys."""
    from cs_tui.data.signals.metric_import import import_metrics
    from cs_tui.io.account_file import ImportFileError
    from cs_tui.io.metrics_file import read_metric_file

    try:
        parsed = read_metric_file(source)
    except ImportFileError as error:
        raise click.ClickException(str(error)) from error
    with open_store(ctx) as db:
        report = import_metrics(db, parsed, dry_run=dry_run, skip_invalid=skip_invalid)
        scored = _rescore(db, report.account_ids) if report.written else None
    if report.problems:
        click.echo(f"{len(report.problems)} rows not imported:", err=True)
        _echo_problems(report.problems, source)
    summary = f"{_counted(report.samples, 'sample')} for {_counted(report.accounts, 'account')}"
    if dry_run:
        click.echo(f"Dry run, nothing written: would write {summary}.")
    elif report.problems and not skip_invalid:
        raise click.ClickException(
            "nothing was imported because of the rows above; fix them, or pass --skip-invalid"
        )
    else:
        click.echo(f"Imported {summary}.")
        _echo_health(scored)


def _rescore(db: "Database", account_ids: Sequence["uuid.UUID"]) -> "RescoreSummary":
    """Score today what the import wrote, so the list shows its health at once."""
    from cs_tui.cli.score import load_scorer
    from cs_tui.data.scoring.book_scoring import rescore_written

    return rescore_written(db, account_ids, scorer=load_scorer())


def _echo_health(scored: "RescoreSummary | None") -> None:
    from cs_tui.cli.score import bands_text

    if scored is not None and scored.accounts:
        click.echo(f"Rescored {_counted(scored.accounts, 'account')}: {bands_text(scored)}.")


def register(group: click.Group) -> None:
    group.add_command(import_group)


def _counted(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
