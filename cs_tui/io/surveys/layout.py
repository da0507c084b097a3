"""What a survey export looks like once its tool is known: where each piece of a response is.

Each tool module turns the header rows into a `Layout`: the columns of the respondent's details
(`columns`, by field), the questions with their wording, and how an incomplete response shows.
Fields: response_id, email, name, first_name, last_name, account, date, moment, kind, finished,
submitted; questions hold the score, the comment and an exit survey's reason and competitor.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from cs_tui.domain.enums import SurveyKind
from cs_tui.io.column_mapping import header_key

Completion = Literal["finished", "submitted"] | None


@dataclass(frozen=True)
class Question:
    """One question: the tool's column id (Qualtrics "Q1", else the header), its wording, and its
    cells with their sub-labels (SurveyMonkey spreads a question's choices over several cells)."""

    column: str
    text: str
    cells: tuple[tuple[int, str], ...]
    role: str | None = None  # score, comment, reason or competitor when the header says so

    @property
    def first_cell(self) -> int:
        return self.cells[0][0]


@dataclass(frozen=True)
class Layout:
    tool: str
    title: str
    header_rows: tuple[str, ...]  # what each header row below the first holds, for the listing
    columns: Mapping[str, int]
    labels: Mapping[str, str]
    questions: tuple[Question, ...]
    default_kind: SurveyKind | None = None
    completion: Completion = None
    score_column: str = ""  # a column that holds the score whatever the question (Delighted)
    ignored: tuple[str, ...] = field(default=())


def positions(headers: Sequence[str]) -> dict[str, int]:
    """Each header's key (see `header_key`) and the first cell it heads."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        found.setdefault(header_key(header), index)
    return found


def find_columns(
    headers: Sequence[str], aliases: Mapping[str, Sequence[str]]
) -> tuple[dict[str, int], dict[str, str]]:
    """Each field's cell (its first alias present in `headers`) and the header as written."""
    keys = positions(headers)
    columns: dict[str, int] = {}
    for name, names in aliases.items():
        for alias in names:
            index = keys.get(header_key(alias))
            if index is not None and index not in columns.values():
                columns[name] = index
                break
    return columns, {name: headers[index] for name, index in columns.items()}


def single_cell_questions(
    headers: Sequence[str], texts: Sequence[str], skip: set[int]
) -> tuple[Question, ...]:
    """A question per column not in `skip`: the header as its id, `texts` as its wording."""
    questions = []
    for index, header in enumerate(headers):
        text = texts[index].strip() if index < len(texts) else ""
        if index in skip or not (text or header.strip()):
            continue
        questions.append(Question(header.strip() or text, text or header.strip(), ((index, ""),)))
    return tuple(questions)
