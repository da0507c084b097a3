"""Which tables a team shares field by field, and which each device recomputes or keeps to itself.

Adding a user-data table to team sync is one line in SYNCED_TABLES; a test fails while a table is in
neither list.
"""

SYNCED_TABLES: tuple[str, ...] = (
    "account",
    "stakeholder",
    "success_plan",
    "plan_objective",
    "plan_milestone",
    "check_in",
    "follow_up",
    "sentiment_entry",
    "score_override",
    "metric_sample",
    "survey_response",
    "revenue_event",
    "renewal_forecast",
    "account_owner_change",
    "book_review",
    "review_action",
    "incentive_period",
    "incentive_input",
)
"""Parents before children: rows are written in this order when they arrive together."""

DERIVED_TABLES: tuple[str, ...] = (
    "account_summary",  # the list's cache, rebuilt from the synced rows
    "health_snapshot",  # scores, recomputed on each device
    "sync_device",
    "sync_op",
    "sync_segment",
    "sync_conflict",
    "sync_pending",
)
"""Recomputed on every device, or the sync bookkeeping of this device alone: never synced."""

ROW_KEY = "id"
"""Synced rows are addressed by their UUID primary key; it is never a field of its own."""

AUDIT_FIELDS: frozenset[str] = frozenset({"created_at", "updated_at", "updated_by"})
"""Stamped on every write: merged like any field, but two people's stamps are never a conflict."""
