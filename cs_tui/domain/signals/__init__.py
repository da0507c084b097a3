"""Rules for the signals customers' systems send: what a metric's value may be."""
