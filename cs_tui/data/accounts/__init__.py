"""Accounts and stakeholders: the list rows, the detail, edits, imports and exports, the summary
cache, and the one path every user action on an account takes (`changes.account_write`)."""

from cs_tui.data.accounts import owner_history

owner_history.install()  # every ORM write that changes an owner keeps the owner history
