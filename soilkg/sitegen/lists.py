"""List pages' data: one row per resource, with the columns its kind needs (kinds.py says which).

The rows go to a small script (``window.SKG_INDEX[kind] = ...``) that the browser filters and
sorts without a server, and to a CSV download. A script rather than a ``.json`` fetched at run
time, because browsers refuse ``fetch`` from ``file://`` pages and the site must work from disk.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import pyoxigraph as ox

from soilkg.namespaces import DCT, SCHEMA, SKG
from soilkg.sitegen.graph import SiteGraph

DATE_PROPS = (str(SKG.startDate), str(SKG.year), str(DCT.date), str(DCT.issued), str(SCHEMA.datePublished),
              str(SCHEMA.startDate), str(SKG.asOf), str(SKG.endDate))
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Value:
    """One value in a cell: its text, and the site path or external URL it links to."""

    text: str
    path: str = ""  # a page of ours ("network/netsob/", "document/x/#p4")
    url: str = ""  # an external address (http/https only)
    key: str = ""  # what the column sorts by, when the text does not sort (dates, symbols)
    translatable: bool = False  # the text is the resource's own label: it swaps with the interface language
    fig: str = ""  # a reported figure's parts (figtext.Figure.spec): the browser words it in the reader's language
    fig_part: str = ""  # which words: "" the amount ("more than 11 500 farmers"), "when" its date ("to date")


@dataclass
class Row:
    iri: str
    path: str
    label: str
    labels: dict[str, object]  # the label in other languages (a composed title: its segments, titles.py)
    names: list[str]  # every other name, for the list's own search box
    cells: dict[str, list[Value]]  # column key -> values
    order: tuple[object, ...] = ()  # the list's default order


def date_of(graph: SiteGraph, iri: str) -> str:
    """The first date-like value (start date, year, date issued); a decision takes its meeting's."""
    node = graph.nodes.get(iri)
    if node is None:
        return ""
    for predicate in DATE_PROPS:
        for term in node.out.get(predicate, []):
            if isinstance(term, ox.Literal) and term.value[:4].isdigit():
                return term.value
    for meeting in node.iris(str(SKG.decisionOf)) + node.iris(str(SKG.presentedAt)):
        if meeting != iri:
            found = date_of(graph, meeting)
            if found:
                return found
    return ""


def source_date(graph: SiteGraph, iri: str) -> str:
    """When a source document held: its own date, the meeting it was prepared for, or when a web page
    was read."""
    node = graph.nodes.get(iri)
    if node is None:
        return ""
    own = node.literal(str(SKG.accessed)) or date_of(graph, iri)
    if own:
        return own
    dates = [date_of(graph, m) for m in node.iris(str(SKG.preparedFor))]
    return max((d for d in dates if d), default="")


def safe_cell(text: str) -> str:
    """A spreadsheet runs a cell that starts with = + - @ as a formula: such cells get a leading
    apostrophe (OWASP's advice against CSV injection), which spreadsheets show as text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def shown_columns(columns: list[tuple[str, str]], rows: list[Row]) -> list[tuple[str, str]]:
    """The columns at least one row has a value in: a list never shows a blank column."""
    return [(key, label) for key, label in columns if any(row.cells.get(key) for row in rows)]


def facets(columns: list[tuple[str, str]], filterable: tuple[str, ...], rows: list[Row]) -> list[str]:
    """The filters worth offering: filterable columns where the rows differ."""
    shown = []
    for key, _label in columns:
        if key not in filterable:
            continue
        values = {v.text for row in rows for v in row.cells.get(key, [])}
        if len(values) > 1:
            shown.append(key)
    return shown


def _value(v: Value) -> object:
    if v.fig:
        return [v.text, "", "", v.key, 0, v.fig, v.fig_part]
    if v.path:
        return [v.text, v.path, "", "", 1] if v.translatable else [v.text, v.path]
    if v.url:
        return [v.text, "", v.url]
    if v.key:
        return [v.text, "", "", v.key]
    return v.text


def index_script(kind: str, columns: list[tuple[str, str]], facet_keys: list[str], rows: list[Row]) -> str:
    """The list as compact arrays, assigned to ``window.SKG_INDEX[kind]``. A cell is a list of values;
    a value is its text, or [text, path], [text, "", url] or [text, "", "", sort key]; [text, path, "", "", 1]
    is a resource's own label, which the page swaps for its label in the reader's language;
    [text, "", "", sort key, 0, figure parts, part] a reported figure's words (soilkg/sitegen/figtext.py)."""
    keys = [key for key, _label in columns]
    data = {"columns": keys, "facets": facet_keys,
            "rows": [{"path": r.path, "labels": r.labels, "names": r.names,
                      "cells": [[_value(v) for v in r.cells.get(k, [])] for k in keys]} for r in rows]}
    # json.dumps leaves "<" as it is; "</script" cannot end anything in a file of its own, but the
    # same text must never be pasted into a page, so "<" is escaped too.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.SKG_INDEX=window.SKG_INDEX||{{}};window.SKG_INDEX[{json.dumps(kind)}]={payload};\n"


def csv_text(columns: list[tuple[str, str]], rows: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["iri", *[label for _key, label in columns], "page"])
    for r in rows:
        cells = ["; ".join(v.text for v in r.cells.get(key, [])) for key, _label in columns]
        writer.writerow([safe_cell(c) for c in [r.iri, *cells, r.path + "index.html"]])
    return out.getvalue()
