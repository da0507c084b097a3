"""Book metrics: periods, ARR at a date, the cohort's retention, renewals, voice and coverage."""
