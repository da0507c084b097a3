"""Reading the check-in form: type words, dates, people, scores and next steps, as typed."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cs_tui.domain.enums import CheckInKind
from cs_tui.domain.work.check_in_input import (
    FormProblem,
    parse_kind,
    parse_people,
    parse_score,
    read_check_in,
)

TODAY = date(2026, 6, 15)  # a Monday


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("", CheckInKind.CALL),
        ("call", CheckInKind.CALL),
        ("m", CheckInKind.MEETING),
        ("Meeting", CheckInKind.MEETING),
        ("q", CheckInKind.QBR),
        ("EBR", CheckInKind.QBR),
        ("on", CheckInKind.ONBOARDING),
        ("note", CheckInKind.INTERNAL_NOTE),
        ("internal_note", CheckInKind.INTERNAL_NOTE),
        ("  em ", CheckInKind.EMAIL),
    ],
)
def test_type_words_and_unambiguous_starts(typed: str, kind: CheckInKind) -> None:
    assert parse_kind(typed) is kind


@pytest.mark.parametrize("typed", ["lunch", "xyz", "in person", "e"])
def test_unknown_types_list_the_choices(typed: str) -> None:
    with pytest.raises(FormProblem, match="call, meeting, email") as raised:
        parse_kind(typed)
    assert raised.value.field == "kind"


def test_people_are_split_on_commas_and_semicolons_once_each() -> None:
    assert parse_people("Ana Lima, Bo;  Ana Lima ,, Cy") == ("Ana Lima", "Bo", "Cy")
    assert parse_people("   ") == ()


@given(st.integers(min_value=-50, max_value=50))
def test_scores_are_whole_numbers_in_their_range(value: int) -> None:
    if 0 <= value <= 10:
        assert parse_score(str(value), "nps", 0, 10) == value
    else:
        with pytest.raises(FormProblem, match="from 0 to 10"):
            parse_score(str(value), "nps", 0, 10)


def form(**values: str) -> dict[str, str]:
    return {"summary": "Talked", **values}


def test_defaults_are_a_call_today_with_no_next_steps() -> None:
    read = read_check_in(form(), TODAY)
    assert (read.kind, read.occurred_on, read.next_steps) == (CheckInKind.CALL, TODAY, ())


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"summary": "  "}, "summary", "write a line"),
        (form(date="tomorrow"), "date", "cannot be in the future"),
        (form(date="next month"), "date", "is not a date"),
        (form(nps="9", csat="4"), "nps", "not both"),
        (form(kind="note", csat="4"), "nps", "internal note"),
        (form(sentiment="7"), "sentiment", "from 1 to 5"),
        (form(next_steps="Send deck @fir"), "next_steps", "line 1"),
        (form(date="-5d", next_steps="Recap @-7d"), "next_steps", "due before the check-in"),
    ],
)
def test_each_problem_names_its_field(values: dict[str, str], field: str, message: str) -> None:
    with pytest.raises(FormProblem, match=message) as raised:
        read_check_in(values, TODAY)
    assert raised.value.field == field


def test_a_full_form_is_read_whole() -> None:
    read = read_check_in(
        form(kind="qbr", date="-3d", attendees="Ana, Bo", sentiment="4", nps="9",
             risks=" budget ", next_steps="Send deck @fri\n\nBook follow-up", owner="sam"),
        TODAY,
    )  # fmt: skip
    assert read.kind is CheckInKind.QBR
    assert read.occurred_on == TODAY - timedelta(days=3)
    assert (read.attendees, read.sentiment, read.nps, read.csat) == (("Ana", "Bo"), 4, 9, None)
    assert read.risks == "budget" and read.owner == "sam"
    assert [(s.title, s.due_on) for s in read.next_steps] == [
        ("Send deck", date(2026, 6, 19)),
        ("Book follow-up", None),
    ]


@given(st.integers(min_value=0, max_value=400))
def test_any_past_day_is_accepted_and_kept(days_ago: int) -> None:
    read = read_check_in(form(date=f"-{days_ago}d"), TODAY)
    assert read.occurred_on == TODAY - timedelta(days=days_ago)
