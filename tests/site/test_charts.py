"""Honest charts, on SYNTHETIC figures in a real pyoxigraph store: one scale per unit, the qualifier
kept, labels wrapped (never cut), and a series chart for a figure that updates an earlier one."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from soilkg.sitegen import charts, i18n
from soilkg.sitegen import graph as graph_module
from soilkg.sitegen import ontology as ontology_module
from soilkg.sitegen.render import Renderer

SITE_I18N = Path(__file__).resolve().parents[2] / "site" / "i18n"

TTL = """
@prefix skg: <https://w3id.org/soilkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix figure: <https://w3id.org/soilkg/id/figure/> .
@prefix programme: <https://w3id.org/soilkg/id/programme/> .

skg:moreThan rdfs:label "more than"@en .
programme:synthetic a skg:Programme ; rdfs:label "Synthetic programme (test data)"@en .
figure:farmers-2023 a skg:ReportedFigure ; rdfs:label "Synthetic farmers 2023"@en ; skg:value 9000 ;
    skg:comparator skg:moreThan ; skg:unit "farmers"@en ; skg:asOf "2023-06-30"^^xsd:date ;
    skg:measures "synthetic farmers reached"@en ; skg:about programme:synthetic .
figure:farmers-2025 a skg:ReportedFigure ; rdfs:label "Synthetic farmers 2025"@en ; skg:value 11500 ;
    skg:comparator skg:moreThan ; skg:unit "farmers"@en ; skg:asOf "2025-03-01"^^xsd:date ;
    skg:updates figure:farmers-2023 ;
    skg:measures "synthetic farmers reached"@en ; skg:about programme:synthetic .
figure:trainers a skg:ReportedFigure ; rdfs:label "Synthetic trainers"@en ; skg:value 657 ; skg:unit "trainers"@en ;
    skg:asOfNote "to date"@en ; skg:about programme:synthetic ;
    skg:measures "synthetic trainers whose capacity the synthetic programme has built over a long sentence \
that must wrap"@en .
figure:doctors a skg:ReportedFigure ; rdfs:label "Synthetic doctors"@en ; skg:value 1800 ; skg:unit "trainers"@en ;
    skg:asOfNote "to date"@en ; skg:about programme:synthetic ; skg:measures "synthetic soil doctors trained"@en .
figure:countries a skg:ReportedFigure ; rdfs:label "Synthetic countries"@en ; skg:value 26 ; skg:unit "countries"@en ;
    skg:about programme:synthetic ; skg:measures "synthetic countries reached"@en .
"""


def _charts() -> list[charts.Chart]:
    store = ox.Store()
    store.load(TTL.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("https://w3id.org/soilkg/source/t"))
    graph = graph_module.load(store)
    figures = [i for i in graph.nodes if "/figure/" in i]
    return charts.charts(graph, figures, Renderer(graph, ontology_module.read(graph), "",
                                                     i18n.Strings(i18n.load(SITE_I18N))))


def test_one_scale_per_unit_and_no_chart_of_a_lone_bar() -> None:
    [chart] = _charts()
    # Trainers (two bars) get a chart; farmers' latest value and countries stand alone: no bar chart
    # puts 26 countries beside 11 500 farmers.
    assert len(chart.svgs) == 1
    values = re.findall(r'class="skg-bars__value"[^>]*>([^<]+)<', chart.svgs[0])
    assert all("trainers" in v for v in values) and len(values) == 2
    assert "to date" in values[0]


def test_labels_wrap_instead_of_being_cut() -> None:
    [chart] = _charts()
    svg = chart.svgs[0]
    assert "…" not in svg
    lines = re.findall(r"<tspan[^>]*>([^<]+)</tspan>", svg)
    assert len(lines) > 2
    assert "over a long sentence that must wrap" in " ".join(lines)


def test_a_figure_with_history_gets_a_series_with_its_dates() -> None:
    [chart] = _charts()
    assert len(chart.series) == 1
    series = chart.series[0]
    assert "2023-06-30" in series and "2025-03-01" in series
    assert series.index("9 000") < series.index("11 500")
    # Only the latest value is in the table; its qualifier is kept.
    values = " ".join(row["value"] for row in chart.rows)
    assert "11 500" in values and "9 000" not in values
    assert re.search(r">more than 11 500 farmers<", values)
