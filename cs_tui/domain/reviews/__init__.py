"""The internal quarterly book review: its template, its read-model and the rules of its actions."""
