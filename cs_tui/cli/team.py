"""`cs-tui team`: share one book through a synced folder, each teammate with their own database."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cs_tui.cli.context import database_option, open_store
from cs_tui.cli.output import echo_facts, echo_json, echo_table

if TYPE_CHECKING:
    from cs_tui.data.sync.engine import SyncReport
    from cs_tui.data.sync.reads import Version

FOLDER = click.Path(file_okay=False, path_type=Path)


@contextmanager
def _team_errors() -> Iterator[None]:
    from cs_tui.data.sync.engine import TeamError
    from cs_tui.io.sync.folder import TeamFolderError

    try:
        yield
    except (TeamError, TeamFolderError) as error:
        raise click.ClickException(str(error)) from error


@click.group("team")
def team() -> None:
    """Share the book with a small team through a synced folder (Dropbox, Drive, a share...)."""


def _report(report: "SyncReport", as_json: bool) -> None:
    if as_json:
        data = asdict(report)
        data.pop("accounts")
        echo_json(data)
    else:
        click.echo(
            f"Sent {report.sent} changes ({report.files_sent} files), applied {report.applied} "
            f"({report.files_applied} files), held back {report.held}, "
            f"conflicts {report.conflicts}."
        )
    if report.upgrade:
        click.secho(report.upgrade, fg="yellow", err=True)
    for name in report.held_files:
        click.secho(
            f"Held back {name}: its clock is more than 5 minutes ahead of this computer's; "
            "check the clocks. It is applied once it is no longer ahead.",
            fg="yellow",
            err=True,
        )
    for problem in report.damaged:
        click.secho(
            f"Damaged journal file {problem}; nothing of it was applied (it is retried on "
            "every sync, in case the sync service is still copying it).",
            fg="yellow",
            err=True,
        )
    if report.pending:
        click.secho(
            f"{report.pending} records wait for others to arrive (or for an upgrade); "
            "`cs-tui team status` lists them.",
            fg="yellow",
            err=True,
        )


@team.command("init")
@click.argument("folder", type=FOLDER)
@click.option("--name", "team_name", default="", help="The team's name (default: the folder's).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def init_command(ctx: click.Context, folder: Path, team_name: str, as_json: bool) -> None:
    """Make FOLDER a team folder and publish this book into it."""
    from cs_tui.data.sync.engine import init_team

    with _team_errors(), open_store(ctx) as db:
        report = init_team(db, folder, team=team_name)
    if not as_json:
        click.echo(f"{folder} is now a team folder. Teammates run: cs-tui team join {folder}")
    _report(report, as_json)


@team.command("join")
@click.argument("folder", type=FOLDER)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def join_command(ctx: click.Context, folder: Path, as_json: bool) -> None:
    """Join the team folder FOLDER: merge its book into this one and publish this one."""
    from cs_tui.data.sync.engine import join_team

    with _team_errors(), open_store(ctx) as db:
        report = join_team(db, folder)
    if not as_json:
        click.echo(f"Joined the team in {folder}.")
    _report(report, as_json)


@team.command("sync")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def sync_command(ctx: click.Context, as_json: bool) -> None:
    """Publish this device's changes and merge the teammates'."""
    from cs_tui.data.sync.engine import sync

    with _team_errors(), open_store(ctx) as db:
        report = sync(db)
    _report(report, as_json)


@team.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def status_command(ctx: click.Context, as_json: bool) -> None:
    """The folder, this device, each teammate's device and what waits."""
    from cs_tui.data.sync.reads import team_status

    with _team_errors(), open_store(ctx) as db:
        status = team_status(db)
    if as_json:
        echo_json(asdict(status))
        return
    echo_facts(
        [
            ("Team", status.team),
            ("Folder", status.folder),
            ("This device", status.device_id),
            ("Last sync", status.last_synced_at.isoformat() if status.last_synced_at else "never"),
            ("Waiting to be sent", str(status.outbox)),
            ("Files not applied yet", str(status.waiting_files)),
            ("Conflicts", str(status.conflicts)),
            ("Records waiting", str(status.pending)),
            *([("Moved to", status.moved_to)] if status.moved_to else []),
        ]
    )
    if status.moved_message:
        click.secho(status.moved_message, fg="yellow", err=True)
    if status.teammates:
        echo_table(
            ["Device", "Who", "Files", "Applied up to", "Last published"],
            [
                [
                    t.device_id,
                    t.author,
                    str(t.files),
                    f"{t.applied_seq}/{t.last_seq}",
                    t.last_published_at.isoformat(timespec="seconds")
                    if t.last_published_at
                    else "",
                ]
                for t in status.teammates
            ],
            title="Teammates",
        )


