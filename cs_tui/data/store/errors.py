"""Errors the store reports to users: each says what is wrong and, where it can, what to do."""


class StoreError(Exception):
    """A problem with the database that a user can act on."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class DatabaseUnavailableError(StoreError):
    """The database cannot be opened: a bad URL, an unreachable server, a corrupt file."""


class ForeignDatabaseError(StoreError):
    """The file or database exists but does not belong to cs-tui; it is never touched."""


class ReadOnlyError(StoreError):
    """A write was attempted on a database opened read-only (e.g. written by a newer cs-tui)."""


class NotFoundError(StoreError):
    """A record named by the user does not exist."""


class AmbiguousReferenceError(StoreError):
    """A name matches several records; the message lists them."""


class InvalidInputError(StoreError):
    """A value given by the user breaks a rule; `field` names it and nothing was saved."""

    def __init__(self, message: str, *, field: str = "", hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.field = field


class SyncedFolderError(DatabaseUnavailableError):
    """The database file lies in a folder a sync service manages; it is not opened there."""


class StorageError(StoreError):
    """The file or server could not do what was asked (full disk, read-only file, I/O error...).

    `target` is the file (or server) and `cause` the reason in a few words ("the disk is full");
    whatever was being written was rolled back.
    """

    def __init__(self, message: str, *, target: str, cause: str, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.target = target
        self.cause = cause


class DiskFullError(StorageError):
    """The disk (or the server's) is full."""


class ReadOnlyStorageError(StorageError):
    """The file, its folder or the server refuses writes."""


class AccessDeniedError(StorageError):
    """The operating system or the server denied access to the file or database."""


class StorageIOError(StorageError):
    """The disk reported an input/output error, or the file cannot be opened."""


class DatabaseBusyError(StorageError):
    """Another program kept the database locked for longer than cs-tui waits."""


class DatabaseDamagedError(StorageError):
    """SQLite (or the server) reports the data itself as damaged."""


class ConnectionLostError(StorageError):
    """The connection to the database server was lost."""


class DatabaseFileChangedError(StorageError):
    """The database file was moved, replaced or deleted while open; writing stops until restart."""


class RecordChangedError(StoreError):
    """A shared record was changed by someone else since it was read; nothing was saved.

    `record` names it (e.g. "account Acme"); `changes` lists, per field this write changed, the
    value it was read with and the value stored now (field, read, now). The account and
    stakeholder forms raise a richer subclass (`EditConflictError`) that also holds what the user
    typed, to show both values.
    """

    def __init__(
        self,
        message: str,
        *,
        record: str = "",
        changes: tuple[tuple[str, object, object], ...] = (),
        hint: str = "",
    ) -> None:
        super().__init__(message, hint=hint)
        self.record = record
        self.changes = changes
