"""`cs-tui demo`: a realistic, deterministic book to explore the app (or benchmark it)."""

import time

import click

from cs_tui.cli.context import database_option, open_store


@click.command()
@click.option(
    "--accounts", "count", type=click.IntRange(1, 1_000_000), default=300, show_default=True
)
@click.option("--seed", type=int, default=7, show_default=True, help="Same seed, same book.")
@click.option(
    "--if-empty", is_flag=True, help="Do nothing (and succeed) when the book has accounts."
)
@database_option
@click.pass_context
def demo(ctx: click.Context, count: int, seed: int, if_empty: bool) -> None:
    """Write a demo book of COUNT accounts with a year of history into an empty database."""
    from cs_tui.cli.score import bands_text, load_scorer
    from cs_tui.data.accounts.book import account_count
    from cs_tui.data.scoring.book_scoring import score_new_book
    from cs_tui.demo import write_demo_book

    scorer = load_scorer()

    with open_store(ctx) as db:
        existing = account_count(db)
        if existing:
            if if_empty:
                return
            raise click.ClickException(
                f"{db.display_url} already holds {existing} accounts; the demo book needs an empty "
                "database. Use --db to name a new file."
            )
        started = time.perf_counter()
        last_stage = ""

        def progress(stage: str, done: int, total: int) -> None:
            nonlocal last_stage
            if stage != last_stage:
                click.echo(f"  {stage}…", err=True)
                last_stage = stage

        click.echo(f"Writing a demo book of {count:,} accounts to {db.display_url}", err=True)
        summary = write_demo_book(db, accounts=count, seed=seed, progress=progress)
        scored = score_new_book(db, as_of=summary.as_of, progress=progress, scorer=scorer)
        elapsed = time.perf_counter() - started
    rows = sum(summary.rows.values())
    click.echo(f"Demo book ready: {count:,} accounts, {rows:,} rows, in {elapsed:.1f}s.")
    click.echo(f"Health: {bands_text(scored)}.")


def register(group: click.Group) -> None:
    group.add_command(demo)
