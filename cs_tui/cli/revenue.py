"""`cs-tui revenue add|list|reasons`, `cs-tui renewals [forecast]` and `cs-tui import revenue`.

Recording an event keeps the account's ARR, stage and contract end consistent, in one transaction;
the renewals list shows each upcoming renewal with its ARR, health, plan and forecast.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.dates import DAY, DAY_HELP
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
from cs_tui.cli.output import echo_json, echo_table

if TYPE_CHECKING:
    from cs_tui.data.revenue.imports import RevenueImportReport
    from cs_tui.data.revenue.views import (
        ForecastView,
        RecordedEvent,
        RenewalRow,
        RenewalsReport,
        RevenueEventView,
    )
    from cs_tui.domain.revenue.taxonomy import Taxonomy
    from cs_tui.io.revenue.reader import RevenueFile

KINDS_HELP = "new, renewal, expansion, contraction, churn (or upsell, cross-sell, downsell)."
FLAGS = {"amount": "--amount", "reason": "--reason", "competitor": "--competitor",
         "renewal_to": "--renewal-to", "currency": "--amount", "occurred_on": "--date",
         "category": "--category", "probability": "--probability",
         "renewal_date": "--renewal-date", "renewal_on": "--renewal-date", "note": "--note",
         "risks": "--risks"}  # fmt: skip
NOTE_WIDTH = 48


def _short(text: str, width: int = NOTE_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@contextmanager
def _input_errors() -> Iterator[None]:
    """A refused value becomes a message naming its flag; nothing was written."""
    from cs_tui.data.store.errors import InvalidInputError

    try:
        yield
    except InvalidInputError as error:
        flag = FLAGS.get(error.field, "")
        raise click.ClickException(f"{flag}: {error.message}" if flag else error.message) from None


def _load_taxonomy() -> "Taxonomy":
    from cs_tui.domain.revenue.taxonomy import TaxonomyError
    from cs_tui.io.revenue.reasons_file import current_taxonomy

    try:
        return current_taxonomy()
    except TaxonomyError as error:
        raise click.ClickException(str(error)) from error


def _amount(text: str | None, flag: str = "--amount") -> tuple[Decimal | None, str | None]:
    """An amount as typed ("12000", "12,000.50", "$1,200", "EUR 900"), and its currency if named."""
    if text is None:
        return None, None
    from cs_tui.io.values import parse_amount

    try:
        amount = parse_amount(text, decimal_mark=".")
    except ValueError as problem:
        raise click.BadParameter(str(problem), param_hint=flag) from None
    if amount.value < 0:
        raise click.BadParameter("the amount cannot be negative", param_hint=flag)
    return amount.value, amount.currency if amount.currency and not amount.from_symbol else None


def _money(minor: int, currency: str) -> str:
    from cs_tui.domain.money import format_money

    return format_money(minor, currency)


# ---------------------------------------------------------------------------------- revenue


@click.group("revenue")
def revenue_group() -> None:
    """Revenue events: new business, renewals, expansion, contraction and churn."""


@revenue_group.command("add", epilog=DAY_HELP)
@click.argument("reference", metavar="ACCOUNT")
@click.option("--kind", "kind_text", required=True, metavar="KIND", help=KINDS_HELP)
@click.option(
    "--type", "expansion_type", metavar="TYPE", help="For an expansion: upsell or cross_sell."
)
@click.option(
    "--amount",
    "amount_text",
    metavar="AMOUNT",
    help="The amount (a renewal: the new ARR, default unchanged; a churn: the ARR).",
)
@click.option("--date", "occurred_on", type=DAY, required=True, help="When it happened.")
@click.option(
    "--reason",
    default="",
    metavar="CODE",
    help="Why (required for contraction and churn; see `cs-tui revenue reasons`).",
)
@click.option(
    "--competitor", default="", metavar="NAME", help="For the competitor reason: which one."
)
@click.option("--note", default="", help="A note.")
@click.option("--renewal-to", type=DAY, help="A renewal's new contract end (default: a year on).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def add_command(
    ctx: click.Context, reference: str, kind_text: str, expansion_type: str | None,
    amount_text: str | None, occurred_on: date, reason: str, competitor: str, note: str,
    renewal_to: date | None, as_json: bool,
) -> None:  # fmt: skip
    """Record a revenue event; the account's ARR, stage and contract end follow."""
    from cs_tui.cli.score import load_scorer
    from cs_tui.data.revenue.events import record_revenue_event
    from cs_tui.data.revenue.views import RevenueDraft
    from cs_tui.domain.revenue.kinds import KindError, parse_kind

    try:
        kind = parse_kind(kind_text, expansion_type)
    except KindError as error:
        raise click.UsageError(str(error)) from None
    amount, currency = _amount(amount_text)
    draft = RevenueDraft(
        kind=kind, occurred_on=occurred_on, amount=amount, currency=currency,
        reason_code=reason, competitor=competitor, note=note, renewal_to=renewal_to,
    )  # fmt: skip
    taxonomy, scorer = _load_taxonomy(), load_scorer()
    with open_store(ctx) as db, _input_errors():
        recorded = record_revenue_event(db, reference, draft, taxonomy=taxonomy, scorer=scorer)
    if as_json:
        echo_json(_recorded_json(recorded))
        return
    click.echo(_recorded_text(recorded))


