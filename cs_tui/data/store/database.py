"""Opening the store: SQLite (the embedded default) or PostgreSQL, migrated on open after a backup.

A database written by a newer cs-tui opens read-only with a notice saying so; a file or database that is
not ours is refused and never touched.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import sessionmaker
from sqlmodel import Session

from cs_tui.config import normalise_database_url
from cs_tui.data.store import audit, migrate
from cs_tui.data.store.backup import backup_sqlite
from cs_tui.data.store.errors import (
    DatabaseUnavailableError,
    ForeignDatabaseError,
    ReadOnlyError,
    StorageError,
)
from cs_tui.data.store.failures import install_failure_mapping
from cs_tui.data.store.file_guard import FileGuard
from cs_tui.data.store.sqlite_engine import (
    SQLITE_BUSY_TIMEOUT_MS,
    WRITE_OPTION,
    is_write,
    sqlite_engine,
)
from cs_tui.data.store.sqlite_file import create_database_file, refuse_synced_folder, write_refusal
from cs_tui.data.store.sqlite_probe import VERSION_TABLE, FileState, Probe, probe_sqlite_file
from cs_tui.data.sync import capture

Clock = Callable[[], datetime]
__all__ = ["SQLITE_BUSY_TIMEOUT_MS", "Clock", "Database", "open_database", "parse_url"]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class Database:
    """An open store and who is using it; every read and write goes through its sessions."""

    url: URL
    engine: Engine
    user: str
    clock: Clock = system_clock
    read_only: bool = False
    notice: str = ""
    guard: FileGuard | None = None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        writer = self.engine.execution_options(**{WRITE_OPTION: True})
        info = {"user": self.user, "clock": self.clock}
        self._sessions = sessionmaker(
            bind=writer, class_=Session, expire_on_commit=False, info=info
        )

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @property
    def sqlite_path(self) -> Path | None:
        return Path(self.url.database) if self.backend == "sqlite" and self.url.database else None

    @property
    def display_url(self) -> str:
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """The user's calendar date: due dates and cadences are counted in local days."""
        return self.clock().astimezone().date()

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, info=dict(self._sessions.kw["info"])) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose changes commit together at the end of the block, or not at all."""
        self._refuse_if_read_only()
        if self.guard is not None:
            self.guard.check()
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A Core connection in one write transaction, for bulk paths (import, rescoring, demo)."""
        self._refuse_if_read_only()
        if self.guard is not None:
            self.guard.check()
        with self.engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
            connection.info.update(user=self.user, clock=self.clock)
            yield connection

    def close(self) -> None:
        self.engine.dispose()
        if self.guard is not None:
            self.guard.close()

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            raise ReadOnlyError(
                f"{self.display_url} is open read-only; nothing was changed.",
                hint=self.notice,
            )


def parse_url(value: str) -> URL:
    """A user's path or URL as an SQLAlchemy URL."""
    try:
        return make_url(normalise_database_url(value))
    except ArgumentError as error:
        raise DatabaseUnavailableError(
            f"{value!r} is not a database path or URL",
            hint="Give a file path, or a URL such as postgresql+psycopg://user@host/dbname",
        ) from error


def open_database(
    url: str,
    *,
    user: str,
    clock: Clock = system_clock,
    migrate_schema: bool = True,
) -> Database:
    parsed = parse_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _open_sqlite(parsed, user=user, clock=clock, migrate_schema=migrate_schema)
    if backend == "postgresql":
        return _open_postgres(parsed, user=user, clock=clock, migrate_schema=migrate_schema)
    raise DatabaseUnavailableError(
        f"{parsed.render_as_string(hide_password=True)}: cs-tui stores its data in SQLite or "
        "PostgreSQL, not {backend}",
        hint="Use a file path, or a postgresql+psycopg:// URL",
    )


def _open_sqlite(url: URL, *, user: str, clock: Clock, migrate_schema: bool) -> Database:
    if not url.database or url.database == ":memory:":
        raise DatabaseUnavailableError("an in-memory database keeps nothing; give a file path")
    path = Path(url.database).expanduser().resolve()
    url = url.set(database=str(path))
    refuse_synced_folder(path)
    probe = probe_sqlite_file(path)
    _refuse_unusable(path, probe)
    head = migrate.head_revision()
    if probe.state is FileState.OURS:
        newer = probe.revision is not None and probe.revision not in migrate.known_revisions()
        refusal = write_refusal(path)
        if newer or refusal:
            if refusal and not newer and migrate_schema and probe.revision != head:
                raise DatabaseUnavailableError(
                    f"{path} needs a schema upgrade to open, but {refusal}.",
                    hint="Make the file and its folder writable, then open it again.",
                )
            return _open_read_only(url, path, user, clock, probe.revision, refusal)
        if migrate_schema and probe.revision != head:
            backup_sqlite(path)
    elif probe.state is FileState.MISSING:
        if not path.exists():
            create_database_file(path)
        elif refusal := write_refusal(path):
            raise DatabaseUnavailableError(f"Cannot create a database in {path}: {refusal}.")
    engine = sqlite_engine(path, read_only=False)
    if migrate_schema and probe.revision != head:
        _guarded_upgrade(engine, url)
    guard = FileGuard(path, busy_timeout_ms=SQLITE_BUSY_TIMEOUT_MS)
    return Database(url, engine, user, clock, guard=guard)


