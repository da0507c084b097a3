"""Reading what the book metrics need, in a few set-based queries, and computing them."""
