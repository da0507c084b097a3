"""Quarterly business reviews: quarters, the customer QBR pack's read-model and its pure rules."""
