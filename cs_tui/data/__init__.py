"""The store: engine and sessions, migrations on open, and the queries and writes the app makes.

Every write goes through this package, so that audit stamps (and later team sync) are captured in one
place. Lists and aggregates return tuples or read-models, never one ORM object per row.
"""
