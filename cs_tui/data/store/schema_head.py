"""The schema revision this version writes, known without importing Alembic (tests keep it in step)."""

HEAD_REVISION = "0075"
