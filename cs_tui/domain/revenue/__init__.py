"""Revenue and renewals: kinds as people name them, the reason taxonomy, an event's effect on the
account's ARR, stage and contract, reporting periods and the ARR-at-risk rule. Pure: no I/O, no clock."""
