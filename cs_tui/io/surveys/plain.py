"""The plain layout, for any other tool or a spreadsheet of your own: one header row naming the
account or the respondent's e-mail, the score, the date, and optionally the comment, the moment,
the kind (nps or csat), a response id, the contact's name, the churn reason and the competitor.

A column headed `nps` or `csat` is a score of that kind; `score` or `rating` needs `--kind` or a
`kind` column (or a question's wording as its header).
"""

from collections.abc import Sequence

from cs_tui.domain.enums import SurveyKind
from cs_tui.io.column_mapping import header_key
from cs_tui.io.surveys.layout import Layout, Question, find_columns, single_cell_questions

NAME, TITLE = "plain", "plain"
ALIASES = {
    "response_id": ("response id", "response_id", "id", "survey id"),
    "email": ("email", "e-mail", "email address", "contact email", "respondent email"),
    "name": ("name", "contact", "contact name", "respondent"),
    "account": ("account", "account name", "account id", "external id", "company", "customer"),
    "date": ("date", "responded on", "responded_on", "response date", "submitted", "created at"),
    "moment": ("moment", "survey moment", "stage"),
    "kind": ("kind", "type", "survey type"),
}
ROLE_COLUMNS = {
    "comment": ("comment", "comments", "feedback", "verbatim"),
    "reason": ("reason", "churn reason", "reason for leaving"),
    "competitor": ("competitor", "moving to", "switching to"),
}
SCORE_HEADERS = {"nps": SurveyKind.NPS, "npsscore": SurveyKind.NPS, "csat": SurveyKind.CSAT,
                 "csatscore": SurveyKind.CSAT, "score": None, "rating": None}  # fmt: skip


def recognises(header: Sequence[str]) -> bool:
    return any(header_key(cell) in SCORE_HEADERS for cell in header)


def layout(header: Sequence[str], below: Sequence[Sequence[str]]) -> Layout:
    del below
    columns, labels = find_columns(header, ALIASES)
    roles, _ = find_columns(header, ROLE_COLUMNS)
    questions: list[Question] = []
    kind, score = None, ""
    for index, cell in enumerate(header):
        if header_key(cell) in SCORE_HEADERS and index not in columns.values():
            kind, score = SCORE_HEADERS[header_key(cell)], cell.strip()
            questions.append(Question(score, score, ((index, ""),), role="score"))
            break
    for role, index in roles.items():
        questions.append(
            Question(header[index].strip(), header[index].strip(), ((index, ""),), role)
        )
    skip = set(columns.values()) | set(roles.values()) | {q.first_cell for q in questions}
    questions.extend(single_cell_questions(header, header, skip))
    return Layout(NAME, TITLE, (), columns, labels, tuple(questions), kind, score_column=score)