def _recorded_text(recorded: "RecordedEvent") -> str:
    from cs_tui.domain.revenue.kinds import kind_label

    event = recorded.event
    head = (
        f"Recorded {kind_label(event.kind)} of {_money(event.amount_minor, event.currency)} for "
        f"{event.account_name} on {event.occurred_on.isoformat()}"
    )
    if recorded.history:
        return (
            head
            + ": it is older than the account's latest event, so ARR and stage stay as they are."
        )
    parts = [f"ARR {_money(recorded.arr_before, event.currency)} -> "
             f"{_money(recorded.arr_after, event.currency)}"]  # fmt: skip
    if recorded.stage_after != recorded.stage_before:
        parts.append(f"stage {recorded.stage_before} -> {recorded.stage_after}")
    if recorded.contract_end_after != recorded.contract_end_before:
        before = (
            recorded.contract_end_before.isoformat() if recorded.contract_end_before else "none"
        )
        after = recorded.contract_end_after.isoformat() if recorded.contract_end_after else "none"
        parts.append(f"contract end {before} -> {after}")
    return f"{head}: {'; '.join(parts)}."


def _event_json(event: "RevenueEventView") -> dict[str, Any]:
    from cs_tui.domain.revenue.kinds import kind_name

    return {
        "id": event.id, "account_id": event.account_id, "account": event.account_name,
        "kind": kind_name(event.kind), "type": event.kind.value,
        "amount_minor": event.amount_minor, "currency": event.currency,
        "occurred_on": event.occurred_on, "reason": event.reason_code or None,
        "reason_label": event.reason_label or None, "competitor": event.competitor or None,
        "note": event.note, "source": event.source or None,
    }  # fmt: skip


def _recorded_json(recorded: "RecordedEvent") -> dict[str, Any]:
    return {
        "event": _event_json(recorded.event),
        "account": {
            "arr_minor_before": recorded.arr_before, "arr_minor": recorded.arr_after,
            "stage_before": recorded.stage_before, "stage": recorded.stage_after,
            "contract_end_before": recorded.contract_end_before,
            "contract_end": recorded.contract_end_after,
        },
        "history": recorded.history,
    }  # fmt: skip


@revenue_group.command("list")
@click.argument("reference", metavar="[ACCOUNT]", required=False)
@click.option("--period", metavar="P", help="Only events in 2026-Q3, 2026, 2026-09 or A..B.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def list_command(
    ctx: click.Context, reference: str | None, period: str | None, as_json: bool
) -> None:
    """Revenue events, newest first: the book's, or one account's."""
    from cs_tui.data.revenue.events import list_revenue_events
    from cs_tui.domain.revenue.kinds import kind_label

    chosen = _period(period) if period else None
    taxonomy = _load_taxonomy()
    with open_store(ctx) as db:
        events = list_revenue_events(
            db, account=reference, taxonomy=taxonomy,
            since=chosen.start if chosen else None, until=chosen.end if chosen else None,
        )  # fmt: skip
    if as_json:
        echo_json({"events": [_event_json(e) for e in events]})
        return
    if not events:
        click.echo("No revenue events yet: record one with `cs-tui revenue add`.")
        return
    echo_table(
        ["Date", "Account", "Kind", "Amount", "Reason", "Note"],
        [
            [e.occurred_on.isoformat(), e.account_name, kind_label(e.kind),
             _money(e.amount_minor, e.currency),
             e.reason_label + (f" ({e.competitor})" if e.competitor else ""), _short(e.note)]
            for e in events
        ],
    )  # fmt: skip


