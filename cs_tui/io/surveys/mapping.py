"""A survey mapping file: which of your columns holds what, for layouts cs-tui does not know.

    [columns]
    score = "How would you rate us?"
    email = "Mail"
    account = "Client no."
    date = "Answered"

    [options]
    kind = "csat"            # or "nps"
    moment = "onboarding"    # or "periodic", "exit"
    date_format = "%d/%m/%Y"
    delimiter = ";"
    encoding = "cp1252"

A mapped column overrides what the layout found; an unknown key is refused, naming it.
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from cs_tui.domain.enums import SurveyKind, SurveyMoment, values
from cs_tui.io.column_mapping import option_date_format, option_delimiter, option_encoding
from cs_tui.io.text_files import ImportFileError

COLUMN_KEYS = ("response_id", "email", "name", "account", "date", "score", "comment", "reason",
               "competitor", "moment", "kind")  # fmt: skip
OPTION_KEYS = ("kind", "moment", "date_format", "delimiter", "encoding")
QUESTION_FIELDS = ("score", "comment", "reason", "competitor")
E = TypeVar("E", SurveyKind, SurveyMoment)


@dataclass(frozen=True)
class SurveyMapping:
    columns: Mapping[str, str] = field(default_factory=dict)
    kind: SurveyKind | None = None
    moment: SurveyMoment | None = None
    date_format: str = ""
    delimiter: str = ""
    encoding: str = ""
    name: str = "mapping"


def load_survey_mapping(path: Path) -> SurveyMapping:
    """Read and check a survey mapping; a problem raises `ImportFileError` naming the key."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ImportFileError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ImportFileError(f"{path.name}: not a valid TOML file ({error})") from None
    for key in document:
        if key not in ("columns", "options"):
            raise ImportFileError(
                f"{path.name}: unknown section or key {key!r} (expected [columns] and [options])"
            )
    columns = _strings(path, document, "columns", COLUMN_KEYS)
    options = _strings(path, document, "options", OPTION_KEYS)
    if not columns and not options:
        raise ImportFileError(f"{path.name}: neither [columns] nor [options] is given")
    return SurveyMapping(
        columns={key: header.strip() for key, header in columns.items() if header.strip()},
        kind=_choice(path, "kind", options.get("kind", ""), SurveyKind),
        moment=_choice(path, "moment", options.get("moment", ""), SurveyMoment),
        date_format=option_date_format(path, options.get("date_format", "").strip()),
        delimiter=option_delimiter(path, options.get("delimiter", "")),
        encoding=option_encoding(path, options.get("encoding", "").strip()),
        name=path.name,
    )


def _strings(
    path: Path, document: Mapping[str, object], section: str, allowed: tuple[str, ...]
) -> dict[str, str]:
    table = document.get(section, {})
    if not isinstance(table, dict):
        raise ImportFileError(f"{path.name}: {section!r} must be a table ([{section}])")
    for key, value in table.items():
        if key not in allowed:
            raise ImportFileError(
                f"{path.name}: unknown key {section}.{key} (known: {', '.join(allowed)})"
            )
        if not isinstance(value, str):
            raise ImportFileError(f"{path.name}: {section}.{key} must be a string in quotes")
    return dict(table)


def _choice(path: Path, key: str, value: str, enum: type[E]) -> E | None:
    if not value.strip():
        return None
    try:
        return enum(value.strip().casefold())
    except ValueError:
        raise ImportFileError(
            f"{path.name}: options.{key} {value!r} is not one of {', '.join(values(enum))}"
        ) from None
