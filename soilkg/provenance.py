"""Statement-level sources: which passage states each statement of the graph.

Curators write RDF 1.2 annotations in Turtle::

    network:netsob skg:leadsImplementationOf plan:plan-of-action-2020-2030 {| skg:statedIn report:p4 |} ;

pyoxigraph parses an annotation into a reifier with ``rdf:reifies <<( s p o )>>`` (a triple term).
At load time :func:`rewrite_annotations` turns it into standard RDF 1.1 reification in the same
named graph, so that the store holds plain RDF 1.1 that every engine (Fuseki, QLever, rdflib,
pyshacl) reads and every SPARQL 1.1 query can use::

    _:r a rdf:Statement ; rdf:subject S ; rdf:predicate P ; rdf:object O ; skg:statedIn PASSAGE .

The asserted triple ``S P O`` stays as written.

The default rule (:func:`statement_sources`), which keeps files short:
- an annotated statement is stated by its annotation's passages;
- otherwise a passage (paragraph, footnote, title block, web page) states its own statements and those that
  make it part of its document (`document skg:paragraph passage`); a case study (a curator's record
  with its own references) is the source of its own statements, and of those of its file about
  resources that have no source of their own (its compiler's ORCID record);
- otherwise an identifier or name taken from a registry (an ``skg:Registry`` of data/dataset/) is stated
  by that registry: every value of a property the registry is ``skg:registryFor`` (``skg:m49``: UN M49),
  and a mapping (``skos:exactMatch`` ...) to an IRI under its ``skg:uriSpace`` (Wikidata, AGROVOC ...),
  declared once in the registry's file, not in every file that uses it;
- otherwise a statement is stated by its subject's ``skg:statedIn`` when the subject has exactly one
  (a country added from ISO 3166 without one: by its single ``dct:source``);
- a statement whose subject is a blank node takes the sources of the statement that holds the blank
  node (``owner predicate [ ... ]``, an RDF list of authors);
- ``skg:statedIn`` statements need no source.
Anything else has no source: :func:`unsourced` lists it for the validation check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from soilkg.namespaces import DCT, OWL, RDF, SKG, SKOS, SOURCE_GRAPH

RDF_TYPE = ox.NamedNode(RDF + "type")
RDF_REIFIES = ox.NamedNode(RDF + "reifies")
RDF_STATEMENT = ox.NamedNode(RDF + "Statement")
RDF_SUBJECT = ox.NamedNode(RDF + "subject")
RDF_PREDICATE = ox.NamedNode(RDF + "predicate")
RDF_OBJECT = ox.NamedNode(RDF + "object")
STATED_IN = ox.NamedNode(str(SKG.statedIn))
DCT_SOURCE = ox.NamedNode(str(DCT.source))

CASE_STUDY = str(SKG.CaseStudy)

# Resources that are the source of their own statements.
SELF_SOURCED = frozenset(str(SKG[name]) for name in ("DocumentParagraph", "Footnote", "TitleBlock", "CaseStudy",
                                                   "WebPage", "Registry"))

REGISTRY_FOR = ox.NamedNode(str(SKG.registryFor))
URI_SPACE = ox.NamedNode(str(SKG.uriSpace))
# The properties that map a resource to another vocabulary's IRI: such a statement is the registry's whose
# skg:uriSpace the IRI starts with.
MAPPINGS = frozenset([*(SKOS + name for name in ("exactMatch", "closeMatch", "relatedMatch", "broadMatch",
                                                  "narrowMatch")), OWL + "sameAs"])

# `document skg:paragraph passage`: stated by the passage itself, as its own `skg:paragraphOf` is.
_PART_LINKS = frozenset(str(SKG[name]) for name in ("paragraph", "footnote", "titleBlock"))

# Files whose statements need sources: the data, not the ontology or the shapes.
_NOT_DATA = (SOURCE_GRAPH + "ontology/", SOURCE_GRAPH + "shapes/")



def registry_declarations(store: ox.Store, leave_out: Iterable[ox.NamedNode] = ()) -> Iterator[ox.Quad]:
    """The registries' `skg:registryFor` and `skg:uriSpace` statements: a run that checks a few files
    needs them from the whole graph, since a registry states identifiers in every file."""
    skip = set(leave_out)
    for predicate in (REGISTRY_FOR, URI_SPACE):
        yield from (q for q in store.quads_for_pattern(None, predicate, None, None) if q.graph_name not in skip)


Key = tuple[str, str, str]  # (subject IRI or _:id, predicate IRI, object in N-Triples)


def rewrite_annotations(store: ox.Store, graph: ox.NamedNode) -> int:
    """Rewrite the RDF 1.2 reifiers of one file's graph into RDF 1.1 reification, in place.

    Returns how many triple terms were left elsewhere (written as `<<( s p o )>>` outside an
    annotation); those quads are removed, so that no triple term stays in the store."""
    for quad in list(store.quads_for_pattern(None, RDF_REIFIES, None, graph)):
        triple = quad.object
        store.remove(quad)
        if not isinstance(triple, ox.Triple):
            continue  # rdf:reifies with a plain value: nothing to reify, nothing to keep
        reifier = quad.subject
        store.extend([ox.Quad(reifier, RDF_TYPE, RDF_STATEMENT, graph),
                      ox.Quad(reifier, RDF_SUBJECT, triple.subject, graph),
                      ox.Quad(reifier, RDF_PREDICATE, triple.predicate, graph),
                      ox.Quad(reifier, RDF_OBJECT, triple.object, graph)])
    left = [q for q in store.quads_for_pattern(None, None, None, graph)
            if isinstance(q.object, ox.Triple) or isinstance(q.subject, ox.Triple)]
    for quad in left:
        store.remove(quad)
    return len(left)


def key_of(subject: ox.NamedNode | ox.BlankNode, predicate: ox.NamedNode, obj: object) -> Key:
    subject_text = subject.value if isinstance(subject, ox.NamedNode) else str(subject)
    return subject_text, predicate.value, str(obj)


@dataclass(frozen=True)
class Statement:
    """One asserted statement of a data file, with the sources the default rule gives it."""

    graph: str
    subject: ox.NamedNode | ox.BlankNode
    predicate: ox.NamedNode
    object: ox.NamedNode | ox.BlankNode | ox.Literal
    sources: tuple[str, ...]  # passage IRIs, sorted; empty: no source
    annotated: bool  # the sources come from an annotation (not from the default rule)


Subject = ox.NamedNode | ox.BlankNode
Object = ox.NamedNode | ox.BlankNode | ox.Literal


class _Index:
    """What the rule needs, read once from the store in a few passes over its indexes (not one look-up
    per file: a build validates thousands of files)."""

    def __init__(self, store: ox.Store, graphs: Iterable[str] | None) -> None:
        self.store = store
        if graphs is None:
            self.graphs = {g for g in store.named_graphs() if isinstance(g, ox.NamedNode)
                           and not g.value.startswith(_NOT_DATA)}
        else:
            self.graphs = {ox.NamedNode(g) for g in graphs}
        self.reifiers: set[Subject] = set()
        self.annotations: dict[tuple[Subject, ox.NamedNode, Object], set[str]] = {}
        self.stated_in: dict[Subject, set[str]] = {}
        self.dct_source: dict[Subject, set[str]] = {}
        self.self_sourced: set[str] = set()
        self.record_of: dict[str, str] = {}  # a case study's file -> the case study
        self.holder: dict[ox.BlankNode, tuple[Subject, ox.NamedNode, ox.BlankNode]] = {}
        self.registry_for: dict[str, str] = {}  # property IRI -> the registry all its values come from
        self.uri_spaces: list[tuple[str, str]] = []  # (IRI start, registry), longest first
        self._default: dict[tuple[Subject, str], tuple[str, ...]] = {}
        self._annotated_graphs: set[str] = set()
        self._sourced_subjects: dict[str, set[str]] = {}  # file -> subjects with a source of their own there
        self._read()

    def _mine(self, quad: ox.Quad) -> bool:
        return quad.graph_name in self.graphs

    @staticmethod
    def _in_data(quad: ox.Quad) -> bool:
        """Any data file's, not only the files asked about: a registry states identifiers in every file."""
        return isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value.startswith(SOURCE_GRAPH) \
            and not quad.graph_name.value.startswith(_NOT_DATA)

    def _read(self) -> None:
        store = self.store
        for quad in store.quads_for_pattern(None, RDF_TYPE, RDF_STATEMENT, None):
            if self._mine(quad) and isinstance(quad.subject, ox.NamedNode | ox.BlankNode):
                self.reifiers.add(quad.subject)
                if isinstance(quad.graph_name, ox.NamedNode):
                    self._annotated_graphs.add(quad.graph_name.value)
        for reifier in self.reifiers:
            parts: dict[str, object] = {}
            stated: set[str] = set()
            for q in store.quads_for_pattern(reifier, None, None, None):
                if q.predicate == STATED_IN and isinstance(q.object, ox.NamedNode):
                    stated.add(q.object.value)
                else:
                    parts[q.predicate.value] = q.object
            s, p, o = parts.get(RDF_SUBJECT.value), parts.get(RDF_PREDICATE.value), parts.get(RDF_OBJECT.value)
            if isinstance(s, ox.NamedNode | ox.BlankNode) and isinstance(p, ox.NamedNode) \
                    and isinstance(o, ox.NamedNode | ox.BlankNode | ox.Literal):
                self.annotations.setdefault((s, p, o), set()).update(stated)
        for predicate, found in ((STATED_IN, self.stated_in), (DCT_SOURCE, self.dct_source)):
            for quad in store.quads_for_pattern(None, predicate, None, None):
                if self._mine(quad) and quad.subject not in self.reifiers and isinstance(quad.object, ox.NamedNode) \
                        and isinstance(quad.subject, ox.NamedNode | ox.BlankNode):
                    found.setdefault(quad.subject, set()).add(quad.object.value)
                    if isinstance(quad.graph_name, ox.NamedNode):
                        self._sourced_subjects.setdefault(quad.graph_name.value, set()).add(str(quad.subject.value))
        for quad in store.quads_for_pattern(None, REGISTRY_FOR, None, None):
            if self._in_data(quad) and isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.NamedNode):
                self.registry_for[quad.object.value] = quad.subject.value
        spaces = [(quad.object.value, quad.subject.value)
                  for quad in store.quads_for_pattern(None, URI_SPACE, None, None)
                  if self._in_data(quad) and isinstance(quad.subject, ox.NamedNode)
                  and isinstance(quad.object, ox.Literal)]
        self.uri_spaces = sorted(spaces, key=lambda item: len(item[0]), reverse=True)
        for kind in SELF_SOURCED:
            for quad in store.quads_for_pattern(None, RDF_TYPE, ox.NamedNode(kind), None):
                if self._mine(quad) and isinstance(quad.subject, ox.NamedNode):
                    self.self_sourced.add(quad.subject.value)
                    if kind == CASE_STUDY and isinstance(quad.graph_name, ox.NamedNode):
                        self.record_of[quad.graph_name.value] = quad.subject.value

    def settled(self) -> set[ox.NamedNode]:
        """Case studies' files in which every statement is the case study's: no annotation, and no
        other resource there with a skg:statedIn or dct:source of its own."""
        return {graph for graph in self.graphs if graph.value in self.record_of
                and self._sourced_subjects.get(graph.value, set()) <= {self.record_of[graph.value]}
                and graph.value not in self._annotated_graphs}

    def quads(self, skip_settled: bool = False) -> list[ox.Quad]:
        """The data files' statements, but reification nodes and `skg:statedIn`; notes who holds each
        blank node on the way."""
        out = []
        if skip_settled:
            wanted = self.graphs - self.settled()
            # One look-up per file is cheaper than reading every statement when most files are settled.
            quads: Iterable[ox.Quad] = (q for g in wanted for q in self.store.quads_for_pattern(None, None, None, g))
        else:
            quads = self.store.quads_for_pattern(None, None, None, None)
        for quad in quads:
            subject = quad.subject
            if quad.graph_name not in self.graphs or subject in self.reifiers:
                continue
            if isinstance(quad.object, ox.BlankNode) and isinstance(subject, ox.NamedNode | ox.BlankNode):
                self.holder.setdefault(quad.object, (subject, quad.predicate, quad.object))
            if quad.predicate != STATED_IN:
                out.append(quad)
        return out

    def default_sources(self, subject: ox.NamedNode, graph: str) -> tuple[str, ...]:
        """The subject's one source (cached: a subject has many statements)."""
        key = (subject, graph)
        if key not in self._default:
            self._default[key] = self._compute_default(subject, graph)
        return self._default[key]

    def _compute_default(self, subject: ox.NamedNode, graph: str) -> tuple[str, ...]:
        stated = self.stated_in.get(subject)
        if stated is not None:
            return tuple(stated) if len(stated) == 1 else ()
        fallback = self.dct_source.get(subject, set())
        if len(fallback) == 1:
            return tuple(fallback)
        record = self.record_of.get(graph)  # a compiler's ORCID record written in a case study's file
        return (record,) if record is not None and not fallback else ()

    def sources(self, subject: Subject, predicate: ox.NamedNode, obj: Object, graph: str,
                depth: int = 0) -> tuple[tuple[str, ...], bool]:
        annotated = self.annotations.get((subject, predicate, obj)) if self.annotations else None
        if annotated:
            return tuple(sorted(annotated)), True
        if isinstance(subject, ox.BlankNode):
            held = self.holder.get(subject)
            if held is None or depth > 50:
                return (), False
            return self.sources(held[0], held[1], held[2], graph, depth + 1)[0], False
        if subject.value in self.self_sourced:
            return (subject.value,), False
        if predicate.value in _PART_LINKS and isinstance(obj, ox.NamedNode) and obj.value in self.self_sourced:
            return (obj.value,), False  # a passage states that it is part of its document
        registry = self.registry(predicate, obj)
        if registry is not None:
            return (registry,), False
        return self.default_sources(subject, graph), False

    def registry(self, predicate: ox.NamedNode, obj: Object) -> str | None:
        """The registry that states this identifier, if any."""
        found = self.registry_for.get(predicate.value)
        if found is not None or predicate.value not in MAPPINGS or not isinstance(obj, ox.NamedNode):
            return found
        return next((registry for space, registry in self.uri_spaces if obj.value.startswith(space)), None)


