"""From a survey export's data records to validated responses, one per line.

The reader has already decided which question holds the score and which the comment, the churn
reason and the competitor (`Plan`). Here each record is checked for completeness (Qualtrics
`Finished`, Typeform's submit date), its score and date are read, and the response is validated
as the store will hold it. A response's `key` identifies it across imports: the tool's response id
and the question, or, without an id, what the response says.
"""

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from cs_tui.domain.enums import SurveyKind, SurveyMoment
from cs_tui.domain.voice.matching import normalise_email
from cs_tui.domain.voice.scores import parse_score
from cs_tui.io.surveys.layout import Layout, Question
from cs_tui.io.text_files import AmbiguousDatesError, Record, RowError, SkippedLine
from cs_tui.io.values import (
    DateOrder,
    ambiguous_column_message,
    first_ambiguous_date,
    format_order,
    infer_date_order,
    parse_bool,
    parse_date,
)
from cs_tui.models import SurveyResponseCreate

QUESTION_LENGTH = 500
MOMENT_WORDS = {
    "onboarding": SurveyMoment.ONBOARDING, "welcome": SurveyMoment.ONBOARDING,
    "new": SurveyMoment.ONBOARDING, "periodic": SurveyMoment.PERIODIC,
    "relationship": SurveyMoment.PERIODIC, "quarterly": SurveyMoment.PERIODIC,
    "annual": SurveyMoment.PERIODIC, "exit": SurveyMoment.EXIT, "churn": SurveyMoment.EXIT,
    "cancellation": SurveyMoment.EXIT, "offboarding": SurveyMoment.EXIT,
}  # fmt: skip
FIELD_COLUMNS = {"responded_on": "date", "contact": "name", "contact_email": "email"}


@dataclass(frozen=True)
class SurveyRow:
    line: int
    key: str
    email: str  # the respondent's address, lower case ("" when none)
    account_ref: str
    response: SurveyResponseCreate


@dataclass(frozen=True)
class Plan:
    layout: Layout
    score: Question
    kind: SurveyKind | None
    moment: SurveyMoment | None
    comments: tuple[Question, ...]
    reason: Question | None
    competitor: Question | None
    date_format: str = ""


