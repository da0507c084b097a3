"""Importing 100,000 survey responses (a Delighted export) against plain csv + executemany.

The candidate is what `cs-tui import surveys FILE` runs once the store is open: `read_survey_file`
(find the header, tell the tool, find the score question, read and validate every row) then
`import_surveys` (match each respondent by e-mail, domain or account, skip those already there,
insert, raise follow-ups). The baseline reads the same file with `csv`, looks each e-mail up in a
dict of the book's stakeholders and writes the same response rows with `sqlite3`'s
`executemany`. Each side writes to its own fresh copy of the demo book; copying is not timed.
"""

import csv
import random
import shutil
import sqlite3
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.context import Context
from bench.registry import Benchmark, Metric, Samples, Side, Target

RESPONSES = 100_000
USER = "bench"
HEADER = ["Response ID", "Person ID", "Score", "Comment", "Created At", "Updated At",
          "Person Email", "Person Name", "Company", "Plan"]  # fmt: skip
COMMENTS = ("", "", "Great support", "Reports are slow on Mondays", "Love the dashboards",
            'Exports "work", mostly', "Too expensive for what we use,\nbut the team is kind")  # fmt: skip
RESPONSE_INSERT = """
INSERT INTO survey_response (id, created_at, updated_at, updated_by, deleted_at, kind, moment,
    score, responded_on, contact, contact_email, comment, reason, competitor, question, source,
    external_id, account_id, stakeholder_id)
VALUES (?, ?, ?, ?, NULL, 'nps', 'periodic', ?, ?, ?, ?, ?, '', '', 'Score', 'delighted', ?, ?, ?)
"""


def _stakeholders(book: Path) -> list[tuple[str, str, str, str]]:
    """(stakeholder id, account id, e-mail, name) of the book's people with an address."""
    with sqlite3.connect(f"file:{book}?mode=ro", uri=True) as connection:
        return list(connection.execute(
            "SELECT id, account_id, lower(email), name FROM stakeholder "
            "WHERE deleted_at IS NULL AND email <> ''"
        ))  # fmt: skip


def survey_csv(context: Context) -> Path:
    def write() -> Path:
        people = _stakeholders(context.book())
        dice = random.Random(context.seed)
        path = context.scratch() / "delighted.csv"
        today = date(2026, 6, 15)
        count = RESPONSES if context.accounts >= 100_000 else context.accounts * 2
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            for number in range(count):
                _, _, email, name = dice.choice(people)
                day = today - timedelta(days=dice.randrange(365))
                stamp = f"{day.isoformat()} 10:{number % 60:02d}:00 -0700"
                writer.writerow([
                    str(200_000_000 + number), str(70_000_000 + number), str(dice.randrange(11)),
                    dice.choice(COMMENTS), stamp, stamp, email, name, "", "Pro",
                ])  # fmt: skip
        return path

    return context.memo("survey_csv", write)


def fresh_book(context: Context, name: str) -> Path:
    target = context.scratch() / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(context.book(), target)
    return target


def import_with_app(source: Path, database: Path) -> float:
    from cs_tui.data.store.database import open_database
    from cs_tui.data.voice.imports import import_surveys
    from cs_tui.io.surveys.reader import read_survey_file

    db = open_database(str(database), user=USER)
    try:
        started = time.perf_counter()
        report = import_surveys(db, read_survey_file(source))
        elapsed = time.perf_counter() - started
    finally:
        db.close()
    if not report.written or report.problems:
        raise RuntimeError(f"the import did not write every row: {report.problems[:3]}")
    return elapsed


def import_plainly(source: Path, database: Path) -> float:
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA synchronous=FULL")
        started = time.perf_counter()
        people = {email: (sid, aid) for sid, aid, email, _ in _stakeholders(database)}
        now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        rows = []
        with source.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            next(reader)
            for rid, _, score, comment, created, _, email, name, _, _ in reader:
                stakeholder, account = people[email]
                rows.append((uuid.uuid4().hex, now, now, USER, int(score), created[:10], name,
                             email, comment, rid, account, stakeholder))  # fmt: skip
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(RESPONSE_INSERT, rows)
        connection.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        connection.close()


def run(context: Context, side: Side) -> Samples:
    source = survey_csv(context)
    database = fresh_book(context, f"surveys-{side}.db")
    seconds = (import_with_app if side == "candidate" else import_plainly)(source, database)
    return {"survey_import": [seconds]}


BENCHMARKS = [
    Benchmark(
        name="survey_import",
        title="Importing survey responses",
        metrics=(
            Metric(
                "survey_import", "Import 100,000 survey responses", "s", (Target("ratio_max", 3.0),)
            ),
        ),
        run=run,
        baseline="plain csv + sqlite3 executemany of the same rows",
        max_repeats=5,
    )
]
