"""Running `cs-tui` commands in-process through click's test runner, on a throwaway database."""

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cs_tui.cli import cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "imports"
Run = Callable[..., Result]


@pytest.fixture
def book_path(tmp_path: Path) -> Path:
    return tmp_path / "book.db"


@pytest.fixture
def run(book_path: Path) -> Run:
    """`run("accounts", "list")` runs `cs-tui --db <tmp book> accounts list`; `db=None` omits --db."""
    runner = CliRunner()

    def invoke(*args: str, db: str | Path | None = book_path, stdin: str | None = None) -> Result:
        prefix = ["--db", str(db)] if db is not None else []
        return runner.invoke(cli, [*prefix, *args], input=stdin, catch_exceptions=False)

    return invoke
