"""Daily work in the store: check-ins, follow-ups, the Today queue and the account timeline."""
