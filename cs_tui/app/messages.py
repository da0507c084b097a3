"""Messages the app's parts send each other, named after what happened."""

from dataclasses import dataclass

from textual.message import Message


@dataclass
class StoreOpened(Message):
    """The database is open (maybe read-only, with a notice)."""

    read_only: bool
    notice: str


@dataclass
class StoreFailed(Message):
    """The database could not be opened; the message says what and what to do."""

    message: str
    hint: str


@dataclass
class AccountChosen(Message):
    """The user asked to open an account."""

    account_id: str


@dataclass
class BookChanged(Message):
    """Stored data changed (empty `account_ids`: possibly every account); views reload."""

    account_ids: tuple[str, ...] = ()