@revenue_group.command("reasons")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def reasons_command(as_json: bool) -> None:
    """The reasons a contraction or churn can carry (the taxonomy in force)."""
    from cs_tui.io.revenue.reasons_file import reasons_path

    taxonomy = _load_taxonomy()
    if as_json:
        echo_json({
            "file": str(reasons_path()),
            "reasons": [
                {"category": r.category, "code": r.code, "label": r.label,
                 "avoidable": r.avoidable, "competitor": r.names_competitor,
                 "aliases": list(r.aliases), "keywords": list(r.keywords)}
                for r in taxonomy.reasons
            ],
        })  # fmt: skip
        return
    echo_table(
        ["Category", "Code", "Reason", "Avoidable", "Names competitor"],
        [
            [
                r.category,
                r.code,
                r.label,
                "yes" if r.avoidable else "no",
                "yes" if r.names_competitor else "",
            ]
            for r in taxonomy.reasons
        ],
        title="Why revenue was lost",
    )
    click.echo(f"From {reasons_path()}.")


# --------------------------------------------------------------------------------- renewals


def _period(text: str) -> Any:
    from cs_tui.domain.metrics.periods import PeriodError, parse_period

    try:
        return parse_period(text, flag="")
    except PeriodError as error:
        raise click.BadParameter(str(error), param_hint="--period") from None


@click.group("renewals", invoke_without_command=True)
@click.option(
    "--within",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help="Renewals in the next DAYS days (default 90).",
)
@click.option("--period", metavar="P", help="Renewals in 2026-Q3, 2026, 2026-09 or A..B.")
@click.option("--owner", metavar="NAME", help="Only this CSM's accounts (`me` for yours).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def renewals_group(
    ctx: click.Context, within: int | None, period: str | None, owner: str | None, as_json: bool
) -> None:  # fmt: skip
    """Upcoming renewals with ARR, health, plan status and forecast; and the ARR at risk."""
    if ctx.invoked_subcommand is not None:
        return
    from cs_tui.data.revenue.forecasts import list_renewals
    from cs_tui.domain.metrics.periods import days_from

    if within is not None and period is not None:
        raise click.UsageError("give --within or --period, not both")
    with open_store(ctx) as db:
        days = 90 if within is None else within
        chosen = _period(period) if period else days_from(db.today(), days)
        who = db.user if owner == "me" else owner
        label = chosen.label if period else f"next {days} days"
        report = list_renewals(db, chosen, owner=who, label=label)
    if as_json:
        echo_json(_renewals_json(report))
        return
    _echo_renewals(report)


def _forecast_json(f: "ForecastView | None") -> dict[str, Any] | None:
    if f is None:
        return None
    return {
        "renewal_on": f.renewal_on, "amount_minor": f.forecast_minor, "currency": f.currency,
        "probability": f.probability, "category": f.category, "risks": f.risks,
        "updated_on": f.updated_at, "updated_by": f.updated_by,
    }  # fmt: skip


def _renewal_json(r: "RenewalRow") -> dict[str, Any]:
    return {
        "account_id": r.account_id, "account": r.name, "owner": r.owner,
        "renewal_on": r.renewal_on, "days_left": r.days_left, "arr_minor": r.arr_minor,
        "currency": r.currency, "health": {"score": r.score, "band": r.band or None},
        "plan_status": r.plan_status or None, "auto_renew": r.auto_renew,
        "forecast": _forecast_json(r.forecast), "at_risk": r.at_risk,
    }  # fmt: skip


