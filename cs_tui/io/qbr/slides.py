"""The QBR pack as a PowerPoint deck through python-pptx (the `reports` extra).

Slides: title, the quarter in numbers, the health trend (a native line chart), objectives, milestones,
voice and revenue, risks with wins and misses, and next quarter's plan.
"""

import io
from collections.abc import Sequence
from typing import Any

from cs_tui.domain.qbr.pack import QbrPack
from cs_tui.io.plan_export import day, label, number, percent
from cs_tui.io.qbr.render import (
    ReportsExtraMissing,
    kind,
    money,
    nps_text,
    responses,
    score,
    sentence,
    signed_points,
)

MAX_BULLETS = 12


def _bullets(slide: Any, lines: Sequence[str], *, empty: str) -> None:
    body = slide.placeholders[1].text_frame
    shown = list(lines[:MAX_BULLETS]) or [empty]
    if len(lines) > MAX_BULLETS:
        shown.append(f"... and {len(lines) - MAX_BULLETS} more")
    body.text = shown[0]
    for line in shown[1:]:
        body.add_paragraph().text = line


def _table(slide: Any, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_table(
        len(rows) + 1,
        len(header),
        Inches(0.5),
        Inches(1.5),
        Inches(9),
        Inches(0.4 * (len(rows) + 1)),
    )
    table = shape.table
    for c, text in enumerate(header):
        table.cell(0, c).text = text
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for cell in table.iter_cells():
        for paragraph in cell.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(12)


def render_pptx(pack: QbrPack) -> bytes:
    try:
        from pptx import Presentation
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE
        from pptx.util import Inches
    except ImportError as error:
        raise ReportsExtraMissing("pptx", "python-pptx") from error

    deck = Presentation()
    title_layout, bullets_layout, title_only = (
        deck.slide_layouts[0],
        deck.slide_layouts[1],
        deck.slide_layouts[5],
    )

    slide = deck.slides.add_slide(title_layout)
    slide.shapes.title.text = f"{pack.account_name}: quarterly business review"
    csm = f" · your CSM: {pack.owner}" if pack.owner else ""
    slide.placeholders[
        1
    ].text = f"{pack.period} ({day(pack.period_start)} to {day(pack.period_end)}){csm}"

    slide = deck.slides.add_slide(bullets_layout)
    slide.shapes.title.text = f"{pack.period} in numbers"
    band = f" ({label(pack.health.band)})" if pack.health.band else ""
    _bullets(
        slide,
        [
            f"Health {score(pack.health.end)}{band}, {signed_points(pack.health.delta)} points",
            f"NPS {nps_text(pack.voice.nps)} ({responses(pack.voice.nps_responses)}), "
            f"CSAT {percent(pack.voice.csat)} ({responses(pack.voice.csat_responses)})",
            f"{len(pack.touches)} customer touches",
            sentence(pack),
        ],
        empty="",
    )

    slide = deck.slides.add_slide(title_only)
    slide.shapes.title.text = "Health trend"
    scored = [p for p in pack.health.points if p.score is not None]
    if scored:
        data = CategoryChartData()  # type: ignore[no-untyped-call]
        data.categories = [p.day.isoformat() for p in scored]
        data.add_series("Health score", [p.score for p in scored])  # type: ignore[no-untyped-call]
        chart = slide.shapes.add_chart(
            XL_CHART_TYPE.LINE_MARKERS, Inches(0.5), Inches(1.5), Inches(9), Inches(5), data
        ).chart
        chart.has_legend = False
        chart.value_axis.minimum_scale, chart.value_axis.maximum_scale = 0, 100
    else:
        box = slide.shapes.add_textbox(Inches(0.5), Inches(2), Inches(9), Inches(1))
        box.text_frame.text = "No health snapshots this quarter"

    slide = deck.slides.add_slide(title_only)
    slide.shapes.title.text = "Objectives"
    if pack.objectives:
        _table(
            slide,
            ("Objective", "Baseline", "Target", "Now", "Progress", "Status"),
            [
                (o.title, number(o.baseline, o.unit), number(o.target, o.unit),
                 number(o.current, o.unit), percent(o.progress), label(o.status))
                for o in pack.objectives[:MAX_BULLETS]
            ],
        )  # fmt: skip
    else:
        box = slide.shapes.add_textbox(Inches(0.5), Inches(2), Inches(9), Inches(1))
        box.text_frame.text = "No success plan objectives yet"

    slide = deck.slides.add_slide(bullets_layout)
    slide.shapes.title.text = "Milestones"
    _bullets(
        slide,
        [
            f"Done: {m.title} ({m.owner or 'unassigned'}, {day(m.completed_on)})"
            for m in pack.milestones_done
        ]
        + [
            f"Due: {m.title} ({m.owner or 'unassigned'}, {day(m.due_on)})"
            for m in pack.milestones_due
        ],
        empty="No milestones this quarter",
    )

    slide = deck.slides.add_slide(bullets_layout)
    slide.shapes.title.text = "Touches, voice and revenue"
    _bullets(
        slide,
        [f"{day(t.day)} {kind(t.kind)}: {t.summary}" for t in pack.highlights]
        + [f"{day(r.day)} {kind(r.kind)} {r.score}" + (f": {r.comment}" if r.comment else "")
           for r in pack.voice.responses[:4]]
        + [f"{day(x.day)} {kind(x.kind)} {money(x.amount_minor, x.currency)}" for x in pack.revenue],
        empty="No touches, responses or revenue events this quarter",
    )  # fmt: skip

    slide = deck.slides.add_slide(bullets_layout)
    slide.shapes.title.text = "Wins, misses and risks"
    _bullets(
        slide,
        [f"Win: {w}" for w in pack.wins]
        + [f"Miss: {m}" for m in pack.misses]
        + [f"Risk: {r}" for r in pack.risks],
        empty="Nothing to report",
    )

    slide = deck.slides.add_slide(bullets_layout)
    slide.shapes.title.text = f"Plan for {pack.next_period}"
    _bullets(
        slide,
        [f"{m.title} ({m.owner or 'unassigned'})" + (f", due {day(m.due_on)}" if m.due_on else "")
         for m in pack.next_milestones]
        + [f"{f.title} ({f.owner or 'unassigned'})" + (f", due {day(f.due_on)}" if f.due_on else "")
           for f in pack.next_follow_ups],
        empty="To be agreed together",
    )  # fmt: skip

    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
