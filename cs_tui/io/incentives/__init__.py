"""The incentive plan file: which one is in force, read and validated."""