def _sourced(store: ox.Store, graphs: Iterable[str] | None, skip_settled: bool = False
             ) -> Iterator[tuple[str, Subject, ox.NamedNode, Object, tuple[str, ...], bool]]:
    """(graph, subject, predicate, object, sources, annotated) for every statement of the data files."""
    index = _Index(store, graphs)
    for quad in index.quads(skip_settled):  # all read first: that fills the blank-node holders
        subject, obj, graph = quad.subject, quad.object, quad.graph_name
        if not isinstance(subject, ox.NamedNode | ox.BlankNode) or isinstance(obj, ox.Triple) \
                or not isinstance(graph, ox.NamedNode):
            continue
        sources, annotated = index.sources(subject, quad.predicate, obj, graph.value)
        yield graph.value, subject, quad.predicate, obj, sources, annotated


def statements(store: ox.Store, graphs: Iterable[str] | None = None) -> list[Statement]:
    """Every asserted statement of the data files (all graphs but ontology/ and shapes/, or the given
    graph IRIs), except `skg:statedIn` statements and reification nodes, with its sources."""
    return [Statement(*row) for row in _sourced(store, graphs)]


def statement_sources(store: ox.Store) -> dict[Key, list[str]]:
    """(subject IRI, predicate IRI, object in N-Triples form) -> the passage IRIs that state it,
    sorted, by the default rule. Blank-node subjects are keyed `_:id`. Statements without a source
    are left out (validation reports them)."""
    found: dict[Key, set[str]] = {}
    for _graph, subject, predicate, obj, sources, _annotated in _sourced(store, None):
        if sources:
            found.setdefault(key_of(subject, predicate, obj), set()).update(sources)
    return {key: sorted(passages) for key, passages in found.items()}


