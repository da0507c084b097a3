"""Filling the customer QBR pack from the store: one account, one quarter."""
