"""`cs-tui import surveys`: survey exports (Qualtrics, SurveyMonkey, Typeform, Delighted, plain)."""

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.imports import (
    DATE_FORMAT_HELP,
    EXISTING_FILE,
    MAX_PROBLEMS_SHOWN,
    _echo_health,
    _echo_problems,
    _rescore,
    checked_date_format,
    import_group,
)

if TYPE_CHECKING:
    from cs_tui.data.voice.imports import SurveyImportReport
    from cs_tui.domain.revenue.taxonomy import Taxonomy
    from cs_tui.io.surveys.reader import SurveyFile

MOMENTS = click.Choice(["onboarding", "periodic", "exit"])
KINDS = click.Choice(["nps", "csat"])


@click.command("surveys")
@click.argument("source", metavar="FILE.csv", type=EXISTING_FILE)
@click.option("--moment", type=MOMENTS, help="The moment the survey asked at (default: periodic).")
@click.option(
    "--kind", type=KINDS, help="NPS (0-10) or CSAT (1-5), when the question does not say."
)
@click.option(
    "--question", default="", help="The score question: its text, part of it, or its column id."
)
@click.option("--mapping", type=EXISTING_FILE, help="TOML file naming your columns (see README).")
@click.option("--date-format", "date_format", metavar="FORMAT", help=DATE_FORMAT_HELP)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Write the valid rows and report the rest.")
@database_option
@click.pass_context
def import_surveys_command(
    ctx: click.Context, source: Path, moment: str | None, kind: str | None, question: str,
    mapping: Path | None, date_format: str | None, dry_run: bool, skip_invalid: bool,
) -> None:  # fmt: skip
    """Load survey responses, matched to accounts by contact e-mail, domain or account column."""
    from cs_tui.config import load_settings
    from cs_tui.data.voice.imports import import_surveys
    from cs_tui.domain.enums import SurveyKind, SurveyMoment
    from cs_tui.io.surveys.mapping import SurveyMapping, load_survey_mapping
    from cs_tui.io.surveys.reader import ImportFileError, read_survey_file

    given_format = checked_date_format(date_format)
    try:
        survey_mapping = load_survey_mapping(mapping) if mapping else None
        if given_format:
            survey_mapping = replace(survey_mapping or SurveyMapping(), date_format=given_format)
        parsed = read_survey_file(
            source, question=question, kind=SurveyKind(kind) if kind else None,
            moment=SurveyMoment(moment) if moment else None, mapping=survey_mapping,
        )  # fmt: skip
    except ImportFileError as error:
        raise click.ClickException(str(error)) from error
    _echo_reading(parsed)
    window = load_settings().survey_alert_days
    taxonomy = _taxonomy()
    with open_store(ctx) as db:
        report = import_surveys(
            db, parsed, dry_run=dry_run, skip_invalid=skip_invalid, alert_window_days=window,
            taxonomy=taxonomy,
        )  # fmt: skip
        scored = _rescore(db, report.account_ids) if report.written else None
    _echo_report(parsed, report, source)
    if report.refused:
        raise click.ClickException(
            "nothing was imported because of the invalid rows above; fix them, or pass "
            "--skip-invalid to import the valid rows"
        )
    _echo_health(scored)


def _taxonomy() -> "Taxonomy | None":
    """The reason taxonomy exit reasons are reported under; a broken file is named, not fatal (the
    responses keep the customer's words either way)."""
    from cs_tui.domain.revenue.taxonomy import TaxonomyError
    from cs_tui.io.revenue.reasons_file import current_taxonomy

    try:
        return current_taxonomy()
    except TaxonomyError as error:
        click.echo(f"Exit reasons not mapped: {error}", err=True)
        return None


