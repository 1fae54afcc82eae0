"""What each kind's list page shows: its columns, its filters and its order.

A policy officer reads decisions by symbol and meeting, publications by series and identifier,
networks by acronym: one generic table left most columns blank. Each kind names its columns here;
a column no row has a value in is left out (lists.shown_columns).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pyoxigraph as ox

from soilkg.kinds import BY_FOLDER, columns_of
from soilkg.namespaces import SKG
from soilkg.sitegen import figtext
from soilkg.sitegen.graph import SiteGraph
from soilkg.sitegen.lists import Row, Value, date_of
from soilkg.sitegen.ontology import Ontology
from soilkg.sitegen.render import RESOLVERS
from soilkg.textfmt import format_number
from soilkg.urls import kind_of, owner_of, page_path

Cell = Callable[[SiteGraph, str], list[Value]]

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Themes that only repeat a kind's name ("Publications", "Networks", "Initiatives") are report
# groups, not subjects: they are left out of theme filters and the themes list.
TYPE_THEMES = {"publications", "networks", "initiatives", "programmes", "meetings"}
# The CBD publishes each COP decision's official text at one address per meeting and number.
CBD_DECISION_TEXT = "https://www.cbd.int/doc/decisions/cop-{meeting:02d}/cop-{meeting:02d}-dec-{number:02d}-en.pdf"
SYMBOL = re.compile(r"COP/DEC/(?P<meeting>[IVXLC]+|\d+)/(?P<number>\d+)$")


def roman(text: str) -> int:
    if text.isdigit():
        return int(text)
    total = 0
    for i, ch in enumerate(text):
        value = ROMAN[ch]
        total += -value if i + 1 < len(text) and ROMAN[text[i + 1]] > value else value
    return total


def decision_number(symbol: str) -> tuple[int, int] | None:
    """(meeting, number) of a CBD COP decision symbol: VI/5 -> (6, 5), 15/28 -> (15, 28)."""
    match = SYMBOL.search(symbol)
    return (roman(match["meeting"]), int(match["number"])) if match else None


def official_text(symbol: str) -> str:
    found = decision_number(symbol)
    return CBD_DECISION_TEXT.format(meeting=found[0], number=found[1]) if found else ""


def is_type_theme(iri: str) -> bool:
    return kind_of(iri) == "theme" and iri.rstrip("/").rsplit("/", 1)[-1] in TYPE_THEMES


# --- cells ------------------------------------------------------------------------------------


def _link(graph: SiteGraph, iri: str, text: str | None = None) -> Value:
    path = page_path(iri) if graph.has_page(iri) else None
    shown = text if text is not None else graph.short_label(iri)
    # Only a label shown whole swaps language: an acronym, a symbol or a shortened label stays as it is.
    return Value(shown, path or "", translatable=bool(path) and shown == graph.display_label(iri))


def _literal(predicate: str) -> Cell:
    def cell(graph: SiteGraph, iri: str) -> list[Value]:
        return [Value(t.value) for t in graph.nodes[iri].out.get(predicate, []) if isinstance(t, ox.Literal)]
    return cell


def _links(*predicates: str, skip_type_themes: bool = False) -> Cell:
    def cell(graph: SiteGraph, iri: str) -> list[Value]:
        found = [t for p in predicates for t in graph.nodes[iri].iris(p)
                 if not (skip_type_themes and is_type_theme(t))]
        return [_link(graph, t) for t in dict.fromkeys(found)]
    return cell


def title(graph: SiteGraph, iri: str) -> list[Value]:
    return [Value(graph.label(iri), page_path(iri) or "")]


def name(graph: SiteGraph, iri: str) -> list[Value]:
    return [Value(graph.display_label(iri), page_path(iri) or "")]


def year(graph: SiteGraph, iri: str) -> list[Value]:
    date = dated(graph, iri)
    return [Value(date[:4], key=date)] if date[:4].isdigit() else []


def when(graph: SiteGraph, iri: str) -> list[Value]:
    date = dated(graph, iri)
    return [Value(date, key=date)] if date else []


def dated(graph: SiteGraph, iri: str) -> str:
    """A resource's date; a decision without one takes the year of what its paragraphs establish
    (VI/5 paragraph 13 established the Initiative "in 2002", paragraph 1 of the report)."""
    own = date_of(graph, iri)
    if own or kind_of(iri) != "decision":
        return own
    years = sorted(date_of(graph, target)[:4] for part in graph.parts(iri)
                   for target in graph.nodes[part].iris(str(SKG.establishes)) if date_of(graph, target))
    return years[0] if years else ""


def current_status(graph: SiteGraph, iri: str) -> str:
    """The new status of the latest skg:StatusChange about the resource, else its own status."""
    changes = [(graph.nodes[s].literal(str(SKG.date)) or "", s) for s, p in graph.nodes[iri].inc
               if p == str(SKG.statusOf) and s in graph.nodes]
    if changes:
        new = graph.nodes[max(changes)[1]].iris(str(SKG.newStatus))
        if new:
            return new[0]
    node = graph.nodes[iri]
    own = node.iris(str(SKG.status)) or node.iris(str(SKG.reviewStatus))
    return own[0] if own else ""


def status(graph: SiteGraph, iri: str) -> list[Value]:
    current = current_status(graph, iri)
    return [Value(graph.label(current), key="term:" + current)] if current else []


def symbol(graph: SiteGraph, iri: str) -> list[Value]:
    text = graph.nodes[iri].literal(str(SKG.symbol))
    if not text:
        return []
    number = decision_number(text)
    return [Value(text, key=f"{number[0]:04d}/{number[1]:04d}" if number else text)]


def paragraphs(graph: SiteGraph, iri: str) -> list[Value]:
    """The decision's paragraphs the catalogue cites, each linked to its place on the decision's page."""
    return [Value("¶" + (graph.nodes[p].literal(str(SKG.number)) or p.rsplit("/", 1)[-1].lstrip("pfn")),
                  page_path(p) or "") for p in graph.parts(iri)]


def official(graph: SiteGraph, iri: str) -> list[Value]:
    url = official_text(graph.nodes[iri].literal(str(SKG.symbol)) or "")
    return [Value("PDF", url=url)] if url else []


def series(graph: SiteGraph, iri: str) -> list[Value]:
    node = graph.nodes[iri]
    text = node.literal(str(SKG.seriesTitle))
    number = node.literal(str(SKG.seriesNumber))
    return [Value(f"{text} {number}" if number else text)] if text else []


def identifier(graph: SiteGraph, iri: str) -> list[Value]:
    node = graph.nodes[iri]
    found = []
    for local, resolver in RESOLVERS.items():
        value = node.literal(str(SKG) + local)
        if value:
            found.append(Value(f"{local.upper() if local == 'doi' else local.capitalize()} {value}",
                               url=resolver + value))
    return found


def figure_value(graph: SiteGraph, iri: str) -> list[Value]:
    node = graph.nodes[iri]
    value = node.literal(str(SKG.value))
    if value is None:
        return []
    comparator = node.iris(str(SKG.comparator))
    qualifier = graph.label(comparator[0]) if comparator and comparator[0] != str(SKG.exactly) else ""
    unit = node.literal(str(SKG.unit)) or ""
    fig = figtext.read(graph, iri)
    return [Value(" ".join(x for x in (qualifier, format_number(value), unit) if x), key=f"{float(value):020.3f}",
                  fig=fig.spec() if fig else "")]


def as_of(graph: SiteGraph, iri: str) -> list[Value]:
    node = graph.nodes[iri]
    text = node.literal(str(SKG.asOf)) or node.literal(str(SKG.asOfNote))
    fig = figtext.read(graph, iri)
    return [Value(text, key=node.literal(str(SKG.asOf)) or "", fig=fig.spec() if fig else "", fig_part="when")
            ] if text else []


def what_happens(graph: SiteGraph, iri: str) -> list[Value]:
    """For a country: the initiatives and case studies that name it, as short phrases."""
    found = []
    for subject, predicate in graph.nodes[iri].inc:
        if subject.startswith("_:") or owner_of(subject) != subject:
            continue
        local = predicate.rsplit("#", 1)[-1]
        if local in ("implementedIn", "joinedBy", "country"):
            found.append(_link(graph, subject))
    return list(dict.fromkeys(found))


def launched(graph: SiteGraph, iri: str) -> list[Value]:
    date = graph.nodes[iri].literal(str(SKG.startDate)) or ""
    return [Value(date[:4], key=date)] if date[:4].isdigit() else []


def acronym(graph: SiteGraph, iri: str) -> list[Value]:
    text = graph.nodes[iri].literal(str(SKG.acronym))
    return [Value(text)] if text else []


def focus(graph: SiteGraph, iri: str) -> list[Value]:
    return _links(str(SKG.theme), skip_type_themes=True)(graph, iri)


def kind_type(ontology: Ontology) -> Cell:
    def cell(graph: SiteGraph, iri: str) -> list[Value]:
        ours = [t for t in graph.nodes[iri].types if t in ontology.classes and ontology.is_ours(t)]
        ancestors = {a for t in ours for a in ontology.ancestors(t)}
        specific = [t for t in ours if t not in ancestors] or ours
        return [Value(ontology.label(specific[0]), key="term:" + specific[0])] if specific else []
    return cell


# --- kinds ------------------------------------------------------------------------------------

Column = tuple[str, Cell]  # (i18n key of the header, cell)


CELLS: dict[str, Cell] = {
    "symbol": symbol, "title": title, "name": name, "year": year, "when": when, "paragraphs": paragraphs,
    "official": official, "series": series, "identifier": identifier, "status": status, "acronym": acronym,
    "launched": launched, "focus": focus, "what_happens": what_happens, "figure_value": figure_value,
    "as_of": as_of, "themes": _links(str(SKG.theme), skip_type_themes=True),
}


def cell_of(name: str, ontology: Ontology) -> Cell:
    """A column's cell by the name soilkg/kinds.py gives it."""
    if name.startswith("links:"):
        return _links(str(SKG[name.removeprefix("links:")]))
    if name.startswith("literal:"):
        return _literal(str(SKG[name.removeprefix("literal:")]))
    if name == "type":
        return kind_type(ontology)
    return CELLS[name]


