"""Pure business rules: scoring, book metrics, cadence, plans. No I/O, no clock, no UI, no SQL."""
