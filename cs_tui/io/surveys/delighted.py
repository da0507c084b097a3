"""Delighted CSV exports: `Response ID`, `Score`, `Comment`, `Created At`, `Person Email`,
`Person Name`, then the person's properties (`Company`, `Plan`...) and any additional questions.

Delighted asks one scored question per survey; its `Score` column holds the answer, NPS unless the
survey was a CSAT one (`--kind csat`).
"""

from collections.abc import Sequence

from cs_tui.domain.enums import SurveyKind
from cs_tui.io.column_mapping import header_key
from cs_tui.io.surveys.layout import Layout, Question, find_columns, single_cell_questions

NAME, TITLE = "delighted", "Delighted"
ALIASES = {
    "response_id": ("Response ID",),
    "email": ("Person Email", "Email"),
    "name": ("Person Name", "Name"),
    "account": ("Company", "Account", "Account ID", "Customer", "Properties: Company"),
    "date": ("Created At", "Updated At"),
}
METADATA = ("Person ID", "Updated At", "Notes", "Tags", "Survey Type", "Delighted Source",
            "Delighted Device Type", "Delighted Country", "Delighted Browser", "Plan")  # fmt: skip


def recognises(header: Sequence[str]) -> bool:
    keys = {header_key(cell) for cell in header}
    return {"responseid", "score"} <= keys and bool(keys & {"personemail", "createdat"})


def layout(header: Sequence[str], below: Sequence[Sequence[str]]) -> Layout:
    del below
    columns, labels = find_columns(header, ALIASES)
    keys = [header_key(cell) for cell in header]
    score, comment = keys.index("score"), keys.index("comment") if "comment" in keys else None
    metadata = {header_key(name) for name in METADATA}
    skip = set(columns.values()) | {score} | {i for i, k in enumerate(keys) if k in metadata}
    if comment is not None:
        skip.add(comment)
    extra = single_cell_questions(header, header, skip)
    questions: tuple[Question, ...] = (
        Question(header[score], header[score], ((score, ""),), role="score"),
    )
    if comment is not None:
        questions += (Question(header[comment], header[comment], ((comment, ""),), "comment"),)
    return Layout(
        NAME, TITLE, (), columns, labels, questions + extra,
        default_kind=SurveyKind.NPS, score_column="Score",
    )  # fmt: skip
