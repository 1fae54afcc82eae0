"""Read the whole graph from the store with one bulk SPARQL query and index it for page generation.

One query per page would cost a round trip per resource (10k pages, 10k queries); reading every quad
once and grouping in Python keeps the site build linear and cheap.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from soilkg.namespaces import ID, RDF, RDF_TYPE, RDFS, SKG, SKOS
from soilkg.urls import kind_of, owner_of, page_path

LABEL = RDFS + "label"
PREF_LABEL = str(SKOS.prefLabel)
ALT_LABEL = str(SKOS.altLabel)
DEFINITION = str(SKOS.definition)
COMMENT = RDFS + "comment"
ACRONYM = str(SKG.acronym)
STATED_IN = str(SKG.statedIn)
NUMBER = str(SKG.number)
SYMBOL = str(SKG.symbol)

LANGS = ("en", "fr", "es", "ar", "zh", "ru")

Term = ox.NamedNode | ox.BlankNode | ox.Literal

ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


@dataclass
class Node:
    """Everything said about one subject (IRI or blank node), plus the links that point at it."""

    key: str
    files: set[str] = field(default_factory=set)
    out: dict[str, list[Term]] = field(default_factory=lambda: defaultdict(list))
    inc: list[tuple[str, str]] = field(default_factory=list)  # (subject IRI, predicate IRI)

    def first(self, predicate: str) -> Term | None:
        values = self.out.get(predicate)
        return values[0] if values else None

    def literal(self, predicate: str) -> str | None:
        term = self.first(predicate)
        return term.value if isinstance(term, ox.Literal) else None

    def iris(self, predicate: str) -> list[str]:
        return [t.value for t in self.out.get(predicate, []) if isinstance(t, ox.NamedNode)]

    @property
    def types(self) -> list[str]:
        return self.iris(RDF_TYPE)


def part_order(iri: str) -> tuple[int, int]:
    """Paragraphs before footnotes, each in number order (p4 before p11 before fn5)."""
    tail = iri.rsplit("/", 1)[-1]
    footnote = tail.startswith("fn")
    digits = tail[2:] if footnote else tail[1:]
    return (1 if footnote else 0, int(digits) if digits.isdigit() else 0)


def _bnode_key(term: ox.BlankNode) -> str:
    return "_:" + term.value


@dataclass
class SiteGraph:
    nodes: dict[str, Node]
    triples_by_file: dict[str, list[ox.Triple]]
    quad_count: int
    _parts: dict[str, list[str]] | None = None

    # --- labels -------------------------------------------------------------------------------

    def labels(self, iri: str) -> dict[str, str]:
        """Label per language (rdfs:label, else skos:prefLabel); untagged literals count as English."""
        node = self.nodes.get(iri)
        found: dict[str, str] = {}
        if node is None:
            return found
        for predicate in (LABEL, PREF_LABEL):
            for term in node.out.get(predicate, []):
                if isinstance(term, ox.Literal):
                    found.setdefault(term.language or "en", term.value)
        return found

    def label(self, iri: str, lang: str = "en") -> str:
        labels = self.labels(iri)
        if lang in labels:
            return labels[lang]
        if "en" in labels:
            return labels["en"]
        node = self.nodes.get(iri)
        if node is not None:
            acronym = node.literal(ACRONYM)
            if acronym:
                return acronym
            owner = owner_of(iri)
            number = node.literal(NUMBER)
            if owner != iri:
                part = "Footnote" if iri.rsplit("/", 1)[-1].startswith("fn") else "Paragraph"
                return f"{part} {number or iri.rsplit('/', 1)[-1].lstrip('pfn')} of {self.short_label(owner)}"
        return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def short_label(self, iri: str) -> str:
        """The acronym (NETSOB) or document symbol when there is one, else the label, cut to fit a line."""
        node = self.nodes.get(iri)
        short = (node.literal(ACRONYM) or node.literal(SYMBOL)) if node else None
        if short:
            return short
        label = self.label(iri)
        return label if len(label) <= 48 else label[:45].rsplit(" ", 1)[0] + "…"

    def display_label(self, iri: str) -> str:
        """'International Network on Soil Biodiversity (NETSOB)'."""
        label = self.label(iri)
        node = self.nodes.get(iri)
        acronym = node.literal(ACRONYM) if node else None
        return f"{label} ({acronym})" if acronym and acronym not in label else label

    def alt_labels(self, iri: str) -> list[str]:
        """Every other name: labels in other languages, alternative labels, acronyms."""
        return [text for text, _lang in self.alt_names(iri)]

    def alt_names(self, iri: str) -> list[tuple[str, str]]:
        """Every other name with its language ("" when the literal has none: an acronym)."""
        node = self.nodes.get(iri)
        if node is None:
            return []
        main = self.label(iri)
        names: dict[str, str] = {}
        for predicate in (LABEL, PREF_LABEL, ALT_LABEL, ACRONYM):
            for term in node.out.get(predicate, []):
                if isinstance(term, ox.Literal) and term.value != main and term.value not in names:
                    names[term.value] = term.language or ""
        return list(names.items())

    # --- resources ----------------------------------------------------------------------------

    def resources(self) -> dict[str, list[str]]:
        """Kind -> IRIs of resources that get a page of their own (not parts), sorted by label."""
        by_kind: dict[str, list[str]] = defaultdict(list)
        for iri, node in self.nodes.items():
            if iri.startswith("_:") or not node.files:
                continue
            kind = kind_of(iri)
            if kind is None or owner_of(iri) != iri or not node.out.get(RDF_TYPE):
                continue
            by_kind[kind].append(iri)
        for iris in by_kind.values():
            iris.sort(key=lambda i: self.label(i).casefold())
        return dict(by_kind)

    def parts(self, owner: str) -> list[str]:
        """Paragraphs and footnotes of a document or decision, paragraphs first, in number order."""
        if self._parts is None:
            index: dict[str, list[str]] = defaultdict(list)
            for iri in self.nodes:
                if iri.startswith(ID) and (whole := owner_of(iri)) != iri:
                    index[whole].append(iri)
            self._parts = {k: sorted(v, key=part_order) for k, v in index.items()}
        return self._parts.get(owner, [])

    def has_page(self, iri: str) -> bool:
        return page_path(iri) is not None and owner_of(iri) in self.nodes

    def list_items(self, node: Node, predicate: str) -> list[Term]:
        """Values of a predicate, expanding an rdf:List value into its members in order."""
        values: list[Term] = []
        for term in node.out.get(predicate, []):
            if isinstance(term, ox.BlankNode) and RDF + "first" in self.nodes.get(_bnode_key(term), Node("")).out:
                values.extend(self.rdf_list(term))
            else:
                values.append(term)
        return values

    def rdf_list(self, head: ox.BlankNode) -> list[Term]:
        items: list[Term] = []
        current: Term | None = head
        seen: set[str] = set()
        while isinstance(current, ox.BlankNode) and current.value not in seen:
            seen.add(current.value)
            cell = self.nodes.get(_bnode_key(current))
            if cell is None:
                break
            first = cell.first(RDF + "first")
            if first is not None:
                items.append(first)
            current = cell.first(RDF + "rest")
        return items

    def bnode(self, term: ox.BlankNode) -> Node | None:
        return self.nodes.get(_bnode_key(term))


def load(store: ox.Store) -> SiteGraph:
    """Every quad of every named graph, grouped by subject, with incoming links recorded."""
    nodes: dict[str, Node] = {}
    triples_by_file: dict[str, list[ox.Triple]] = defaultdict(list)
    count = 0
    result = store.query(ALL_QUADS)
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        graph, subject, predicate, obj = row[0], row[1], row[2], row[3]
        count += 1
        key = _bnode_key(subject) if isinstance(subject, ox.BlankNode) else subject.value
        node = nodes.get(key)
        if node is None:
            node = nodes[key] = Node(key)
        source = graph.value
        node.files.add(source)
        node.out[predicate.value].append(obj)
        triples_by_file[source].append(ox.Triple(subject, predicate, obj))
        if isinstance(obj, ox.NamedNode) and predicate.value != RDF_TYPE and obj.value.startswith(ID):
            target = nodes.get(obj.value)
            if target is None:
                target = nodes[obj.value] = Node(obj.value)
            target.inc.append((key, predicate.value))
    return SiteGraph(nodes, dict(triples_by_file), count)
