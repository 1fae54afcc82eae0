"""Bar charts of reported figures, drawn as inline SVG at build time (no JavaScript, no CDN).

One chart per subject (the Global Soil Doctors programme, the NETSOB survey...): figures about the
same thing are compared on one scale; each bar says its value, unit and when it held.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import pyoxigraph as ox

from soilkg.namespaces import SKG
from soilkg.sitegen.graph import SiteGraph
from soilkg.sitegen.render import Renderer
from soilkg.sitegen.resource import figure_row
from soilkg.textfmt import format_number

BAR_HEIGHT = 28
GAP = 14
LABEL_WIDTH = 330
CHART_WIDTH = 800


@dataclass
class Chart:
    title: str
    anchor: str
    svg: str
    rows: list[dict[str, str]]


def _number(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> float | None:
    if not isinstance(term, ox.Literal):
        return None
    try:
        return float(term.value)
    except ValueError:
        return None


def bar_svg(title: str, bars: list[tuple[str, float, str]]) -> str:
    """Horizontal bars: (label, value, caption); accessible name and a <title> per bar."""
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    top = max(v for _, v, _ in bars) or 1.0
    plot = CHART_WIDTH - LABEL_WIDTH - 170
    parts = [f'<svg class="skg-bars" viewBox="0 0 {CHART_WIDTH} {height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value, caption) in enumerate(bars):
        y = GAP + i * (BAR_HEIGHT + GAP)
        width = max(2.0, plot * value / top)
        parts.append(
            f'<g><title>{escape(label)}: {escape(caption)}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.65:.1f}" text-anchor="end" class="skg-bars__label">'
            f'{escape(label if len(label) <= 44 else label[:42] + "…")}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" class="skg-bars__bar"/>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{y + BAR_HEIGHT * 0.65:.1f}" class="skg-bars__value">'
            f'{escape(caption)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def charts(graph: SiteGraph, figures: list[str], r: Renderer) -> list[Chart]:
    groups: dict[str, list[str]] = {}
    for iri in figures:
        about = graph.nodes[iri].iris(str(SKG.about))
        groups.setdefault(about[0] if about else "", []).append(iri)
    result = []
    for subject, members in sorted(groups.items(), key=lambda kv: graph.label(kv[0]) if kv[0] else ""):
        title = graph.display_label(subject) if subject else "Other figures"
        bars = []
        for iri in members:
            fig = graph.nodes[iri]
            value = _number(fig.first(str(SKG.value)))
            if value is None:
                continue
            unit = fig.literal(str(SKG.unit)) or ""
            when = fig.literal(str(SKG.asOf)) or fig.literal(str(SKG.asOfNote)) or ""
            label = fig.literal(str(SKG.measures)) or unit or graph.label(iri)
            caption = f"{format_number(str(value if not value.is_integer() else int(value)))} {unit}"
            bars.append((label, value, caption + (f" ({when})" if when else "")))
        anchor = (subject.rstrip("/").rsplit("/", 1)[-1] if subject else "other") or "other"
        result.append(Chart(title=escape(title), anchor=anchor, svg=bar_svg(title, bars) if bars else "",
                            rows=[figure_row(i, graph, r) for i in members]))
    return result
