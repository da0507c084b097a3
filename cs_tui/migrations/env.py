"""Alembic environment: migrations always run on a connection handed over by `cs_tui.data.store.migrate`."""

from typing import Any, Literal

import sqlalchemy as sa
from alembic import context
from sqlmodel import SQLModel

import cs_tui.models  # noqa: F401  (registers every table on SQLModel.metadata)
from cs_tui.models.base import UTCDateTime

config = context.config
target_metadata = SQLModel.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> str | Literal[False]:
    """Render our column types as plain SQLAlchemy ones so migrations never import model code."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("cs-tui migrations run through `cs-tui db upgrade`")
        connection = sa.create_engine(url).connect()
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        render_item=render_item,
        version_table=config.attributes.get("version_table", "cs_tui_schema_version"),
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
