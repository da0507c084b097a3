"""Rules of success plans: progress, templates, plan coverage and the plan read-models."""
