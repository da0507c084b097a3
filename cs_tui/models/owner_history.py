"""Who owned an account when: a row each time an account's owner changes."""

import uuid
from datetime import date

from sqlalchemy import Index
from sqlmodel import Field

from cs_tui.models.base import Tracked


class AccountOwnerChange(Tracked, table=True):
    """From `changed_on` the account belongs to `owner`; before, it belonged to `previous_owner`."""

    __tablename__ = "account_owner_change"
    __table_args__ = (Index("ix_owner_change_account_date", "account_id", "changed_on"),)

    account_id: uuid.UUID = Field(foreign_key="account.id")
    changed_on: date
    owner: str = Field(default="", max_length=120)
    previous_owner: str = Field(default="", max_length=120)
