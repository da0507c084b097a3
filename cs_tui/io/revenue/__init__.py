"""Revenue files: the reason taxonomy, and opportunity and deal exports from CRMs."""
