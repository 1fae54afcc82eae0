"""What a resource page shows: its facts in plain words, links both ways, identifiers and sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import pyoxigraph as ox

from soilkg.namespaces import DCT, SCHEMA, SKG, SKOS
from soilkg.sitegen.graph import (
    ACRONYM,
    ALT_LABEL,
    COMMENT,
    DEFINITION,
    LABEL,
    NUMBER,
    OWL,
    PREF_LABEL,
    RDF_TYPE,
    STATED_IN,
    Node,
    SiteGraph,
    part_order,
)
from soilkg.sitegen.render import Renderer

# Shown as the page's prose, above the facts table.
PROSE = (DEFINITION, str(DCT.description), str(DCT.abstract), str(SCHEMA.description), COMMENT)
# Shown under their own headings below the prose, in this order (key of site/i18n/*.json, property).
LISTED = (("aims", str(SKG.aim)), ("activities", str(SKG.activity)))
# Facts a reader looks for first (where, what, who, when); the rest follow in alphabetical order.
FIRST = ("country", "administrativeArea", "implementedIn", "joinedBy", "practice", "theme", "organismGroup",
         "threatAddressed", "landUse", "soilFunction", "impact", "startDate", "endDate", "year", "status",
         "publishedBy", "runBy", "unitOf", "hostedBy", "leadsImplementationOf", "implementer", "compiler",
         "reviewer", "reviewStatus")
IDENTIFIERS = (str(SKG.symbol), str(SKG.doi), str(SKG.handle), str(SKG.iso3166Alpha2), str(SKG.iso3166Alpha3),
               str(SKG.m49), str(SKG.website), str(SKOS.exactMatch), str(SKOS.closeMatch), OWL + "sameAs",
               str(DCT.identifier), str(SCHEMA.sameAs), str(SCHEMA.url))
HIDDEN = {RDF_TYPE, LABEL, PREF_LABEL, ALT_LABEL, ACRONYM, STATED_IN, str(SKG.text), str(SKG.paragraph),
          str(SKG.footnote), str(SKG.paragraphOf), str(SKG.footnoteOf), str(SKG.figure), NUMBER,
          str(SKG.author)}
TEXT = str(SKG.text)

# Incoming links read from the page's point of view ("cited by", "invited by paragraph 7 of ...").
INVERSE: dict[str, str] = {
    "cites": "cited by", "invites": "invited by", "invitesThrough": "invited to act through this by",
    "publishedBy": "publisher of", "producedBy": "produced", "author": "author of", "unitOf": "has as unit",
    "hostedBy": "hosts", "leadsImplementationOf": "implementation led by",
    "facilitatesImplementationOf": "implementation facilitated by", "collaboratesWith": "collaborates with",
    "inCollaborationWith": "collaborates on", "establishedBy": "established", "launchedBy": "launched",
    "runBy": "runs", "designedBy": "designed", "withinFramework": "framework for", "planOf": "plan of action",
    "contributesTo": "contributions from", "buildsOn": "built on by", "inLineWith": "followed by",
    "supports": "supported by", "implementedIn": "initiatives implemented here",
    "joinedBy": "initiatives joined", "theme": "on this theme", "heldBy": "meetings",
    "presentedAt": "presented at this meeting", "presentedBy": "presented", "presentedIn": "presented in this",
    "publishedIn": "published in this", "resultsOf": "results published in", "onBehalfOf": "prepared for it",
    "reportedIn": "figures reported here", "sdgTarget": "contributions from", "decisionOf": "decisions adopted",
    "adopts": "adopted by", "establishes": "established by", "preparedFor": "documents prepared for it",
    "calledFrom": "footnotes", "country": "case studies here", "reportGroup": "reported in this group",
    "statedIn": "stated here",
}
SKIP_INCOMING = {str(SKG.paragraphOf), str(SKG.footnoteOf), str(SKG.about), str(SKG.paragraph),
                 str(SKG.footnote), str(SKG.figure)}


@dataclass
class Row:
    label: str  # HTML
    values: list[str]  # HTML


@dataclass
class Part:
    anchor: str
    title: str
    text: str
    facts: list[Row] = field(default_factory=list)
    stated_here: list[str] = field(default_factory=list)


@dataclass
class Source:
    link: str
    text: str


def local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def facts(node: Node, graph: SiteGraph, r: Renderer, skip: set[str]) -> list[Row]:
    rows: list[tuple[tuple[int, str], Row]] = []
    for predicate, _ in node.out.items():
        if predicate in skip:
            continue
        if predicate == str(SKG.authors):
            values = [r.value(t) for t in graph.list_items(node, predicate)]
        else:
            values = [r.value(t, predicate) for t in node.out[predicate]]
        values = [v for v in values if v]
        if values:
            rows.append((_fact_order(predicate, r), Row(r.term_link(predicate), values)))
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def _fact_order(predicate: str, r: Renderer) -> tuple[int, str]:
    name = local(predicate)
    return (FIRST.index(name) if name in FIRST else len(FIRST), r.ontology.label(predicate).casefold())


def incoming(node: Node, graph: SiteGraph, r: Renderer) -> list[Row]:
    groups: dict[str, list[str]] = {}
    for subject, predicate in node.inc:
        if predicate in SKIP_INCOMING or subject.startswith("_:"):
            continue
        phrase = INVERSE.get(local(predicate), f"{r.ontology.label(predicate)} (pointing here)")
        link = r.link(subject)
        values = groups.setdefault(phrase, [])
        if link not in values:
            values.append(link)
    return [Row(escape(phrase), sorted(values)) for phrase, values in sorted(groups.items())]


def sources(node: Node, graph: SiteGraph, r: Renderer) -> list[Source]:
    found = []
    for iri in sorted(set(node.iris(STATED_IN)), key=part_order):
        part = graph.nodes.get(iri)
        text = part.literal(TEXT) if part else None
        found.append(Source(r.link(iri, graph.label(iri)), escape(text or "")))
    return found


def parts(iri: str, graph: SiteGraph, r: Renderer) -> list[Part]:
    result = []
    skip = HIDDEN | set(PROSE) | {TEXT}
    for part_iri in graph.parts(iri):
        node = graph.nodes[part_iri]
        stated = sorted({r.link(s) for s, p in node.inc if p == STATED_IN and not s.startswith("_:")})
        result.append(Part(anchor=part_iri.rsplit("/", 1)[-1], title=escape(graph.label(part_iri)),
                           text=escape(node.literal(TEXT) or ""), facts=facts(node, graph, r, skip),
                           stated_here=stated))
    return result


def figures(node: Node, graph: SiteGraph, r: Renderer) -> list[dict[str, str]]:
    rows = []
    for subject, predicate in node.inc:
        if predicate != str(SKG.about) or subject not in graph.nodes:
            continue
        rows.append(figure_row(subject, graph, r))
    return rows


def figure_row(iri: str, graph: SiteGraph, r: Renderer) -> dict[str, str]:
    """A reported figure as words: 'more than 2 000 responses (received), as of 2025'."""
    fig = graph.nodes[iri]
    comparator = fig.iris(str(SKG.comparator))
    qualifier = graph.label(comparator[0]) if comparator and comparator[0] != str(SKG.exactly) else ""
    value = fig.first(str(SKG.value))
    number = r.value(value) if value is not None else ""
    unit = escape(fig.literal(str(SKG.unit)) or "")
    when = fig.literal(str(SKG.asOf)) or fig.literal(str(SKG.asOfNote)) or ""
    about = fig.iris(str(SKG.about))
    return {"link": r.link(iri, f"{qualifier} {graph.label(iri)}".strip()) if graph.has_page(iri) else "",
            "value": f"{escape(qualifier)} {number}".strip(), "unit": unit,
            "measures": escape(fig.literal(str(SKG.measures)) or ""), "when": escape(when),
            "about": ", ".join(r.link(a) for a in about),
            "sources": ", ".join(r.link(s, graph.label(s)) for s in fig.iris(STATED_IN))}


def context(iri: str, graph: SiteGraph, r: Renderer) -> dict[str, object]:
    node = graph.nodes[iri]
    types = [t for t in node.types if t in r.ontology.classes]
    prose = [escape(t.value) for p in PROSE for t in node.out.get(p, []) if isinstance(t, ox.Literal)]
    text = node.literal(TEXT)
    identifiers = [Row(r.term_link(p), [r.value(t, p) for t in node.out[p]]) for p in IDENTIFIERS
                   if p in node.out]
    return {
        "iri": iri,
        "title": graph.display_label(iri),
        "types": [r.term_link(t) for t in types],
        "alt_labels": graph.alt_labels(iri),
        "prose": prose,
        "listed": [(key, values) for key, prop in LISTED
                   if (values := [escape(t.value) for t in node.out.get(prop, []) if isinstance(t, ox.Literal)])],
        "text": escape(text) if text else "",
        "facts": facts(node, graph, r, HIDDEN | set(PROSE) | {prop for _key, prop in LISTED} | set(IDENTIFIERS)),
        "identifiers": identifiers,
        "incoming": incoming(node, graph, r),
        "sources": sources(node, graph, r),
        "parts": parts(iri, graph, r),
        "figures": figures(node, graph, r),
    }


def summary(page: dict[str, object]) -> list[str]:
    """The texts that say what a resource is: its prose, else its aims (or activities)."""
    prose = page["prose"]
    listed = page["listed"]
    if isinstance(prose, list) and prose:
        return [str(p) for p in prose]
    if isinstance(listed, list) and listed:
        return [str(v) for v in listed[0][1]]
    return []
