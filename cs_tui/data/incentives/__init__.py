"""Incentive plans in the store: each owner's metric inputs for a period, closing a period, payouts."""
