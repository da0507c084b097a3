"""Team sync on the store: capturing every write as field ops, publishing, merging, reading history."""
