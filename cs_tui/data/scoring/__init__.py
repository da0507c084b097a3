"""Health scores in the store: gathering signals, rescoring, snapshots, the explained panel,
sentiment and overrides."""
