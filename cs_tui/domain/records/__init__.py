"""Rules for records a user edits by hand: which fields a save writes, and which it must not."""
