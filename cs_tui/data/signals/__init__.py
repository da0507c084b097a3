"""Usage and support signals: metric feeds loaded into the book."""