def _renewals_json(report: "RenewalsReport") -> dict[str, Any]:
    return {
        "period": {"start": report.start, "end": report.end, "label": report.label},
        "renewals": [_renewal_json(r) for r in report.rows],
        "totals": [
            {"currency": t.currency, "renewals": t.renewals, "forecasts": t.forecasts,
             "arr_minor": t.arr_minor,
             "forecast_minor": t.forecast_minor, "weighted_minor": t.weighted_minor,
             "arr_at_risk_minor": t.at_risk_minor}
            for t in report.totals
        ],
    }  # fmt: skip


CATEGORY_LABELS = {"commit": "Commit", "likely": "Likely", "at_risk": "At risk", "lost": "Lost"}


def _echo_renewals(report: "RenewalsReport") -> None:
    from cs_tui.domain.health_labels import band_label

    if not report.rows:
        click.echo(f"No renewals due {report.start.isoformat()}..{report.end.isoformat()}.")
        return
    rows = []
    for r in report.rows:
        f = r.forecast
        health = f"{r.score} {band_label(r.band)}" if r.score is not None else band_label(r.band)
        rows.append([
            r.renewal_on.isoformat(), f"{r.days_left}d", r.name, r.owner,
            _money(r.arr_minor, r.currency), health, r.plan_status or "none",
            _money(f.forecast_minor, f.currency) if f else "-",
            f"{f.probability:.0%}" if f else "-",
            CATEGORY_LABELS.get(f.category, f.category) if f else "-",
            "AT RISK" if r.at_risk else "",
        ])  # fmt: skip
    echo_table(
        ["Renews", "In", "Account", "Owner", "ARR", "Health", "Plan", "Forecast", "Prob",
         "Category", "Risk"],
        rows, title=f"Renewals {report.label}",
    )  # fmt: skip
    for t in report.totals:
        click.echo(
            f"{t.renewals} renewal{'' if t.renewals == 1 else 's'} in {t.currency}: ARR "
            f"{_money(t.arr_minor, t.currency)}, forecast {_money(t.forecast_minor, t.currency)} "
            f"({t.forecasts} forecast, weighted {_money(t.weighted_minor, t.currency)}), ARR at risk "
            f"{_money(t.at_risk_minor, t.currency)}."
        )


@renewals_group.command("forecast", epilog=DAY_HELP)
@click.argument("reference", metavar="ACCOUNT")
@click.option(
    "--amount", "amount_text", metavar="AMOUNT", help="The amount expected (default: the ARR)."
)
@click.option("--probability", type=float, required=True, help="0 to 1 (or a percentage: 80).")
@click.option("--category", required=True, metavar="C", help="commit, likely, at_risk or lost.")
@click.option("--risks", default="", help="What could go wrong.")
@click.option(
    "--renewal-date",
    "renewal_on",
    type=DAY,
    help="The renewal forecast (default: the contract end).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def forecast_command(
    ctx: click.Context, reference: str, amount_text: str | None, probability: float,
    category: str, risks: str, renewal_on: date | None, as_json: bool,
) -> None:  # fmt: skip
    """Forecast an account's upcoming renewal."""
    from cs_tui.data.accounts.records import get_account_detail
    from cs_tui.data.revenue.forecasts import set_forecast
    from cs_tui.data.revenue.views import ForecastDraft

    amount, _currency = _amount(amount_text)
    draft = ForecastDraft(amount, probability, category, risks, renewal_on)
    with open_store(ctx) as db, _input_errors():
        forecast = set_forecast(db, reference, draft)
        name = get_account_detail(db, forecast.account_id).name
    if as_json:
        echo_json(
            {"account_id": forecast.account_id, "account": name, **(_forecast_json(forecast) or {})}
        )
        return
    click.echo(
        f"Forecast for {name}'s renewal on {forecast.renewal_on.isoformat()}: "
        f"{_money(forecast.forecast_minor, forecast.currency)} at {forecast.probability:.0%}, "
        f"{CATEGORY_LABELS.get(forecast.category, forecast.category).lower()}."
    )


# ----------------------------------------------------------------------------------- import


