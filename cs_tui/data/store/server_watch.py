"""Is the database server there? The app asks every few seconds while it runs on PostgreSQL.

A connection the server dropped is replaced by the pool's ping, so this only reports a problem
when no new connection can be made either (the server down, the network cut, connections
refused); the store's own error says which, for the banner the app shows until it passes.
"""

from sqlalchemy.exc import DBAPIError

from cs_tui.data.store.database import Database, connection_hint
from cs_tui.data.store.errors import ConnectionLostError, StoreError

CHECK_SECONDS = 5.0


def connection_problem(db: Database) -> StoreError | None:
    """None when the server answers; else what is wrong, as the store reports it."""
    if db.backend == "sqlite":
        return None
    try:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except StoreError as error:
        return error
    except DBAPIError as error:
        first_line = (str(error.orig).strip().splitlines() or [""])[0] if error.orig else ""
        cause = first_line.removeprefix("connection failed: ") or "the server does not answer"
        return ConnectionLostError(
            f"Cannot reach {db.display_url}: {cause}",
            target=db.display_url,
            cause=cause,
            hint=connection_hint(error.orig),
        )
    return None