@dataclass
class ReadRows:
    rows: list[SurveyRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    incomplete: list[SkippedLine] = field(default_factory=list)
    unanswered: list[SkippedLine] = field(default_factory=list)


def _cell(record: Record, index: int | None) -> str:
    if index is None or index >= len(record.cells):
        return ""
    return record.cells[index].strip()


def _answers(record: Record, question: Question) -> list[tuple[str, str]]:
    """The filled cells of a question with their sub-labels."""
    found = [(_cell(record, index), label) for index, label in question.cells]
    return [(value, label) for value, label in found if value]


def _text(record: Record, question: Question | None) -> str:
    if question is None:
        return ""
    return "; ".join(value for value, _ in _answers(record, question))


KNOWN_DATE_ORDER = frozenset({"qualtrics", "surveymonkey", "typeform", "delighted"})
"""Tools that write dates one way whatever the user's locale (ISO, or SurveyMonkey's US month
first); a plain file's slash dates that all read both ways need the user to say which."""


def read_rows(records: Sequence[Record], plan: Plan) -> ReadRows:
    columns = plan.layout.columns
    if not plan.date_format and plan.layout.tool not in KNOWN_DATE_ORDER:
        _refuse_ambiguous_dates(records, columns.get("date"), plan.layout)
    order: DateOrder | None = format_order(plan.date_format) or "month-first"
    seen = infer_date_order(_cell(r, columns.get("date")) for r in records)
    if not plan.date_format and seen is not None:
        order = None if seen == "mixed" else seen
    out = ReadRows()
    for record in records:
        why = _incomplete(record, plan.layout)
        if why:
            out.incomplete.append(SkippedLine(record.line, why))
            continue
        _read_one(record, plan, order, out)
    return out


def _incomplete(record: Record, layout: Layout) -> str:
    if layout.completion == "finished":
        value = _cell(record, layout.columns.get("finished"))
        try:
            finished = parse_bool(value) if value else True
        except ValueError:
            finished = True  # an unreadable flag is not taken as "unfinished"
        if not finished:
            return f"unfinished response ({layout.labels['finished']} = {value})"
    if layout.completion == "submitted" and not _cell(record, layout.columns.get("submitted")):
        return f"not submitted (no {layout.labels.get('submitted', 'submit date')})"
    return ""


def _read_one(record: Record, plan: Plan, order: DateOrder | None, out: ReadRows) -> None:
    layout, labels = plan.layout, plan.layout.labels
    problems: list[tuple[str, str, str]] = []  # column, value, message
    answers = _answers(record, plan.score)
    score_label = plan.score.text if plan.score.column == plan.score.text else plan.score.column
    if not answers:
        out.unanswered.append(SkippedLine(record.line, f"no answer to {score_label!r}"))
        return
    kind = plan.kind
    kind_text = _cell(record, layout.columns.get("kind"))
    if kind is None:
        try:
            kind = SurveyKind(kind_text.casefold())
        except ValueError:
            problems.append((labels.get("kind", "kind"), kind_text, "not nps or csat"))
    score = None
    if len(answers) > 1:
        problems.append(
            (score_label, "; ".join(v for v, _ in answers), "more than one choice marked")
        )
    elif kind is not None:
        value, label = answers[0]
        try:
            score = parse_score(value, kind)
        except ValueError as problem:
            try:
                score = parse_score(label, kind) if label else None
            except ValueError:
                score = None
            if score is None:
                problems.append((score_label, value, str(problem)))
    date_text = _cell(record, layout.columns.get("date"))
    responded_on = None
    if not date_text:
        problems.append((labels.get("date", "date"), "", "missing date"))
    else:
        try:
            responded_on = parse_date(date_text, order=order, date_format=plan.date_format)
        except ValueError as problem:
            problems.append((labels.get("date", "date"), date_text, str(problem)))
    moment = plan.moment
    moment_text = _cell(record, layout.columns.get("moment"))
    if moment is None and moment_text:
        moment = MOMENT_WORDS.get(moment_text.casefold())
        if moment is None:
            message = "not a moment (expected onboarding, periodic or exit)"
            problems.append((labels.get("moment", "moment"), moment_text, message))
    email_text = _cell(record, layout.columns.get("email"))
    email = normalise_email(email_text)
    if email_text and not email:
        problems.append((labels.get("email", "email"), email_text, "not an e-mail address"))
    if problems:
        out.errors.extend(RowError(record.line, c, v, m) for c, v, m in problems)
        return
    assert kind is not None and score is not None and responded_on is not None
    name = _cell(record, layout.columns.get("name")) or " ".join(
        part
        for part in (_cell(record, layout.columns.get(f)) for f in ("first_name", "last_name"))
        if part
    )
    comment = "\n\n".join(text for q in plan.comments if (text := _text(record, q)))
    response_id = _cell(record, layout.columns.get("response_id"))
    account_ref = _cell(record, layout.columns.get("account"))
    fields = {
        "kind": kind, "moment": moment or SurveyMoment.PERIODIC, "score": score,
        "responded_on": responded_on, "contact": name, "contact_email": email,
        "comment": comment, "reason": _text(record, plan.reason),
        "competitor": _text(record, plan.competitor),
        "question": plan.score.text[:QUESTION_LENGTH], "source": layout.tool,
        "external_id": response_id,
    }  # fmt: skip
    try:
        response = SurveyResponseCreate.model_validate(fields)
    except ValidationError as invalid:
        out.errors.extend(
            _model_problem(record, detail, fields, plan) for detail in invalid.errors()
        )
        return
    key = _key(layout.tool, response_id, plan.score.column, email, account_ref, fields)
    out.rows.append(SurveyRow(record.line, key, email, account_ref, response))


def _key(
    tool: str, response_id: str, column: str, email: str, account: str, fields: Mapping[str, object]
) -> str:
    if response_id:
        return f"{tool}|{response_id}|{column}"
    said = "\x1f".join(
        str(part) for part in (email, account, fields["responded_on"], fields["kind"],
                               fields["score"], fields["comment"], column)
    )  # fmt: skip
    return f"{tool}|row|{hashlib.sha1(said.encode()).hexdigest()[:24]}"


def _model_problem(
    record: Record, detail: Mapping[str, object], fields: Mapping[str, object], plan: Plan
) -> RowError:
    location = detail.get("loc") or ()
    name = str(location[0]) if isinstance(location, tuple) and location else ""
    field_name = FIELD_COLUMNS.get(name, name)
    question = {"comment": plan.comments[0] if plan.comments else None, "reason": plan.reason,
                "competitor": plan.competitor}.get(field_name)  # fmt: skip
    column = question.column if question else plan.layout.labels.get(field_name, field_name)
    value = str(fields.get(name, ""))
    shown = value if len(value) <= 60 else value[:57] + "..."
    message = str(detail.get("msg", "invalid")).removeprefix("Value error, ")
    return RowError(record.line, column, shown, message)


def _refuse_ambiguous_dates(records: Sequence[Record], index: int | None, layout: Layout) -> None:
    dated = [r for r in records if _cell(r, index)]
    first = first_ambiguous_date(_cell(r, index) for r in dated)
    if first is not None:
        record, text = dated[first], _cell(dated[first], index)
        column = layout.labels.get("date", "date")
        raise AmbiguousDatesError(
            ambiguous_column_message(column, record.line, text),
            column=column, line=record.line, text=text,
        )  # fmt: skip
