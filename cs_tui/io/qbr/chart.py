"""The quarter's health trend as a small inline SVG line chart (no script, no external file)."""

from xml.sax.saxutils import escape

from cs_tui.domain.qbr.pack import HealthTrend

BAND_COLOURS = {"red": "#d64545", "yellow": "#f0b429", "green": "#3ebd93"}
WIDTH, HEIGHT, PAD = 560, 180, 28


def health_svg(trend: HealthTrend, *, width: int = WIDTH, height: int = HEIGHT) -> str:
    """A 0-100 chart of the scored snapshots, dots coloured by band, with the red/green cut-offs."""
    scored = [p for p in trend.points if p.score is not None]
    inner_w, inner_h = width - 2 * PAD, height - 2 * PAD

    def y(score: float) -> float:
        return PAD + inner_h * (1 - score / 100)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Health score over the quarter">',
        f'<rect x="{PAD}" y="{PAD}" width="{inner_w}" height="{inner_h}" fill="#f5f7fa"/>',
    ]
    for score, label in ((50, "50"), (75, "75"), (100, "100"), (0, "0")):
        parts.append(
            f'<line x1="{PAD}" x2="{width - PAD}" y1="{y(score):.1f}" y2="{y(score):.1f}" '
            f'stroke="#d9e2ec" stroke-width="1"/>'
            f'<text x="{PAD - 4}" y="{y(score) + 4:.1f}" font-size="10" text-anchor="end" '
            f'fill="#7b8794">{label}</text>'
        )
    if not scored:
        parts.append(
            f'<text x="{width / 2:.0f}" y="{height / 2:.0f}" font-size="13" text-anchor="middle" '
            f'fill="#7b8794">No health snapshots this quarter</text></svg>'
        )
        return "".join(parts)
    first, last = scored[0].day, scored[-1].day
    span = max((last - first).days, 1)

    def x(index: int) -> float:
        if len(scored) == 1:
            return PAD + inner_w / 2
        return PAD + inner_w * (scored[index].day - first).days / span

    points = " ".join(f"{x(i):.1f},{y(p.score or 0):.1f}" for i, p in enumerate(scored))
    parts.append(f'<polyline points="{points}" fill="none" stroke="#2680c2" stroke-width="2"/>')
    for i, p in enumerate(scored):
        colour = BAND_COLOURS.get(p.band, "#9aa5b1")
        title = escape(f"{p.day.isoformat()}: {p.score:.0f} ({p.band})")
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(p.score or 0):.1f}" r="3.5" fill="{colour}">'
            f"<title>{title}</title></circle>"
        )
    parts.append(
        f'<text x="{PAD}" y="{height - 8}" font-size="10" fill="#7b8794">{first.isoformat()}</text>'
        f'<text x="{width - PAD}" y="{height - 8}" font-size="10" text-anchor="end" '
        f'fill="#7b8794">{last.isoformat()}</text></svg>'
    )
    return "".join(parts)