def _refuse_unusable(path: Path, probe: Probe) -> None:
    """A file that is not ours, damaged, or cannot be read now: a message, and it is left alone."""
    if probe.state is FileState.NOT_SQLITE:
        raise ForeignDatabaseError(
            f"{path} is not a cs-tui database ({probe.detail}); it was left untouched.",
            hint="Choose another file with --db, or move this one out of the way.",
        )
    if probe.state is FileState.FOREIGN:
        raise ForeignDatabaseError(
            f"{path} is an SQLite database of another application ({probe.detail}); "
            "it was left untouched.",
            hint="Choose another file with --db.",
        )
    if probe.state is FileState.CORRUPT:
        raise DatabaseUnavailableError(
            f"{path} is damaged: {probe.detail}.",
            hint="Restore a backup (`cs-tui locate backups` shows the backups folder) or use "
            "another file with --db.",
        )
    if probe.state is FileState.UNREADABLE:
        raise DatabaseUnavailableError(
            f"{path} cannot be opened: {probe.detail}.",
            hint="Check the file's and its folder's permissions, and that no other program holds "
            "it locked; the file was left untouched.",
        )


def _open_read_only(
    url: URL, path: Path, user: str, clock: Clock, revision: str | None, refusal: str
) -> Database:
    if refusal:
        notice = (
            f"{path} cannot be changed: {refusal}. It is open read-only: you can look, not "
            "change. Make the file and its folder writable, then restart cs-tui to edit it."
        )
    else:
        notice = (
            f"This database was written by a newer version of cs-tui (schema "
            f"{revision}); it is open read-only. Upgrade cs-tui to change it."
        )
    engine = sqlite_engine(path, read_only=True)
    return Database(url, engine, user, clock, read_only=True, notice=notice)


def _open_postgres(url: URL, *, user: str, clock: Clock, migrate_schema: bool) -> Database:
    shown = url.render_as_string(hide_password=True)
    try:
        engine = create_engine(url, pool_pre_ping=True)
        with engine.connect() as connection:
            tables = migrate.table_names(connection)
            revision = migrate.current_revision(connection) if VERSION_TABLE in tables else None
    except (NoSuchModuleError, ModuleNotFoundError) as error:
        raise DatabaseUnavailableError(
            f"{shown}: the PostgreSQL driver is not installed",
            hint="Install cs-tui with the extra: pip install 'cs-tui[postgres]'",
        ) from error
    except DBAPIError as error:
        first_line = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseUnavailableError(
            f"cannot connect to {shown}: {first_line}",
            hint="Check the host, port, database name and credentials in the URL.",
        ) from error
    if tables and VERSION_TABLE not in tables:
        engine.dispose()
        raise ForeignDatabaseError(
            f"{shown} already holds tables of another application; it was left untouched.",
            hint="Create an empty database for cs-tui and point --db at it.",
        )
    if revision is not None and revision not in migrate.known_revisions():
        engine.dispose()
        readonly = create_engine(
            url, pool_pre_ping=True, connect_args={"options": "-c default_transaction_read_only=on"}
        )
        notice = (
            f"This database was written by a newer version of cs-tui (schema {revision}); it is "
            "open read-only. Upgrade cs-tui to change it."
        )
        install_failure_mapping(readonly, shown, writing=is_write)
        return Database(url, readonly, user, clock, read_only=True, notice=notice)
    install_failure_mapping(engine, shown, writing=is_write)
    if migrate_schema and revision != migrate.head_revision():
        _guarded_upgrade(engine, url)
    return Database(url, engine, user, clock)


def _guarded_upgrade(engine: Engine, url: URL) -> None:
    try:
        migrate.upgrade(engine)
    except (DBAPIError, StorageError) as error:
        cause = error.orig if isinstance(error, DBAPIError) else error.cause
        raise DatabaseUnavailableError(
            f"{url.render_as_string(hide_password=True)}: the schema upgrade failed and was "
            f"rolled back: {cause}",
            hint=error.hint if isinstance(error, StorageError) else "",
        ) from error


audit.install()
capture.install()
