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
