"""Moving a book to a PostgreSQL server: one transaction, verified table by table."""