def unsourced(store: ox.Store, graphs: Iterable[str] | None = None) -> list[Statement]:
    """Statements of the data files (or the given graphs) that have no source under the default rule.

    Files that cannot hold one are not read statement by statement: a case study's file with no
    annotation and no other resource with a source of its own (every statement there is the case
    study's), which is most files of a large graph."""
    return [Statement(*row) for row in _sourced(store, graphs, skip_settled=True) if not row[4]]


def annotation_sources(store: ox.Store, graph: str) -> Iterator[tuple[ox.Quad, str]]:
    """(rdf:subject quad of a reification, cited passage) for every annotation of one file."""
    node = ox.NamedNode(graph)
    for typed in store.quads_for_pattern(None, RDF_TYPE, RDF_STATEMENT, node):
        for subject in store.quads_for_pattern(typed.subject, RDF_SUBJECT, None, node):
            for cited in store.quads_for_pattern(typed.subject, STATED_IN, None, node):
                yield subject, cited.object.value if isinstance(cited.object, ox.NamedNode) else str(cited.object)


def read_file(path: Path) -> ox.Store:
    """One Turtle file (annotations allowed) in a fresh in-memory store, default graph, annotations
    rewritten as in a build. For tools that must read one data file on its own: rdflib's Turtle parser
    does not read RDF 1.2 annotations, so parse with this and convert (`to_rdflib`)."""
    store = ox.Store()
    graph = ox.NamedNode(SOURCE_GRAPH + "read-file")
    store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=graph)
    rewrite_annotations(store, graph)
    out = ox.Store()
    out.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in store)
    return out


def to_rdflib(path: Path) -> rdflib.Graph:
    """One Turtle file (annotations allowed) as an rdflib Graph of plain RDF 1.1 (see read_file)."""
    text = ox.serialize(read_file(path), format=ox.RdfFormat.N_QUADS)
    assert text is not None
    return rdflib.Graph().parse(data=text.decode("utf-8"), format="nt")