def columns(kind: str, ontology: Ontology) -> tuple[list[Column], tuple[str, ...]]:
    """The columns of a kind's list (soilkg/kinds.py), and which of them are filters."""
    spec = columns_of(kind)
    return ([(c.header, cell_of(c.cell, ontology)) for c in spec], tuple(c.header for c in spec if c.filter))


def order(kind: str, graph: SiteGraph, iri: str) -> tuple[object, ...]:
    """Decisions by meeting and number, which is their date order (VI/5, VIII/23, 15/28); the rest
    by name (kinds listed newest first in soilkg/kinds.py are then re-sorted by date in rows())."""
    label = graph.label(iri).casefold()
    if kind == "decision":
        number = decision_number(graph.nodes[iri].literal(str(SKG.symbol)) or "") or (9999, 9999)
        return (number, label)
    return (label,)


def rows(kind: str, graph: SiteGraph, ontology: Ontology, iris: list[str]) -> tuple[list[Row], list[Column]]:
    spec, _filters = columns(kind, ontology)
    result = []
    for iri in iris:
        if kind == "theme" and is_type_theme(iri):
            continue
        labels: dict[str, object] = {lang: text for lang, text in graph.labels(iri).items() if lang != "en"}
        result.append(Row(iri=iri, path=page_path(iri) or "", label=graph.label(iri), labels=labels,
                          names=graph.alt_labels(iri), cells={key: cell(graph, iri) for key, cell in spec},
                          order=order(kind, graph, iri)))
    result.sort(key=lambda r: r.order)
    if kind in BY_FOLDER and BY_FOLDER[kind].newest_first:  # stable: undated ("") last, each date by name
        result.sort(key=lambda r: dated(graph, r.iri), reverse=True)
    return result, spec
