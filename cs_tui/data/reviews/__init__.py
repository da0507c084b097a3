"""The internal quarterly book review in the store: preparing, reading, editing, its actions."""
