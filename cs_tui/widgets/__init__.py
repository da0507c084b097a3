"""Reusable widgets: the lazy table and the account panels."""