def _echo_exit_reasons(report: "SurveyImportReport", source: Path) -> None:
    if report.exit_reasons:
        listed = ", ".join(
            f"{count} {code}"
            for code, count in sorted(report.exit_reasons.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        click.echo(f"Exit reasons by the reason taxonomy: {listed}.")
    if report.unmapped_reasons:
        click.echo(
            f"{_counted(len(report.unmapped_reasons), 'exit reason')} in no reason of the "
            "taxonomy (kept as written; add an alias or keyword to revenue_reasons.toml to map "
            "them):"
        )
        for line, text in report.unmapped_reasons[:MAX_PROBLEMS_SHOWN]:
            flat = " ".join(text.split())
            click.echo(f"  {source.name}:{line} {flat[:80]!r}")
        if len(report.unmapped_reasons) > MAX_PROBLEMS_SHOWN:
            click.echo(f"  … and {len(report.unmapped_reasons) - MAX_PROBLEMS_SHOWN} more")


def _echo_reading(parsed: "SurveyFile") -> None:
    kind = parsed.kind.value.upper() if parsed.kind else "NPS or CSAT by its kind column"
    shown = (
        parsed.question.text
        if len(parsed.question.text) <= 70
        else parsed.question.text[:67] + "..."
    )
    column = f"{parsed.question.column} " if parsed.question.column != parsed.question.text else ""
    click.echo(f"{parsed.tool_title} export; score question {column}{shown!r} ({kind}).")
    for other in parsed.other_score_questions:
        click.echo(
            f"  Also a score question: {other.column!r}; import it with --question {other.column!r}."
        )
    name = parsed.path.name
    for skipped in parsed.skipped:
        click.echo(f"  {name}:{skipped.line} skipped: {skipped.reason}", err=True)
    for label, lines in (("incomplete", parsed.incomplete), ("unanswered", parsed.unanswered)):
        for skipped in lines[:MAX_PROBLEMS_SHOWN]:
            click.echo(f"  {name}:{skipped.line} {label}, skipped: {skipped.reason}", err=True)


def _counted(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _echo_report(parsed: "SurveyFile", report: "SurveyImportReport", source: Path) -> None:
    if report.problems:
        click.echo(f"{_counted(len(report.problems), 'problem')} in the rows:", err=True)
        _echo_problems(report.problems, source)
    if report.unmatched:
        click.echo(
            f"{_counted(len(report.unmatched), 'respondent')} not matched to an account "
            "(not imported; add the contact or the account's domain, then import again):",
            err=True,
        )
        for item in report.unmatched[:MAX_PROBLEMS_SHOWN]:
            who = item.email or item.account_ref or "(anonymous)"
            click.echo(f"  {source.name}:{item.line} {who}: {item.reason}", err=True)
        if len(report.unmatched) > MAX_PROBLEMS_SHOWN:
            click.echo(f"  … and {len(report.unmatched) - MAX_PROBLEMS_SHOWN} more", err=True)
    rules = ", ".join(f"{count} by {rule}" for rule, count in sorted(report.matched_by.items()))
    skipped = len(parsed.incomplete) + len(parsed.unanswered)
    counts = (
        f"{_counted(report.new, 'new response')} for {_counted(len(report.account_ids), 'account')}"
        f" ({report.already:,} already imported"
        + (f"; matched {rules}" if rules else "")
        + f"; {skipped:,} incomplete or unanswered skipped)"
    )
    if report.dry_run:
        click.echo(f"Dry run, nothing written: would import {counts}.")
        _echo_exit_reasons(report, source)
        return
    if report.refused:
        return
    click.echo(f"Imported {counts}.")
    _echo_exit_reasons(report, source)
    if report.follow_ups:
        click.echo(
            f"Raised {_counted(report.follow_ups, 'follow-up')} on Today for new detractors and low CSAT."
        )
    if report.new_contacts:
        click.echo(
            f"{_counted(report.new_contacts, 'response')} from people who are not stakeholders "
            "yet: add them from the account's Voice tab."
        )


def register(group: click.Group) -> None:
    del group  # a subcommand of `import`
    import_group.add_command(import_surveys_command)
