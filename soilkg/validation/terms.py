"""Terms as curators read them: compact prefixed names, and oxigraph <-> rdflib conversion."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from soilkg.namespaces import PREFIXES, XSD

# rdflib logs a full traceback (as a warning) whenever it meets an ill-typed literal such as
# "2024-02-30"^^xsd:date. We report those ourselves, as findings; the traceback must not reach users.
logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)


# Longest namespace first, so `report:` wins over `document:` for report paragraphs.
_EXTRA = {"report": "https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/"}
_BY_LENGTH = sorted({**PREFIXES, **_EXTRA}.items(), key=lambda item: len(item[1]), reverse=True)


def compact(iri: str) -> str:
    """`skg:statedIn` for the full IRI, or the IRI in <> when no prefix fits."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace):
            local = iri[len(namespace):]
            if local and "/" not in local and "#" not in local:
                return f"{prefix}:{local}"
    return f"<{iri}>"


def describe(term: Node | None) -> str:
    """A value as a curator should see it in a message."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"`{compact(str(term))}`"
    if isinstance(term, Literal):
        text = str(term)
        shown = text if len(text) <= 80 else text[:77] + "..."
        if term.datatype is None:
            return f'the text "{shown}"' + (f" (@{term.language})" if term.language else "")
        return f'"{shown}" ({compact(str(term.datatype))})'
    return "a blank node"


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == XSD + "string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")  # RDF-star triples do not occur in our Turtle


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def graph_from_store(store: ox.Store, graphs: Iterable[str]) -> Graph:
    """An rdflib Graph holding the union of some named graphs (pyshacl works on rdflib graphs).

    IRIs repeat a lot (types, predicates, shared objects): converting each distinct term once
    keeps the copy well below the cost of the validation itself."""
    graph = Graph()
    cache: dict[object, Node] = {}
    triples = []
    for name in graphs:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            converted = []
            for term in (quad.subject, quad.predicate, quad.object):
                node = cache.get(term)
                if node is None:
                    node = cache[term] = to_rdflib(term)
                converted.append(node)
            triples.append((converted[0], converted[1], converted[2], graph))
    graph.addN(triples)
    return graph
