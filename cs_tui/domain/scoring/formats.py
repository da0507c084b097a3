"""Raw measure values as people read them: `82%`, `+12%`, `3 open`, `18 days`, `4/5`."""

from cs_tui.domain.scoring.catalogue import Unit

NO_DATA = "no data"


def _trimmed(value: float, decimals: int) -> str:
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def shown(unit: Unit | str, raw: float | None) -> str:
    if raw is None:
        return NO_DATA
    if unit == Unit.RATIO:
        return f"{raw * 100:.0f}%"
    if unit == Unit.PERCENT:
        return f"{raw:.0f}%"
    if unit == Unit.PERCENT_CHANGE:
        return f"{raw:+.0f}%"
    if unit == Unit.HOURS:
        return f"{_trimmed(raw, 1)} h"
    if unit == Unit.DAYS:
        return f"{raw:.0f} day" if round(raw) == 1 else f"{raw:.0f} days"
    if unit == Unit.NPS:
        return f"{raw:+.0f}"
    if unit == Unit.PULSE:
        return f"{raw:.0f}/5"
    return _trimmed(raw, 2)
