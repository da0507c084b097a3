"""The team folder on disk: its format file and each device's append-only journal files."""
