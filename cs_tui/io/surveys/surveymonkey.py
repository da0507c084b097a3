"""SurveyMonkey CSV exports: two header rows, with a question spread over several cells.

The first row holds Respondent ID, Collector ID, Start Date, End Date, IP Address, Email Address,
First Name, Last Name, Custom Data 1 and then each question's text in the first of its cells (the
cells after it are blank); the second row holds "Response" or "Open-Ended Response" under a
single-answer question, or each choice's label under a question exported one choice per cell.
`Custom Data 1` carries what the survey link was sent with: here, the account.
"""

from collections.abc import Sequence

from cs_tui.io.column_mapping import header_key
from cs_tui.io.surveys.layout import Layout, Question, find_columns

NAME, TITLE = "surveymonkey", "SurveyMonkey"
ALIASES = {
    "response_id": ("Respondent ID",),
    "email": ("Email Address", "Email"),
    "first_name": ("First Name",),
    "last_name": ("Last Name",),
    "account": ("Custom Data 1", "Custom Data", "account", "company"),
    "date": ("End Date", "Start Date"),
}
METADATA = (
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Custom Data 2",
    "Custom Data 3",
)


def recognises(header: Sequence[str]) -> bool:
    keys = {header_key(cell) for cell in header}
    return {"respondentid", "collectorid"} <= keys


def layout(header: Sequence[str], below: Sequence[Sequence[str]]) -> Layout:
    sublabels = below[0] if below else ()
    columns, labels = find_columns(header, ALIASES)
    metadata = {header_key(name) for name in METADATA}
    skip = set(columns.values()) | {i for i, c in enumerate(header) if header_key(c) in metadata}
    width = max(len(header), len(sublabels))
    questions: list[Question] = []
    text, cells = "", list[tuple[int, str]]()
    for index in range(width):
        heading = header[index].strip() if index < len(header) else ""
        label = sublabels[index].strip() if index < len(sublabels) else ""
        if heading or index in skip:
            if text and cells:
                questions.append(Question(text, text, tuple(cells)))
            text, cells = ("", []) if index in skip else (heading, [])
        if text:
            cells.append((index, "" if label in ("Response", "Open-Ended Response") else label))
    if text and cells:
        questions.append(Question(text, text, tuple(cells)))
    return Layout(NAME, TITLE, ("SurveyMonkey answer labels",), columns, labels, tuple(questions))
