"""Opening the store (SQLite or PostgreSQL), migrations, backups, audit stamps, ids, bulk inserts
and the errors every data function reports."""