@click.command("revenue")
@click.argument("source", metavar="FILE.csv", type=EXISTING_FILE)
@click.option("--mapping", type=EXISTING_FILE, help="TOML file naming your columns (see README).")
@click.option("--date-format", "date_format", metavar="FORMAT", help=DATE_FORMAT_HELP)
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Write the valid rows and report the rest.")
@database_option
@click.pass_context
def import_revenue_command(
    ctx: click.Context,
    source: Path,
    mapping: Path | None,
    date_format: str | None,
    dry_run: bool,
    skip_invalid: bool,
) -> None:
    """Load closed deals: Salesforce opportunity reports, HubSpot deal exports, plain files."""
    from dataclasses import replace

    from cs_tui.data.revenue.imports import import_revenue
    from cs_tui.io.revenue.mapping import RevenueMapping, load_revenue_mapping
    from cs_tui.io.revenue.reader import ImportFileError, read_revenue_file

    taxonomy = _load_taxonomy()
    given_format = checked_date_format(date_format)
    try:
        revenue_mapping = load_revenue_mapping(mapping) if mapping else None
        if given_format:
            revenue_mapping = replace(revenue_mapping or RevenueMapping(), date_format=given_format)
        parsed = read_revenue_file(source, taxonomy=taxonomy, mapping=revenue_mapping)
    except ImportFileError as error:
        raise click.ClickException(str(error)) from error
    with open_store(ctx) as db:
        report = import_revenue(db, parsed, dry_run=dry_run, skip_invalid=skip_invalid)
        scored = _rescore(db, list(report.account_ids)) if report.written else None
    _echo_import(parsed, report, source)
    if report.refused:
        raise click.ClickException(
            "nothing was imported because of the invalid rows above; fix them, or pass "
            "--skip-invalid to import the valid rows"
        )
    _echo_health(scored)


def _counted(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _echo_import(parsed: "RevenueFile", report: "RevenueImportReport", source: Path) -> None:
    click.echo(f"{parsed.title}: {_counted(len(parsed.rows), 'closed deal')} read.")
    for skipped in parsed.skipped:
        click.echo(f"  {source.name}:{skipped.line} skipped: {skipped.reason}", err=True)
    if report.problems:
        click.echo(f"{_counted(len(report.problems), 'problem')} in the rows:", err=True)
        _echo_problems(report.problems, source)
    if report.unmatched:
        click.echo(
            f"{_counted(len(report.unmatched), 'row')} not matched to an account (not imported; "
            "import the accounts first, then this file again):", err=True,
        )  # fmt: skip
        for item in report.unmatched[:MAX_PROBLEMS_SHOWN]:
            click.echo(f"  {source.name}:{item.line} {item.account}: {item.reason}", err=True)
        if len(report.unmatched) > MAX_PROBLEMS_SHOWN:
            click.echo(f"  … and {len(report.unmatched) - MAX_PROBLEMS_SHOWN} more", err=True)
    kinds = ", ".join(
        f"{count} {kind.replace('_', '-')}" for kind, count in sorted(report.by_kind.items())
    )
    counts = (
        f"{_counted(report.new, 'new event')} for {_counted(len(report.changes), 'account')}"
        + (f" ({kinds})" if kinds else "")
        + f"; {report.already:,} already imported"
        + (
            f"; {report.history:,} older than the account's latest event, ARR unchanged"
            if report.history
            else ""
        )
    )
    if report.dry_run:
        click.echo(f"Dry run, nothing written: would import {counts}.")
        for change in report.changes:
            click.echo(f"  {change.name}: {_change_text(change)}")
        return
    if report.refused:
        return
    click.echo(f"Imported {counts}.")
    moved = [
        c for c in report.changes if c.arr_after != c.arr_before or c.stage_after != c.stage_before
    ]
    for change in moved[:MAX_PROBLEMS_SHOWN]:
        click.echo(f"  {change.name}: {_change_text(change)}")


def _change_text(change: Any) -> str:
    parts = [
        f"ARR {_money(change.arr_before, change.currency)} -> {_money(change.arr_after, change.currency)}"
    ]
    if change.stage_after != change.stage_before:
        parts.append(f"stage {change.stage_before} -> {change.stage_after}")
    if change.contract_end_after != change.contract_end_before and change.contract_end_after:
        parts.append(f"contract end -> {change.contract_end_after.isoformat()}")
    return "; ".join(parts)


def register(group: click.Group) -> None:
    group.add_command(revenue_group)
    group.add_command(renewals_group)
    import_group.add_command(import_revenue_command)
