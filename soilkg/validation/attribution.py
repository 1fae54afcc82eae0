"""Give each hit its file and line: the file is the named graph that states the resource; the
line comes from soilkg.locate (the subject's line, or its property's line when known)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, URIRef

from soilkg.errors import Finding
from soilkg.locate import index_file
from soilkg.store import file_of_graph
from soilkg.validation.context import RDF_TYPE, Context, Hit
from soilkg.validation.terms import to_oxigraph

_MAX_DEPTH = 20  # nested blank nodes (a case study's sections) are never this deep


def owner(ctx: Context, node: URIRef | BNode) -> URIRef | None:
    """The IRI a blank node hangs from (case-study sections are blank nodes inside a resource)."""
    current: URIRef | BNode = node
    for _ in range(_MAX_DEPTH):
        if isinstance(current, URIRef):
            return current
        parents = list(ctx.store.quads_for_pattern(None, None, to_oxigraph(current), None))
        if not parents:
            return None
        subject = parents[0].subject
        if isinstance(subject, ox.NamedNode):
            current = URIRef(subject.value)
        elif isinstance(subject, ox.BlankNode):
            current = BNode(subject.value)
        else:
            return None
    return None


def holder(ctx: Context, node: BNode) -> tuple[str, str, ox.BlankNode] | None:
    """(owner IRI, predicate, blank node) for the outermost blank node above `node`: the one written
    `owner predicate [ ... ]` in the owner's file (an impact inside a case study)."""
    current = ox.BlankNode(str(node))
    for _ in range(_MAX_DEPTH):
        parents = list(ctx.store.quads_for_pattern(None, None, current, None))
        if not parents:
            return None
        subject = parents[0].subject
        if isinstance(subject, ox.NamedNode):
            return subject.value, parents[0].predicate.value, current
        if not isinstance(subject, ox.BlankNode):
            return None
        current = subject
    return None


def _blank_node_line(ctx: Context, path: Path, node: BNode, inner: str | None) -> int | None:
    """The line of the blank node itself (found among its siblings by what it holds), or of the
    predicate that holds it; `inner`: its own property's line, when the problem is that value."""
    held = holder(ctx, node)
    if held is None:
        return None
    iri, predicate, top = held
    holds = set()
    for quad in ctx.store.quads_for_pattern(top, None, None, None):
        holds.add(quad.predicate.value)
        if isinstance(quad.object, ox.NamedNode | ox.Literal):
            holds.add(quad.object.value)
    index = index_file(path)
    own = inner if str(top.value) == str(node) else None
    return index.blank_node_line(iri, predicate, holds, own) or index.line_of(iri, predicate)


def graph_of(ctx: Context, subject: URIRef) -> str | None:
    """The file that types the resource, else any file that says something about it."""
    node = ox.NamedNode(str(subject))
    for predicate in (RDF_TYPE, None):
        for quad in ctx.store.quads_for_pattern(node, predicate, None, None):
            if isinstance(quad.graph_name, ox.NamedNode):
                return quad.graph_name.value
    return None


def to_finding(ctx: Context, hit: Hit) -> Finding:
    subject = hit.focus if isinstance(hit.focus, URIRef | BNode) else None
    iri = owner(ctx, subject) if subject is not None else None
    graph = hit.graph or (graph_of(ctx, iri) if iri is not None else None)
    relative = file_of_graph(graph) if graph else None
    line = hit.line
    if relative is not None and iri is not None and line is None:
        path = ctx.project.root / relative
        if path.is_file() and isinstance(subject, BNode):
            # A problem inside a blank node (an impact): that blank node's line, or its property's.
            line = _blank_node_line(ctx, path, subject, hit.path if hit.at_property else None)
        if path.is_file() and line is None:
            line = index_file(path).line_of(str(iri), hit.path if subject == iri and hit.at_property else None)
    return Finding(relative or "(graph)", line, hit.message, hit.severity, rule=hit.rule,
                   focus=str(iri) if iri is not None else None, path=hit.path,
                   value=str(hit.value) if hit.value is not None else None)
