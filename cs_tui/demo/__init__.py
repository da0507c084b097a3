"""`cs-tui demo`: a realistic, deterministic book of accounts with a year of history.

The same seed and date give the same book, ids included, so screenshots, tests and benchmarks can
rely on it. Importing this package is cheap: the writer (and SQLAlchemy) load on first use, so the
process that draws a large book in the background does not pay for them.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cs_tui.demo.write import DemoBookError, DemoSummary, write_demo_book

__all__ = ["DemoBookError", "DemoSummary", "write_demo_book"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from cs_tui.demo import write

        return getattr(write, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
