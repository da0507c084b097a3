"""The kinds of revenue event as people name them, and the stored kind each one means.

`--kind new|renewal|expansion|contraction|churn`; an expansion is an upsell or a cross-sell
(`--type`), a contraction a downsell. `upsell`, `cross-sell` and `downsell` are accepted directly.
"""

from cs_tui.domain.enums import EXPANSION_KINDS, RevenueKind

KIND_NAMES = ("new", "renewal", "expansion", "contraction", "churn")
EXPANSION_TYPES = ("upsell", "cross_sell")
ALIASES: dict[str, RevenueKind] = {
    "new": RevenueKind.NEW,
    "new_business": RevenueKind.NEW,
    "renewal": RevenueKind.RENEWAL,
    "upsell": RevenueKind.UPSELL,
    "cross_sell": RevenueKind.CROSS_SELL,
    "crosssell": RevenueKind.CROSS_SELL,
    "contraction": RevenueKind.DOWNSELL,
    "downsell": RevenueKind.DOWNSELL,
    "churn": RevenueKind.CHURN,
}
ACCEPTED = (*KIND_NAMES, "upsell", "cross-sell", "downsell")


class KindError(ValueError):
    """A kind or type that is not one of the known names; the message lists them."""


def _word(text: str) -> str:
    return text.strip().casefold().replace("-", "_").replace(" ", "_")


def parse_kind(kind: str, expansion_type: str | None = None) -> RevenueKind:
    """The stored kind for `--kind` (and, for an expansion, `--type`; upsell by default)."""
    word = _word(kind)
    if word == "expansion":
        chosen = _word(expansion_type) if expansion_type else "upsell"
        if chosen not in EXPANSION_TYPES:
            raise KindError(
                f"--type {expansion_type!r} is not an expansion type (use upsell or cross_sell)"
            )
        return RevenueKind(chosen)
    found = ALIASES.get(word)
    if found is None:
        raise KindError(f"--kind {kind!r} is not a kind (use one of {', '.join(ACCEPTED)})")
    if expansion_type is not None and found not in EXPANSION_KINDS:
        raise KindError(f"--type only goes with --kind expansion, not {kind!r}")
    return found


def kind_name(kind: RevenueKind) -> str:
    """The name people use: expansion, contraction, or the kind itself."""
    if kind in EXPANSION_KINDS:
        return "expansion"
    if kind is RevenueKind.DOWNSELL:
        return "contraction"
    return kind.value


def kind_label(kind: RevenueKind) -> str:
    """ "expansion (cross-sell)", "contraction", "churn": for lists."""
    if kind in EXPANSION_KINDS:
        return f"expansion ({kind.value.replace('_', '-')})"
    return kind_name(kind)
