"""Reading the check-in form as typed: short type words, people lists, scores and next steps.

Pure: the form hands over its text fields and today's date, and gets back the values to store or, for
each field that cannot be read, a message saying what would be accepted.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from cs_tui.domain.day_words import DAY_FORMS_HELP, DayWordError, parse_day
from cs_tui.domain.enums import CheckInKind
from cs_tui.domain.work.next_steps import NextStep, NextStepError, parse_next_steps

KIND_WORDS: Mapping[str, CheckInKind] = {
    "call": CheckInKind.CALL,
    "meeting": CheckInKind.MEETING,
    "email": CheckInKind.EMAIL,
    "qbr": CheckInKind.QBR,
    "ebr": CheckInKind.QBR,
    "onboarding": CheckInKind.ONBOARDING,
    "survey": CheckInKind.SURVEY,
    "note": CheckInKind.INTERNAL_NOTE,
    "internal note": CheckInKind.INTERNAL_NOTE,
}
KIND_HELP = "call, meeting, email, qbr, onboarding, survey or note (an internal note)"


class FormProblem(ValueError):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


def parse_kind(text: str) -> CheckInKind:
    """A check-in type from its word or an unambiguous start of one ("m" is a meeting)."""
    word = " ".join(text.lower().replace("_", " ").split())
    if not word:
        return CheckInKind.CALL
    if word in KIND_WORDS:
        return KIND_WORDS[word]
    matches = {kind for name, kind in KIND_WORDS.items() if name.startswith(word)}
    if len(matches) == 1:
        return matches.pop()
    raise FormProblem("kind", f"{text.strip()!r} is not a check-in type: use {KIND_HELP}")


def parse_people(text: str) -> tuple[str, ...]:
    """Attendees separated by commas or semicolons, each once, in the order typed."""
    names = (part.strip() for part in text.replace(";", ",").split(","))
    return tuple(dict.fromkeys(name for name in names if name))


def parse_score(text: str, field_name: str, low: int, high: int) -> int | None:
    """An optional whole number between `low` and `high`."""
    value = text.strip()
    if not value:
        return None
    if not value.isdigit() or not low <= int(value) <= high:
        raise FormProblem(field_name, f"{value!r}: give a whole number from {low} to {high}")
    return int(value)


@dataclass(frozen=True)
class CheckInInput:
    """The form's values, read and checked (the store checks them again when saving)."""

    kind: CheckInKind
    occurred_on: date
    summary: str
    attendees: tuple[str, ...] = ()
    sentiment: int | None = None
    nps: int | None = None
    csat: int | None = None
    risks: str = ""
    next_steps: tuple[NextStep, ...] = field(default_factory=tuple)
    owner: str = ""


def read_check_in(values: Mapping[str, str], today: date) -> CheckInInput:
    """The check-in the form describes; `FormProblem` names the first field that is wrong."""
    kind = parse_kind(values.get("kind", ""))
    when = values.get("date", "").strip() or "today"
    try:
        occurred_on = parse_day(when, today)
    except DayWordError as error:
        raise FormProblem("date", f"{when!r} is not a date: use {DAY_FORMS_HELP}") from error
    if occurred_on > today:
        raise FormProblem("date", "a check-in cannot be in the future (it can be backdated)")
    summary = values.get("summary", "").strip()
    if not summary:
        raise FormProblem("summary", "write a line about what happened")
    nps = parse_score(values.get("nps", ""), "nps", 0, 10)
    csat = parse_score(values.get("csat", ""), "csat", 1, 5)
    if nps is not None and csat is not None:
        raise FormProblem("nps", "give an NPS or a CSAT score, not both")
    if kind is CheckInKind.INTERNAL_NOTE and (nps is not None or csat is not None):
        raise FormProblem("nps", "an internal note has no customer to give a score")
    try:
        steps = parse_next_steps(values.get("next_steps", ""), today)
    except NextStepError as error:
        raise FormProblem("next_steps", str(error)) from error
    late = next((s for s in steps if s.due_on is not None and s.due_on < occurred_on), None)
    if late is not None:
        raise FormProblem("next_steps", f"{late.title!r} is due before the check-in itself")
    return CheckInInput(
        kind=kind,
        occurred_on=occurred_on,
        summary=summary,
        attendees=parse_people(values.get("attendees", "")),
        sentiment=parse_score(values.get("sentiment", ""), "sentiment", 1, 5),
        nps=nps,
        csat=csat,
        risks=values.get("risks", "").strip(),
        next_steps=tuple(steps),
        owner=values.get("owner", "").strip(),
    )
