"""The program's own commands: version, help, where things live, and which database is used."""

import os
from pathlib import Path

from cs_tui import __version__
from tests.cli.conftest import Run


def test_version_and_help(run: Run) -> None:
    version = run("--version", db=None)
    assert version.exit_code == 0
    assert version.stdout.strip() == f"cs-tui, version {__version__}"
    help_text = run("--help", db=None).stdout
    for command in ("accounts", "demo", "import", "export", "db", "locate"):
        assert command in help_text


def test_locate_follows_the_folders_and_the_chosen_database(
    run: Run, tmp_path: Path, book_path: Path
) -> None:
    assert run("locate", "config", db=None).stdout.strip() == str(
        tmp_path / "config" / "config.toml"
    )
    assert run("locate", "data", db=None).stdout.strip() == str(tmp_path / "data")
    assert run("locate", "db", db=None).stdout.strip() == str(tmp_path / "data" / "cs-tui.db")
    assert run("locate", "db").stdout.strip() == str(book_path)


def test_the_database_comes_from_flag_then_environment_then_config(
    run: Run, tmp_path: Path, monkeypatch: object
) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'database_url = "{tmp_path / "from-config.db"}"\n')
    assert run("locate", "db", db=None).stdout.strip() == str(tmp_path / "from-config.db")
    os.environ["CS_TUI_DATABASE_URL"] = str(tmp_path / "from-env.db")
    try:
        assert run("locate", "db", db=None).stdout.strip() == str(tmp_path / "from-env.db")
        flagged = run("locate", "db", db=tmp_path / "flag.db").stdout.strip()
        assert flagged == str(tmp_path / "flag.db")
    finally:
        del os.environ["CS_TUI_DATABASE_URL"]


def test_a_broken_config_file_is_named_with_the_problem(run: Run, tmp_path: Path) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("database_url = [unclosed\n")
    result = run("accounts", "list", db=None)
    assert result.exit_code == 1
    assert str(config) in result.stderr
    assert "not valid TOML" in result.stderr
    assert "Traceback" not in result.output


def test_a_file_of_another_program_is_refused_and_left_alone(run: Run, tmp_path: Path) -> None:
    foreign = tmp_path / "notes.txt"
    foreign.write_text("my shopping list\n")
    result = run("accounts", "list", db=foreign)
    assert result.exit_code == 1
    assert "not a cs-tui database" in result.stderr
    assert foreign.read_text() == "my shopping list\n"


def test_a_wrong_url_says_what_is_wrong(run: Run) -> None:
    result = run("accounts", "list", db="mysql://someone@host/db")
    assert result.exit_code == 1
    assert "SQLite or PostgreSQL" in result.stderr
    assert "not mysql" in result.stderr
    assert "{" not in result.stderr
    unreachable = run("accounts", "list", db="postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert unreachable.exit_code == 1
    assert "cannot connect" in unreachable.stderr


def test_an_empty_db_is_refused_not_taken_as_the_default_book(run: Run) -> None:
    """`--db "$BOOK"` with BOOK unset must not quietly read or write the user's own book."""
    result = run("accounts", "add", "Scratch Co", db="")
    assert result.exit_code == 2
    assert "--db" in result.stderr and "empty" in result.stderr
    assert "Scratch Co" not in run("accounts", "list", db=None).stdout
