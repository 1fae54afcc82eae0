"""List pages' data: one row per resource with its facets (country, network, theme, year, status).

The rows go to a JSON index that the browser filters and sorts without a server, and to a CSV
download. The index is written as a small script (``window.SKG_INDEX[kind] = ...``) rather than a
``.json`` fetched at run time, because browsers refuse ``fetch`` from ``file://`` pages and the
site must work when opened from disk.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

import pyoxigraph as ox

from soilkg.namespaces import DCT, SCHEMA, SKG
from soilkg.sitegen.graph import SiteGraph
from soilkg.sitegen.ontology import Ontology
from soilkg.urls import kind_of, owner_of, page_path

DATE_PROPS = (str(SKG.startDate), str(SKG.year), str(DCT.date), str(DCT.issued), str(SCHEMA.datePublished),
              str(SCHEMA.startDate), str(SKG.asOf), str(SKG.endDate))
FACET_KINDS = ("country", "network", "theme")
COLUMNS = ("label", "path", "type", "year", "status", "country", "network", "theme", "labels", "names")


@dataclass
class Row:
    iri: str
    label: str
    path: str
    type: str
    date: str
    status: list[str]
    country: list[str]
    network: list[str]
    theme: list[str]
    labels: dict[str, str]  # other languages
    names: list[str]  # every other name, for the list's own search box

    @property
    def year(self) -> str:
        return self.date[:4] if self.date[:4].isdigit() else ""


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


def type_label(graph: SiteGraph, ontology: Ontology, iri: str) -> str:
    node = graph.nodes[iri]
    ours = [t for t in node.types if t in ontology.classes and ontology.is_ours(t)]
    # The most specific class: the one that is not an ancestor of another of the types.
    ancestors = {a for t in ours for a in ontology.ancestors(t)}
    specific = [t for t in ours if t not in ancestors] or ours
    return ontology.label(specific[0]) if specific else ""


def facets(graph: SiteGraph, iri: str) -> dict[str, list[str]]:
    """Linked resources of the facet kinds, in either direction (a country is linked from RECISOIL)."""
    node = graph.nodes[iri]
    linked = [t.value for terms in node.out.values() for t in terms if isinstance(t, ox.NamedNode)]
    linked += [owner_of(s) for s, _ in node.inc if not s.startswith("_:")]
    found: dict[str, list[str]] = {k: [] for k in FACET_KINDS}
    for target in linked:
        kind = kind_of(target)
        if kind in found and target != iri:
            label = graph.short_label(target)
            if label not in found[kind]:
                found[kind].append(label)
    return found


def rows(graph: SiteGraph, ontology: Ontology, iris: list[str]) -> list[Row]:
    result = []
    for iri in iris:
        node = graph.nodes[iri]
        found = facets(graph, iri)
        labels = {lang: text for lang, text in graph.labels(iri).items() if lang != "en"}
        result.append(Row(
            iri=iri, label=graph.display_label(iri), path=page_path(iri) or "", type=type_label(graph, ontology, iri),
            date=date_of(graph, iri),
            status=[graph.label(s) for p in (str(SKG.status), str(SKG.reviewStatus)) for s in node.iris(p)],
            country=sorted(found["country"]), network=sorted(found["network"]), theme=sorted(found["theme"]),
            labels=labels, names=graph.alt_labels(iri)))
    return result


def index_script(kind: str, items: list[Row]) -> str:
    """The list's rows as compact arrays, assigned to ``window.SKG_INDEX[kind]``."""
    data = {"columns": COLUMNS,
            "rows": [[r.label, r.path, r.type, r.year, r.status, r.country, r.network, r.theme, r.labels, r.names]
                     for r in items]}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.SKG_INDEX=window.SKG_INDEX||{{}};window.SKG_INDEX[{json.dumps(kind)}]={payload};\n"


def csv_text(items: list[Row]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["iri", "label", "type", "date", "status", "country", "network", "theme", "page"])
    for r in items:
        writer.writerow([r.iri, r.label, r.type, r.date, "; ".join(r.status), "; ".join(r.country),
                         "; ".join(r.network), "; ".join(r.theme), r.path + "index.html"])
    return out.getvalue()


def active_facets(items: list[Row]) -> list[str]:
    """The filters worth showing for this list: those where rows differ."""
    shown = []
    for facet in ("country", "network", "theme", "year", "status"):
        values: set[str] = set()
        for r in items:
            value = getattr(r, facet)
            values.update(value if isinstance(value, list) else [value] if value else [])
        if len(values) > 1 or (len(values) == 1 and facet in FACET_KINDS and len(items) > 1):
            shown.append(facet)
    return shown
