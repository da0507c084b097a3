"""`cs-tui db check`: is the store sound and at the current schema?"""

from dataclasses import dataclass, field

from sqlalchemy import text

from cs_tui.data.store import migrate
from cs_tui.data.store.database import Database


@dataclass
class CheckReport:
    passed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database) -> CheckReport:
    report = CheckReport()
    with db.engine.connect() as connection:
        revision = migrate.current_revision(connection)
        head = migrate.head_revision()
        if revision == head:
            report.passed.append(f"schema is at the current revision ({head})")
        elif revision in migrate.known_revisions():
            report.problems.append(f"schema is at {revision}, not {head}: run `cs-tui db upgrade`")
        else:
            report.problems.append(
                f"schema revision {revision!r} is unknown to this version of cs-tui"
            )
        if db.backend != "sqlite":
            connection.execute(text("SELECT 1"))
            report.passed.append("the server answers")
            return report
        integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        if integrity == ["ok"]:
            report.passed.append("integrity check: ok")
        else:
            report.problems.extend(f"integrity: {line}" for line in integrity[:20])
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            report.problems.extend(
                f"broken reference: {table} row {rowid} -> {parent}"
                for table, rowid, parent, _ in broken[:20]
            )
        else:
            report.passed.append("foreign keys: ok")
    return report
