"""Moving a team that syncs through a folder to one PostgreSQL server.

This device first runs a full sync (publishes everything and merges every teammate's file); a
folder with damaged, held or waiting files is refused before anything is copied, since the server
would miss what they hold. Then the book is copied and verified like a single file
(`move_to_postgres`), the copy leaves the team (a server database is shared by everyone who
connects, it has no device of its own) and the folder is marked as moved, naming the server but
never a password. Teammates' syncs then stop and tell them where the team went.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Table, delete, func, select

from cs_tui.data.move.to_postgres import MoveRefusedError, MoveReport, Progress, move_to_postgres
from cs_tui.data.store.database import Database, open_database, parse_url
from cs_tui.data.store.errors import InvalidInputError, StoreError
from cs_tui.data.sync import device as devices
from cs_tui.data.sync.device import DEVICE
from cs_tui.data.sync.engine import SyncReport, TeamError, TeamMovedError, sync
from cs_tui.data.sync.reads import team_status
from cs_tui.io.sync.folder import TeamFolderError
from cs_tui.io.sync.moved import FolderMoved, read_moved, write_moved
from cs_tui.models import Account

ACCOUNTS: Table = Account.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class TeamMoveReport:
    copy: MoveReport
    folder: str = ""
    moved: FolderMoved | None = None
    synced: SyncReport | None = None
    late_files: int = 0
    """Teammates' files that arrived in the folder after the sync (not on the server)."""


def joined_folder(db: Database) -> Path | None:
    """The team folder this (SQLite) book syncs through, or None."""
    if db.backend != "sqlite":
        return None
    with db.read() as session:
        device = devices.load(session.connection(), writing=False)
    return Path(device.folder) if device is not None else None


def folder_moved(db: Database) -> FolderMoved | None:
    """The move mark of the folder this book is joined to: where its team went, or None."""
    folder = joined_folder(db)
    if folder is None:
        return None
    try:
        return read_moved(folder)
    except TeamFolderError:
        return None


def _refusal(report: SyncReport) -> str:
    if report.upgrade:
        return report.upgrade
    if report.damaged:
        return f"the folder has damaged journal files ({', '.join(report.damaged[:3])})"
    if report.held_files:
        return (
            f"files are held back, their clocks ahead of this computer's "
            f"({', '.join(report.held_files[:3])})"
        )
    if report.pending:
        return f"{report.pending} records still wait for others to arrive"
    return ""


def move_team_to_postgres(
    db: Database, target_url: str, *, progress: Progress | None = None
) -> TeamMoveReport:
    """Sync, copy, verify and mark the folder as moved; a book not in a team is only copied."""
    folder = joined_folder(db)
    if folder is None:
        return TeamMoveReport(move_to_postgres(db, target_url, progress=progress))
    parsed = parse_url(target_url)  # a malformed URL is refused before the sync
    try:
        synced = sync(db)
    except TeamMovedError as error:
        raise MoveRefusedError(
            f"The team folder {folder} was already moved to {error.moved.server}; nothing was "
            "copied.",
            hint=f"Open the server instead: cs-tui config set database_url '{error.moved.url()}'",
        ) from error
    except TeamError as error:
        raise MoveRefusedError(f"The team folder cannot be synced first: {error}") from error
    problem = _refusal(synced)
    if problem:
        raise MoveRefusedError(
            f"The team folder {folder} is not fully merged: {problem}; nothing was copied.",
            hint="Fix it (`cs-tui team status` lists what waits), sync again, then move.",
        )
    copy = move_to_postgres(db, target_url, progress=progress)
    _leave_team(target_url, db)
    moved = FolderMoved(
        host=parsed.host or "localhost",
        port=int(parsed.port or 5432),
        database=parsed.database or "",
        moved_at=db.now(),
        moved_by=db.user,
        server_user=parsed.username or "",
    )
    try:
        write_moved(folder, moved)
    except (TeamFolderError, OSError) as error:
        raise TeamError(
            f"The book was copied to {copy.target}, but the folder {folder} could not be "
            f"marked as moved: {error}. Teammates keep syncing through the folder until it is.",
        ) from error
    late = team_status(db).waiting_files
    return TeamMoveReport(copy, str(folder), moved, synced, late)


def _leave_team(target_url: str, source: Database) -> None:
    """The server's copy is nobody's device: it records no ops for a folder."""
    target = open_database(target_url, user=source.user, clock=source.clock)
    try:
        with target.write_connection() as connection:
            if connection.execute(select(DEVICE)).first() is not None:
                connection.execute(delete(DEVICE))
    finally:
        target.close()


def server_url(moved: FolderMoved, *, user: str = "", password: str = "", url: str = "") -> str:
    """The URL a teammate connects with: a full URL as given, else the moved-to server's for
    `user` (and `password`; without one psycopg reads PGPASSWORD or ~/.pgpass)."""
    if url.strip():
        parsed = parse_url(url.strip())
        if parsed.get_backend_name() != "postgresql":
            raise InvalidInputError(
                f"URL: {parsed.render_as_string(hide_password=True)} is not a PostgreSQL URL",
                field="url",
                hint=f"Give a URL such as {moved.url(user or 'me')}",
            )
        return parsed.render_as_string(hide_password=False)
    if not user.strip():
        raise InvalidInputError(
            "User: give your user name on the server (or a full URL)", field="user"
        )
    return moved.url(user.strip(), password)


def open_server(url: str, source: Database) -> Database:
    """The server's book opened for this user; a server that cannot be reached, a wrong password
    or a database without the team's book raise a StoreError saying which."""
    target = open_database(url, user=source.user, clock=source.clock)
    if target.read_only:
        notice = target.notice
        target.close()
        raise StoreError(f"{target.display_url} opens read-only: {notice}")
    with target.read() as session:
        accounts = session.connection().execute(select(func.count()).select_from(ACCOUNTS))
        if not accounts.scalar_one():
            target.close()
            raise StoreError(
                f"{target.display_url} holds no book: is it the database the team moved to?"
            )
    return target
