"""What a validation run looks at: the graph to check, which files to report on, and where to
look up the names that exist (for "did you mean")."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pyoxigraph as ox
from rdflib.term import Node

from soilkg import namespaces
from soilkg.errors import Severity
from soilkg.namespaces import SKG, SOURCE_GRAPH
from soilkg.paths import Project
from soilkg.store import file_of_graph

RDF_TYPE = ox.NamedNode(namespaces.RDF_TYPE)


@dataclass
class Hit:
    """One problem before it gets its file and line: found by a shape or a named check."""

    rule: str
    graph: str | None  # the named graph (= file) where the problem is written
    focus: Node | None
    message: str
    severity: Severity = Severity.VIOLATION
    path: str | None = None
    value: Node | None = None
    # Point at the property's line (a bad value, an unknown property) or, when something is
    # missing, at the resource's own line.
    at_property: bool = True
    # "Did you mean" candidates (IRIs), for merging a misspelt property with its missing field.
    suggestions: tuple[str, ...] = ()
    # The exact line, when the check knows it better than the resource's line (a @prefix, a blank
    # node written at the margin, line 1 of an empty file).
    line: int | None = None


@dataclass
class Context:
    project: Project
    store: ox.Store  # the graph the checks run on (every file, or one file plus what it refers to)
    scope: frozenset[str] | None = None  # graph IRIs to report on; None: every file
    lookups: tuple[ox.Store, ...] = ()  # further stores that hold the whole graph (single-file runs)
    # Repository-relative paths of the files checked: an empty file loads no triple, so the store
    # alone cannot tell that it was there.
    files: frozenset[str] = frozenset()
    _defined: dict[str, list[str]] = field(default_factory=dict)

    def in_scope(self, graph: str | None) -> bool:
        return self.scope is None or graph in self.scope

    @cached_property
    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)
                      and g.value.startswith(SOURCE_GRAPH))

    def graphs_under(self, *folders: str) -> list[str]:
        return [g for g in self.graphs if (file_of_graph(g) or "").startswith(folders)]

    @cached_property
    def shapes_graphs(self) -> list[str]:
        return self.graphs_under("shapes/")

    @cached_property
    def data_graphs(self) -> list[str]:
        """Everything but the shapes: ontology (for class hierarchy), data, demo case studies."""
        return [g for g in self.graphs if g not in self.shapes_graphs]

    @cached_property
    def ontology_terms(self) -> frozenset[str]:
        """Every term of our namespace that an ontology file defines (gives a type to)."""
        terms: set[str] = set()
        for graph in self.graphs_under("ontology/"):
            for quad in self.store.quads_for_pattern(None, RDF_TYPE, None, ox.NamedNode(graph)):
                if isinstance(quad.subject, ox.NamedNode) and quad.subject.value.startswith(str(SKG)):
                    terms.add(quad.subject.value)
        return frozenset(terms)

    def defined(self, namespace: str) -> list[str]:
        """IRIs under `namespace` that some file gives a type to, in the whole graph."""
        if namespace not in self._defined:
            # The namespace comes from an IRI (no quotes or backslashes can occur in one).
            query = ("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a ?t } "
                     f"FILTER(isIRI(?s) && STRSTARTS(STR(?s), \"{namespace}\")) }}")
            found: set[str] = set()
            for store in (self.store, *self.lookups):
                result = store.query(query)
                assert isinstance(result, ox.QuerySolutions)
                found.update(row["s"].value for row in result)
            self._defined[namespace] = sorted(found)
        return self._defined[namespace]