def _version_json(version: "Version") -> dict[str, Any]:
    return {
        "value": version.value,
        "author": version.author,
        "at": version.at,
        "device": version.device,
        "clock": version.clock,
    }


def _shown(version: "Version") -> str:
    return f"{version.value!r} by {version.author or '?'} at {version.at:%Y-%m-%d %H:%M:%S}"


@team.command("conflicts")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def conflicts_command(ctx: click.Context, as_json: bool) -> None:
    """Same-field edits made at the same time by different people, and which value won."""
    from cs_tui.data.sync.reads import list_conflicts

    with _team_errors(), open_store(ctx) as db:
        found = list_conflicts(db)
    if as_json:
        echo_json(
            [
                {
                    "table": c.table,
                    "row_id": c.row_id,
                    "record": c.record,
                    "field": c.field,
                    "winner": _version_json(c.winner),
                    "loser": _version_json(c.loser),
                    "found_at": c.found_at,
                }
                for c in found
            ]
        )
        return
    if not found:
        click.echo("No conflicts.")
        return
    echo_table(
        ["Record", "Field", "Kept", "Replaced"],
        [[c.record, c.field, _shown(c.winner), _shown(c.loser)] for c in found],
        title="Conflicts (the later edit was kept; edit the record to choose otherwise)",
    )


@team.command("history")
@click.argument("record")
@click.option("--field", "field_name", default=None, help="Only this field.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def history_command(ctx: click.Context, record: str, field_name: str | None, as_json: bool) -> None:
    """Every value RECORD's fields had (a row id, or an account's name), with who and when."""
    from cs_tui.data.sync.reads import field_history

    with _team_errors(), open_store(ctx) as db:
        entries = field_history(db, record, field=field_name)
    if as_json:
        echo_json(
            [
                {
                    "table": e.table,
                    "row_id": e.row_id,
                    "field": e.field,
                    "current": e.current,
                    **_version_json(e.version),
                }
                for e in entries
            ]
        )
        return
    echo_table(
        ["Field", "Value", "Who", "When", ""],
        [
            [
                e.field,
                repr(e.version.value),
                e.version.author,
                f"{e.version.at:%Y-%m-%d %H:%M:%S}",
                "current" if e.current else "",
            ]
            for e in entries
        ],
        title=f"History of {entries[0].table} {entries[0].row_id}" if entries else "",
    )


@team.command("compact")
@click.option(
    "--older-than", "days", type=click.IntRange(min=0), default=30, show_default=True,
    help="Only this device's files older than this many days.",
)  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@database_option
@click.pass_context
def compact_command(ctx: click.Context, days: int, as_json: bool) -> None:
    """Replace this device's old journal files by one file of their latest values."""
    from datetime import timedelta

    from cs_tui.data.sync.engine import compact

    with _team_errors(), open_store(ctx) as db:
        report = compact(db, older_than=timedelta(days=days))
    if as_json:
        echo_json(asdict(report))
    elif not report.files_removed:
        click.echo("Nothing to compact.")
    else:
        click.echo(
            f"Replaced {report.files_removed} files ({report.ops_before} changes, "
            f"{report.bytes_before:,} bytes) by one of {report.ops_kept} changes "
            f"({report.bytes_after:,} bytes)."
        )


def register(group: click.Group) -> None:
    group.add_command(team)
