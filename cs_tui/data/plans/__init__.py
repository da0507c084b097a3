"""Success plans in the store: the plan, its objectives and milestones, templates and the panel's
reads and writes."""
