"""The store: one package per capability (accounts, scoring, plans, work, signals) over `store/`.

Every write goes through this package, so that audit stamps (and team sync) are captured in one
place. Lists and aggregates return tuples or read-models, never one ORM object per row.
"""
