"""A small book the survey fixtures' respondents belong to, and reading those fixtures."""

from pathlib import Path

from cs_tui.data.accounts.records import add_stakeholder, create_account
from cs_tui.data.store.database import Database
from cs_tui.data.voice.imports import SurveyImportReport, import_surveys
from cs_tui.domain.enums import SurveyKind, SurveyMoment
from cs_tui.io.surveys.reader import SurveyFile, read_survey_file
from cs_tui.models import AccountCreate, StakeholderCreate

SURVEYS = Path(__file__).parent.parent.parent / "fixtures" / "surveys"


def survey_book(db: Database) -> None:
    """Acme (acme.com, Jo Park a stakeholder), Globex (globex.com, owned by sam), Initech (0011)."""
    for name, domain, external_id, owner in (
        ("Acme Analytics", "acme.com", "0015ACME", "tess"),
        ("Globex", "https://www.globex.com", "0015GLOB", "sam"),
        ("Initech", "initech.com", "0011", "tess"),
    ):
        create_account(
            db, AccountCreate(name=name, domain=domain, external_id=external_id, owner=owner)
        )
    add_stakeholder(
        db, "Acme Analytics", StakeholderCreate(name="Jo Park", email="Jo.Park@acme.com")
    )


def read(name: str, **options: object) -> SurveyFile:
    kind = options.pop("kind", None)
    moment = options.pop("moment", None)
    return read_survey_file(
        SURVEYS / name,
        kind=SurveyKind(kind) if isinstance(kind, str) else None,
        moment=SurveyMoment(moment) if isinstance(moment, str) else None,
        question=str(options.pop("question", "")),
    )


def load(db: Database, name: str, **options: object) -> SurveyImportReport:
    dry_run = bool(options.pop("dry_run", False))
    skip_invalid = bool(options.pop("skip_invalid", False))
    return import_surveys(db, read(name, **options), dry_run=dry_run, skip_invalid=skip_invalid)
