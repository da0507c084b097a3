"""Which invocations open the app directly and which are commands for the click group."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.entry import launch_arguments


@pytest.mark.parametrize(
    ("argv", "launch"),
    [
        ([], {}),
        (["--db", "book.db"], {"database": "book.db"}),
        (["--db=book.db"], {"database": "book.db"}),
        (["--screen", "accounts"], {"screen": "accounts"}),
        (["--db", "x.db", "--screen=today"], {"database": "x.db", "screen": "today"}),
    ],
)
def test_bare_launches_open_the_app(argv: list[str], launch: dict[str, str]) -> None:
    assert launch_arguments(argv) == launch


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["accounts", "list"],
        ["--db", "x.db", "score"],
        ["--db"],  # a missing value: click explains it
        ["--screen", "elsewhere"],  # a bad choice: click explains it
        ["--db", "a.db", "--db", "b.db"],
        ["--db="],
    ],
)
def test_everything_else_goes_to_the_command_line(argv: list[str]) -> None:
    assert launch_arguments(argv) is None


@given(st.lists(st.text(min_size=1).filter(lambda t: not t.startswith("--")), min_size=1))
def test_a_word_that_is_not_an_option_is_always_a_command(words: list[str]) -> None:
    assert launch_arguments(words) is None
