"""Typeform CSV exports: one header row, `#` (the response token) first, each question's text as
its header, then hidden fields (`email`, `account`...), `Start Date (UTC)`, `Submit Date (UTC)`,
`Network ID` and `Tags`. A response without a submit date was never finished.
"""

from collections.abc import Sequence

from cs_tui.io.column_mapping import header_key
from cs_tui.io.surveys.layout import Layout, find_columns, single_cell_questions

NAME, TITLE = "typeform", "Typeform"
ALIASES = {
    "email": ("email", "e-mail", "email address"),
    "name": ("name", "full name", "contact"),
    "account": ("account", "account id", "company", "customer"),
    "date": ("Submit Date (UTC)",),
    "submitted": ("Submit Date (UTC)",),
}
METADATA = ("Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Network ID", "Tags",
            "Ending", "Score")  # fmt: skip


def recognises(header: Sequence[str]) -> bool:
    keys = {header_key(cell) for cell in header}
    first = header[0].strip() if header else ""
    return first == "#" and bool(keys & {"submitdateutc", "networkid"})


def layout(header: Sequence[str], below: Sequence[Sequence[str]]) -> Layout:
    del below  # one header row
    columns, labels = find_columns(header, {k: v for k, v in ALIASES.items() if k != "submitted"})
    columns["response_id"], labels["response_id"] = 0, header[0]
    if "date" in columns:
        columns["submitted"], labels["submitted"] = columns["date"], labels["date"]
    metadata = {header_key(name) for name in METADATA}
    skip = set(columns.values()) | {i for i, c in enumerate(header) if header_key(c) in metadata}
    questions = single_cell_questions(header, header, skip)
    return Layout(NAME, TITLE, (), columns, labels, questions, completion="submitted")
