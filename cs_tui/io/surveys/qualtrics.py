"""Qualtrics CSV exports: three header rows (column ids, question texts, `{"ImportId":...}` cells).

The first row holds ids such as StartDate, Finished, ResponseId, RecipientEmail, ExternalReference
and Q1, Q2_1; the second the question as asked ("How likely are you to recommend ...?", matrix rows
as "How satisfied ... - Support"); the third JSON import ids (legacy exports leave it out). A
response whose `Finished` is false or 0 is incomplete.
"""

from collections.abc import Sequence

from cs_tui.io.column_mapping import header_key
from cs_tui.io.surveys.layout import Layout, find_columns, single_cell_questions

NAME, TITLE = "qualtrics", "Qualtrics"
METADATA = (
    "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
    "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
    "ExternalReference", "ExternalDataReference", "LocationLatitude", "LocationLongitude",
    "DistributionChannel", "UserLanguage", "Q_RecaptchaScore", "Q_RelevantIDDuplicate",
)  # fmt: skip
ALIASES = {
    "response_id": ("ResponseId", "ResponseID", "Response ID"),
    "email": ("RecipientEmail", "Recipient Email", "email"),
    "first_name": ("RecipientFirstName", "Recipient First Name"),
    "last_name": ("RecipientLastName", "Recipient Last Name"),
    "account": ("ExternalReference", "ExternalDataReference", "External Data Reference",
                "account", "account id", "company"),
    "date": ("RecordedDate", "Recorded Date", "EndDate", "End Date"),
    "finished": ("Finished",),
}  # fmt: skip
_METADATA_KEYS = frozenset(header_key(name) for name in METADATA)


def recognises(header: Sequence[str]) -> bool:
    keys = {header_key(cell) for cell in header}
    return "responseid" in keys and bool(keys & {"finished", "startdate", "recordeddate"})


def is_import_id_row(cells: Sequence[str]) -> bool:
    return any(cell.strip().startswith('{"ImportId"') for cell in cells)


def layout(header: Sequence[str], below: Sequence[Sequence[str]]) -> Layout:
    """The layout; `below` holds the (up to two) records under the first header row."""
    texts: Sequence[str] = ()
    rows: list[str] = []
    if below and not is_import_id_row(below[0]):
        texts = below[0]
        rows.append("Qualtrics question texts")
        below = below[1:]
    if below and is_import_id_row(below[0]):
        rows.append("Qualtrics import ids")
    columns, labels = find_columns(header, ALIASES)
    skip = set(columns.values()) | {
        i for i, cell in enumerate(header) if header_key(cell) in _METADATA_KEYS
    }
    questions = single_cell_questions(header, texts, skip)
    return Layout(NAME, TITLE, tuple(rows), columns, labels, questions, completion="finished")
