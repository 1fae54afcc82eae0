"""Charts of reported figures, drawn as inline SVG at build time (no JavaScript, no CDN).

Honest by construction: bars share a scale only when they share a unit (farmers and countries are
never on one axis); each bar says its value as the source states it ("more than 11 500 farmers")
and when it held ("to date", or its date); labels wrap instead of being cut; a chart that would
only show equal bars or a single bar is left out (the table says it all). A figure with earlier
values (`skg:updates`) gets a small series chart of its history beside its table.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from html import escape

from soilkg.namespaces import SKG
from soilkg.sitegen import figtext
from soilkg.sitegen.graph import SiteGraph
from soilkg.sitegen.i18n import Strings
from soilkg.sitegen.render import Renderer
from soilkg.sitegen.resource import figure_row
from soilkg.textfmt import format_number

LINE = 16  # px per line of a bar's label
GAP = 12
LABEL_WIDTH = 300
VALUE_WIDTH = 230
CHART_WIDTH = 760
WRAP = 40  # characters per label line at 13 px in LABEL_WIDTH


@dataclass
class Bar:
    label: str
    value: float
    caption: str  # "more than 11 500 farmers (to date)", in English
    spec: str  # the figure's parts, for the browser's templates in the reader's language (figtext.py)


@dataclass
class Chart:
    title: str  # HTML
    anchor: str
    svgs: list[str]
    rows: list[dict[str, str]]
    series: list[str] = field(default_factory=list)  # SVG per figure with a history


def number(graph: SiteGraph, iri: str) -> float | None:
    text = graph.nodes[iri].literal(str(SKG.value))
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def when(graph: SiteGraph, iri: str) -> str:
    node = graph.nodes[iri]
    return node.literal(str(SKG.asOf)) or node.literal(str(SKG.asOfNote)) or ""




def bar_svg(title: str, bars: list[Bar]) -> str:
    """Horizontal bars on one scale; each label wrapped over as many lines as it needs."""
    top = max(b.value for b in bars) or 1.0
    plot = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts: list[str] = []
    y = GAP
    for bar in bars:
        lines = textwrap.wrap(bar.label, WRAP) or [""]
        height = max(28, LINE * len(lines) + 8)
        width = max(2.0, plot * bar.value / top)
        label = "".join(f'<tspan x="{LABEL_WIDTH - 8}" dy="{0 if i == 0 else LINE}">{escape(line)}</tspan>'
                        for i, line in enumerate(lines))
        middle = y + height / 2
        parts.append(
            f'<g><title>{escape(bar.label)}: {escape(bar.caption)}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{middle - LINE * (len(lines) - 1) / 2 + 4:.1f}" text-anchor="end" '
            f'class="skg-bars__label" lang="en">{label}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{middle - 12:.1f}" width="{width:.1f}" height="24" class="skg-bars__bar"/>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{middle + 4:.1f}" class="skg-bars__value" '
            f'data-fig-caption="{escape(bar.spec)}">'
            f'{escape(bar.caption)}</text></g>')
        y += height + GAP
    return (f'<svg class="skg-bars" viewBox="0 0 {CHART_WIDTH} {y}" role="img" aria-label="{escape(title)}" '
            f'xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>")


def history(graph: SiteGraph, iri: str) -> list[str]:
    """The figure and the ones it updates, oldest first."""
    chain, seen = [iri], {iri}
    while True:
        earlier = [e for e in graph.nodes[chain[-1]].iris(str(SKG.updates)) if e in graph.nodes and e not in seen]
        if not earlier:
            return list(reversed(chain))
        chain.append(earlier[0])
        seen.add(earlier[0])


def series_svg(graph: SiteGraph, chain: list[str], strings: Strings) -> str:
    """Columns of one figure's values over time (one unit, one scale), each with its date."""
    points = [(when(graph, i), number(graph, i), i) for i in chain]
    points = [(d, v, i) for d, v, i in points if v is not None]
    if len(points) < 2:
        return ""
    top = max(v for _, v, _ in points if v is not None) or 1.0
    width, height, column = 90 * len(points) + 20, 190, 50
    parts = []
    for n, (date, value, iri) in enumerate(points):
        assert value is not None
        h = max(2.0, 120 * value / top)
        x = 20 + n * 90
        fig = figtext.read(graph, iri)
        title = figtext.caption(fig, strings) if fig else ""
        shown = str(int(value) if value.is_integer() else value)
        parts.append(f'<g><title>{escape(title)}</title>'
                     f'<rect x="{x}" y="{150 - h:.1f}" width="{column}" height="{h:.1f}" class="skg-bars__bar"/>'
                     f'<text x="{x + column / 2}" y="{144 - h:.1f}" text-anchor="middle" class="skg-bars__value" '
                     f'data-num="{value}">{escape(format_number(shown))}</text>'
                     f'<text x="{x + column / 2}" y="170" text-anchor="middle" class="skg-bars__label" '
                     f'data-date="{escape(date)}">{escape(figtext.english_date(date) if date else "?")}</text></g>')
    return (f'<svg class="skg-series" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{escape(graph.label(chain[-1]))}" xmlns="http://www.w3.org/2000/svg">'
            + "".join(parts) + "</svg>")


def charts(graph: SiteGraph, figures: list[str], r: Renderer) -> list[Chart]:
    """One section per subject (the Global Soil Doctors programme, RECISOIL...), one chart per unit."""
    updated = {e for i in figures for e in graph.nodes[i].iris(str(SKG.updates))}
    latest = [i for i in figures if i not in updated]
    groups: dict[str, list[str]] = {}
    for iri in latest:
        about = graph.nodes[iri].iris(str(SKG.about))
        groups.setdefault(about[0] if about else "", []).append(iri)
    result = []
    for subject, members in sorted(groups.items(), key=lambda kv: graph.label(kv[0]) if kv[0] else ""):
        title = graph.display_label(subject) if subject else "Other figures"
        by_unit: dict[str, list[Bar]] = {}
        for iri in members:
            value = number(graph, iri)
            if value is None:
                continue
            unit = graph.nodes[iri].literal(str(SKG.unit)) or ""
            label = graph.nodes[iri].literal(str(SKG.measures)) or unit or graph.label(iri)
            fig = figtext.read(graph, iri)
            if fig is None:
                continue
            by_unit.setdefault(unit, []).append(Bar(label, value, figtext.caption(fig, r.strings), fig.spec()))
        svgs = [bar_svg(f"{title}: {unit}", bars) for unit, bars in sorted(by_unit.items())
                if len(bars) > 1 and len({b.value for b in bars}) > 1]
        series = [s for s in (series_svg(graph, history(graph, i), r.strings) for i in members) if s]
        anchor = (subject.rstrip("/").rsplit("/", 1)[-1] if subject else "other") or "other"
        result.append(Chart(title=r.link(subject) if subject else escape(title), anchor=anchor, svgs=svgs,
                            rows=[figure_row(i, graph, r) for i in members], series=series))
    return result
