"""Plain-text renderings shared by the CLI and the screens: health, renewals, relative dates.

Meaning is never carried by colour alone: a health cell is a number, a label and a trend glyph.
"""

from datetime import date

from cs_tui.domain.health_labels import BAND_LABELS as BAND_LABELS  # the one vocabulary
from cs_tui.domain.health_labels import band_label as band_label
from cs_tui.domain.health_labels import health_cell as health_cell
from cs_tui.domain.health_labels import trend_glyph as trend_glyph


def days_phrase(days: int) -> str:
    if days == 0:
        return "today"
    if days > 0:
        return f"in {days}d"
    return f"{-days}d ago"


def renewal_cell(renewal_on: date | None, today: date) -> str:
    if renewal_on is None:
        return "-"
    return f"{renewal_on.isoformat()} ({days_phrase((renewal_on - today).days)})"


SPARK_BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(
    values: list[float],
    width: int | None = None,
    *,
    bounds: tuple[float, float] | None = None,
) -> str:
    """Values as block characters (the last `width` values), scaled between `bounds` when given
    (a score's 0-100), else between their own min and max (a metric's shape)."""
    if width is not None:
        values = values[-width:]
    if not values:
        return ""
    low, high = bounds if bounds is not None else (min(values), max(values))
    values = [min(max(value, low), high) for value in values]
    if high == low:
        return SPARK_BLOCKS[len(SPARK_BLOCKS) // 2] * len(values)
    scale = (len(SPARK_BLOCKS) - 1) / (high - low)
    return "".join(SPARK_BLOCKS[round((v - low) * scale)] for v in values)


def metric_label(metric: str) -> str:
    return metric.replace("_", " ").capitalize()


def number(value: float) -> str:
    """`1,234`, `0.42`, `12.5`: as few decimals as the value needs (at most 2)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")
