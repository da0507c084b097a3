"""`cs-tui import accounts|metrics`: CRM exports and signal feeds into the book."""

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cs_tui.cli.context import database_option, open_store

if TYPE_CHECKING:
    import uuid

    from cs_tui.data.accounts.imports import ImportReport, RowProblem
    from cs_tui.data.scoring.rescoring import RescoreSummary
    from cs_tui.data.signals.metric_import import MetricImportReport
    from cs_tui.data.store.database import Database
    from cs_tui.io.account_file import AccountFile
    from cs_tui.io.metrics_file import MetricFile
    from cs_tui.io.text_files import SkippedLine

MAX_PROBLEMS_SHOWN = 50
EXISTING_FILE = click.Path(exists=True, dir_okay=False, readable=True, path_type=Path)
DATE_FORMAT_HELP = (
    "How the file writes dates, e.g. %d/%m/%Y or %m/%d/%y (needed when every date could be "
    "day/month or month/day, or years have two digits)."
)


def checked_date_format(value: str | None) -> str:
    """The --date-format value checked, or a usage error naming the flag."""
    from cs_tui.io.column_mapping import check_date_format

    if not value:
        return ""
    try:
        return check_date_format(value)
    except ValueError as problem:
        raise click.BadParameter(str(problem), param_hint="--date-format") from None


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
@click.option("--date-format", "date_format", metavar="FORMAT", help=DATE_FORMAT_HELP)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Write the valid rows and report the rest.")
@click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON.")
@database_option
@click.pass_context
def import_accounts_command(
    ctx: click.Context,
    source: Path,
    mapping: Path | None,
    date_format: str | None,
    dry_run: bool,
    skip_invalid: bool,
    as_json: bool,
) -> None:
    """Load a CRM export (Salesforce, HubSpot, or any CSV with --mapping)."""
    from dataclasses import replace

    from cs_tui.data.accounts.imports import import_accounts
    from cs_tui.io.account_file import ImportFileError, read_account_file
    from cs_tui.io.column_mapping import ColumnMapping, load_column_mapping

    given_format = checked_date_format(date_format)
    try:
        column_mapping = load_column_mapping(mapping) if mapping else ColumnMapping()
        if given_format:
            column_mapping = replace(column_mapping, date_format=given_format)
        parsed = read_account_file(source, mapping=column_mapping)
    except ImportFileError as error:
        raise click.ClickException(str(error)) from error
    with open_store(ctx) as db:
        report = import_accounts(db, parsed, dry_run=dry_run, skip_invalid=skip_invalid)
        scored = _rescore(db, report.account_ids) if report.written else None
    if as_json:
        from cs_tui.cli.output import echo_json

        echo_json(_account_report_json(source, parsed, report, scored))
        if report.refused:
            raise click.ClickException(
                "nothing was imported because of the invalid rows in the report"
            )
        return
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
@click.option("--date-format", "date_format", metavar="FORMAT", help=DATE_FORMAT_HELP)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Write the valid rows and report the rest.")
@click.option("--json", "as_json", is_flag=True, help="Print the import report as JSON.")
@database_option
@click.pass_context
def import_metrics_command(
    ctx: click.Context,
    source: Path,
    date_format: str | None,
    dry_run: bool,
    skip_invalid: bool,
    as_json: bool,
) -> None:
    """Load metric samples: CSV (account, metric, value, date) or JSON lines with those keys."""
    from cs_tui.cli.score import load_scorer
    from cs_tui.data.signals.metric_import import import_metrics
    from cs_tui.domain.signals.feed_values import metric_kinds
    from cs_tui.io.account_file import ImportFileError
    from cs_tui.io.metrics_file import read_metric_file

    given_format = checked_date_format(date_format)
    kinds = metric_kinds(load_scorer().card.signals)
    try:
        parsed = read_metric_file(source, date_format=given_format, kinds=kinds)
    except ImportFileError as error:
        raise click.ClickException(str(error)) from error
    with open_store(ctx) as db:
        report = import_metrics(db, parsed, dry_run=dry_run, skip_invalid=skip_invalid)
        scored = _rescore(db, report.account_ids) if report.written else None
    if as_json:
        from cs_tui.cli.output import echo_json

        echo_json(_metric_report_json(source, parsed, report, scored))
        if report.problems and not (dry_run or skip_invalid):
            raise click.ClickException("nothing was imported because of the rows in the report")
        return
    for skipped in parsed.skipped:
        click.echo(f"  {source.name}:{skipped.line} skipped: {skipped.reason}", err=True)
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


def _problems_json(problems: "Sequence[RowProblem]") -> list[dict[str, object]]:
    return [
        {"line": p.line, "column": p.column, "value": p.value, "message": p.message}
        for p in problems
    ]


def _skipped_json(skipped: "Sequence[SkippedLine]") -> list[dict[str, object]]:
    return [{"line": s.line, "reason": s.reason} for s in skipped]


def _rescored_json(scored: "RescoreSummary | None") -> dict[str, object] | None:
    return None if scored is None else scored.to_json()


def _account_report_json(
    source: Path,
    parsed: "AccountFile",
    report: "ImportReport",
    scored: "RescoreSummary | None",
) -> dict[str, object]:
    return {
        "file": source.name,
        "encoding": parsed.encoding,
        "delimiter": parsed.delimiter,
        "header_line": parsed.header_line,
        "columns": dict(parsed.columns),
        "ignored_headers": list(parsed.ignored_headers),
        "dry_run": report.dry_run,
        "written": report.written,
        "refused": report.refused,
        "counts": {action: report.count(action) for action in ("create", "update", "unchanged")},
        "changes": [
            {"line": c.line, "action": c.action, "name": c.name, "fields": list(c.fields)}
            for c in report.changes
        ],
        "problems": _problems_json(report.problems),
        "skipped": _skipped_json(parsed.skipped),
        "rescored": _rescored_json(scored),
    }


def _metric_report_json(
    source: Path,
    parsed: "MetricFile",
    report: "MetricImportReport",
    scored: "RescoreSummary | None",
) -> dict[str, object]:
    return {
        "file": source.name,
        "format": parsed.format,
        "encoding": parsed.encoding,
        "dry_run": report.dry_run,
        "written": report.written,
        "samples": report.samples,
        "accounts": report.accounts,
        "problems": _problems_json(report.problems),
        "skipped": _skipped_json(parsed.skipped),
        "rescored": _rescored_json(scored),
    }
