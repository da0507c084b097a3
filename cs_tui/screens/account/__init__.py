"""Account 360: the account's facts, health, plan, timeline, follow-ups, stakeholders and metrics."""
