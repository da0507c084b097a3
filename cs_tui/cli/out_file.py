"""`--out FILE` for the commands that write a file: checked before any work, written whole or not at all.

The checks and the writing are `io.safe_output`'s; here they become click's messages, which name the
flag (`Invalid value for '--out': ...`), and the command's exit status.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from cs_tui.io.safe_output import OutputTarget

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


class OutputFile(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.2
    """A file to write, or `-` for standard output; refused at once if it cannot be written."""

    name = "FILE"

    def __init__(self, example: str) -> None:
        self.example = example

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> "OutputTarget":
        from cs_tui.io.safe_output import OutputError, OutputTarget, output_target

        if isinstance(value, OutputTarget):
            return value
        try:
            return output_target(value, example=self.example)
        except OutputError as error:
            self.fail(str(error), param, ctx)


def out_option(example: str) -> Callable[[F], F]:
    """`--out FILE` (default: standard output; `-` is standard output too)."""
    return click.option(
        "--out",
        type=OutputFile(example),
        default="-",
        show_default=False,
        help="File to write (default, or -: standard output). Written whole or not at all.",
    )


def write_out(
    target: "OutputTarget", write: Callable[[Any], T], *, newline: str | None = None
) -> T:
    """`write` onto the target; a failure is a clean message (nothing was written)."""
    from cs_tui.io.safe_output import OutputError, write_output

    try:
        return write_output(target, write, newline=newline)
    except OutputError as error:
        if error.closed:
            raise click.exceptions.Exit(1) from None
        raise click.ClickException(str(error)) from error
