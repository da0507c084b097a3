"""Importing a survey export: each response matched to an account or listed as unmatched, stored
once (re-importing the same file adds nothing), and new detractors and low CSAT raising one
follow-up each, owned by the account's CSM and due today.

All or nothing: with any invalid row nothing is written unless `skip_invalid`. Unmatched
respondents are not invalid (a personal address, a contact not in the book yet); they are listed
with the reason and left out, and a later import picks them up once their contact is known.

Given the reason taxonomy, the new exit responses' reasons (the reason column, else the comment, or
just a competitor) are mapped to its codes for the report: how many under each code, and the
reasons no code fits, with their line. The customer's own words are what is stored; `surveys
reasons` maps them again with the taxonomy in force.
"""

import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from cs_tui.data.accounts.imports import ParsedError, RowProblem
from cs_tui.data.store.database import Database
from cs_tui.data.voice.bulk import (
    existing_response_ids,
    follow_up_id,
    response_id,
    write_survey_rows,
)
from cs_tui.data.voice.index import respondent_index
from cs_tui.domain.enums import FollowUpOrigin, SurveyMoment
from cs_tui.domain.revenue.taxonomy import Taxonomy
from cs_tui.domain.voice.follow_ups import follow_up_for
from cs_tui.domain.voice.matching import match_respondent
from cs_tui.domain.voice.reasons import stated_reason
from cs_tui.domain.work.today_rules import DEFAULT_SURVEY_WINDOW_DAYS
from cs_tui.io.bulk_work import collector_paused
from cs_tui.models import SurveyResponseCreate


class ParsedSurveyRow(Protocol):
    @property
    def line(self) -> int: ...
    @property
    def key(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def account_ref(self) -> str: ...
    @property
    def response(self) -> SurveyResponseCreate: ...


class ParsedSurveyFile(Protocol):
    @property
    def rows(self) -> Sequence[ParsedSurveyRow]: ...
    @property
    def errors(self) -> Sequence[ParsedError]: ...


@dataclass(frozen=True)
class Unmatched:
    line: int
    email: str
    account_ref: str
    reason: str


@dataclass(frozen=True)
class SurveyImportReport:
    dry_run: bool
    written: bool
    new: int
    already: int  # imported before (or twice in this file)
    problems: tuple[RowProblem, ...]
    unmatched: tuple[Unmatched, ...]
    matched_by: dict[str, int]  # rule -> responses
    follow_ups: int
    account_ids: tuple[uuid.UUID, ...]  # accounts with new responses
    new_contacts: int  # matched by domain or account column: not stakeholders yet
    refused: bool  # invalid rows, without skip_invalid: nothing written
    exit_reasons: dict[str, int] = field(default_factory=dict)  # taxonomy code -> new exits
    unmapped_reasons: tuple[tuple[int, str], ...] = ()  # (line, the customer's words)
    new_rows: tuple[ParsedSurveyRow, ...] = field(default=(), repr=False)


def import_surveys(
    db: Database,
    parsed: ParsedSurveyFile,
    *,
    dry_run: bool = False,
    skip_invalid: bool = False,
    alert_window_days: int = DEFAULT_SURVEY_WINDOW_DAYS,
    taxonomy: Taxonomy | None = None,
) -> SurveyImportReport:
    """Store the export's responses; see the module docstring for what is written and when."""
    with collector_paused():
        report = _import(db, parsed, dry_run, skip_invalid, alert_window_days)
    if taxonomy is None or not report.new_rows:
        return report
    mapped: Counter[str] = Counter()
    unmapped: list[tuple[int, str]] = []
    for row in report.new_rows:
        r = row.response
        if r.moment is not SurveyMoment.EXIT:
            continue
        found = stated_reason(taxonomy, r.reason, r.comment, r.competitor)
        if found.reason is not None:
            mapped[found.reason.code] += 1
        elif found.text:
            unmapped.append((row.line, found.text))
    return replace(report, exit_reasons=dict(mapped), unmapped_reasons=tuple(unmapped))


def _import(
    db: Database, parsed: ParsedSurveyFile, dry_run: bool, skip_invalid: bool, window: int
) -> SurveyImportReport:
    problems = tuple(RowProblem(e.line, e.column, e.value, e.message) for e in parsed.errors)
    index = respondent_index(db)
    today, now = db.today(), db.now()
    unmatched: list[Unmatched] = []
    matched_by: Counter[str] = Counter()
    planned: dict[uuid.UUID, tuple[uuid.UUID, ParsedSurveyRow, uuid.UUID | None]] = {}
    duplicates = 0
    for row in parsed.rows:
        match = match_respondent(index.accounts, row.email, row.account_ref)
        if match.account is None or match.rule is None:
            unmatched.append(Unmatched(row.line, row.email, row.account_ref, match.reason))
            continue
        rid = response_id(row.key)
        if rid in planned:
            duplicates += 1
            continue
        matched_by[match.rule] += 1
        person = index.stakeholders.get((row.email, match.account)) if row.email else None
        planned[rid] = (match.account, row, person)
    with db.engine.connect() as connection:
        existing = existing_response_ids(connection, list(planned))
    responses: list[tuple[Any, ...]] = []
    follow_ups: list[tuple[Any, ...]] = []
    new_rows: list[ParsedSurveyRow] = []
    new_contacts = 0
    for rid, (account_id, row, person) in planned.items():
        if rid in existing:
            continue
        new_rows.append(row)
        r = row.response
        if person is None and row.email:
            new_contacts += 1
        responses.append((
            rid, account_id, person, r.kind.value, r.moment.value, r.score, r.responded_on,
            r.contact, r.contact_email, r.comment, r.reason, r.competitor, r.question, r.source,
            r.external_id,
        ))  # fmt: skip
        raised = follow_up_for(
            kind=r.kind, score=r.score, moment=r.moment, responded_on=r.responded_on,
            contact=r.contact or r.contact_email, today=today, window_days=window,
        )  # fmt: skip
        if raised is not None:
            follow_ups.append((
                follow_up_id(rid), account_id, raised.title, raised.kind.value,
                raised.priority.value, index.owners.get(account_id) or db.user, raised.due_on,
                FollowUpOrigin.RULE.value, f"survey_response:{rid.hex}",
            ))  # fmt: skip
    touched = tuple(dict.fromkeys(row[1] for row in responses))
    write = bool(responses) and not dry_run and (skip_invalid or not problems)
    if write:
        with db.write_connection() as connection:
            write_survey_rows(
                connection, responses, follow_ups, user=db.user, now=now, today=today,
                touched=[f[1] for f in follow_ups],
            )  # fmt: skip
    return SurveyImportReport(
        dry_run=dry_run, written=write, new=len(responses),
        already=len(planned) - len(responses) + duplicates, problems=problems,
        unmatched=tuple(unmatched), matched_by=dict(matched_by), follow_ups=len(follow_ups),
        account_ids=touched, new_contacts=new_contacts,
        refused=bool(problems) and not skip_invalid and not dry_run, new_rows=tuple(new_rows),
    )  # fmt: skip
