"""The benchmark suite: `python -m bench` (`make bench`), `--quick` for a small book.

See `bench/registry.py` for what a benchmark is and how to add one. Importing this package must stay
cheap: `python -m bench.trivial_app` is the baseline of the cold start.
"""
