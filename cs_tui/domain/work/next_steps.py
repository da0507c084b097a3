"""Next steps typed on one line, ``TEXT[@DATE]``: the follow-up's title and, optionally, its due day.

The due day follows the last ``@`` when what follows is a date form of `day_words` ("Send the deck
@fri", "Call Ana@2026-07-01", "Renewal prep @+2w"). An ``@`` inside a word whose tail is not a date
("write to ana@acme.com") is part of the text, and so is an ``@`` followed by several words ("ask
@Ana for the logo"). A single word after `` @`` (space, then @) that is not a date is an error, so a
mistyped date ("@fir") is never silently dropped into the title.
"""

from dataclasses import dataclass
from datetime import date

from cs_tui.domain.day_words import DayWordError, parse_day


class NextStepError(ValueError):
    """A next-step line that cannot be read; the message quotes it."""


@dataclass(frozen=True)
class NextStep:
    title: str
    due_on: date | None = None


def parse_next_step(line: str, today: date) -> NextStep:
    text = line.strip()
    if not text:
        raise NextStepError("a next step needs some text")
    head, at, tail = text.rpartition("@")
    if at and tail.strip() and " " not in tail.strip():
        try:
            due = parse_day(tail, today)
        except DayWordError as error:
            if not head or head[-1].isspace():
                raise NextStepError(f"next step {text!r}: {error}") from error
        else:
            title = head.strip()
            if not title:
                raise NextStepError(f"next step {text!r} has a date but no text")
            return NextStep(title, due)
    return NextStep(text, None)


def parse_next_steps(text: str, today: date) -> list[NextStep]:
    """One next step per non-blank line (the check-in form's next-steps box)."""
    steps = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            steps.append(parse_next_step(line, today))
        except NextStepError as error:
            raise NextStepError(f"line {number}: {error}") from error
    return steps
