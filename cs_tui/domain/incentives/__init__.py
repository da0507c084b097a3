"""Incentive plans: a CS team's variable pay from the book's own numbers. Pure: no I/O, no clock.

- `catalogue`: the metrics a plan can name, their category (process/result) and direction.
- `plan` / `parse`: the plan (mix, performance and commission components, per-CSM terms), validated
  from TOML data with every bad field named.
- `periods`: months, quarters and years as the plan pays them (`2026-Q2`, `2026-06`, `2026`).
- `payout`: attainment (`ratio`, `band`), the payout curve, marginal commission tiers with a cap,
  proration for part periods.
- `calc`: one CSM's payout for a period from the metric actuals, line by line.
"""
