"""Which tool wrote an export, told by its header row alone, and where that header row is.

Qualtrics (ResponseId with Finished or StartDate), SurveyMonkey (Respondent ID and Collector ID),
Typeform (`#` first, with Submit Date (UTC) or Network ID) and Delighted (Response ID and Score,
with Person Email or Created At) each have headers no other tool writes; anything else with a
score column is the plain layout.
"""

from collections.abc import Callable, Sequence
from types import ModuleType

from cs_tui.io.column_mapping import header_key
from cs_tui.io.surveys import delighted, plain, qualtrics, surveymonkey, typeform
from cs_tui.io.surveys.layout import Layout

TOOLS: tuple[ModuleType, ...] = (qualtrics, surveymonkey, typeform, delighted, plain)
KEY_HEADERS = frozenset(
    {"responseid", "respondentid", "submitdateutc", "networkid", "score", "nps", "csat", "email",
     "account", "rating", "emailaddress", "personemail", "recipientemail", "accountname"}
)  # fmt: skip


def is_key_header(cell: str) -> bool:
    """True for a header only a survey export's header row holds (to find that row)."""
    return cell.strip() == "#" or header_key(cell) in KEY_HEADERS


def mapped_key_header(mapped: Sequence[str]) -> Callable[[str], bool]:
    keys = frozenset(header_key(h) for h in mapped if h)
    return lambda cell: is_key_header(cell) or header_key(cell) in keys


def detect_tool(header: Sequence[str]) -> ModuleType | None:
    """The tool module whose export this header row starts, or None."""
    return next((tool for tool in TOOLS if tool.recognises(header)), None)


def layout_of(tool: ModuleType, header: Sequence[str], below: Sequence[Sequence[str]]) -> Layout:
    made: Layout = tool.layout(header, below)
    return made
