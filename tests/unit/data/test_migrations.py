"""The shipped migrations build exactly the schema the models describe, and undo it cleanly."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

import cs_tui.models  # noqa: F401
from cs_tui.data.store import migrate
from cs_tui.data.store.database import Database
from cs_tui.data.store.sqlite_probe import VERSION_TABLE


def test_head_is_what_the_store_reports(db: Database) -> None:
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()


def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "version_table": VERSION_TABLE}
        )
        differences = [
            d
            for d in compare_metadata(context, SQLModel.metadata)
            if not (d[0] in {"add_index", "remove_index"} and d[1].name == "ix_account_name_lower")
        ]
    assert differences == []


def test_down_to_empty_and_back_up(db: Database) -> None:
    every_table = set(SQLModel.metadata.tables)
    migrate.downgrade(db.engine, "base")
    with db.engine.connect() as connection:
        assert migrate.table_names(connection) & every_table == set()
    migrate.upgrade(db.engine)
    with db.engine.connect() as connection:
        assert every_table <= migrate.table_names(connection)
        assert migrate.current_revision(connection) == migrate.head_revision()


def test_the_launch_path_knows_the_head_revision() -> None:
    from cs_tui.data.store.schema_head import HEAD_REVISION

    assert migrate.head_revision() == HEAD_REVISION
