"""Ownership: a curated file states facts only about the resource its path names.

What a file of data/ (or examples/case-studies/) may state, and nothing else:
- facts about its own resource (`data/network/netsob.ttl`: `network:netsob`);
- facts about that resource's parts, whose IRIs extend the owner's with `/p<n>` or `/fn<n>`
  (`document:cgrfa-20-item-8-4/p4`), and about the blank nodes written inside them
  (`skg:impact [ ... ]`), however deep;
- the `rdf:Statement` nodes that record the source of one of those statements (the annotations
  `{| skg:statedIn report:p4 |}` are rewritten into them at load time, soilkg.provenance);
- the ALLOWED exceptions below, the one list of them (documented in data/README.md, "What a file
  may state").

Anything else is one finding per other resource, on the line where the file starts talking about
it, naming the file that owns it: relabelling `network:netsob` from a case study's file, typing
another resource, or a second resource in the same file. `owl:sameAs` (and the other identity
axioms) from a file's own resource to any other resource is refused too: it would merge two
resources in every query.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

import pyoxigraph as ox
from rdflib import URIRef

from soilkg.locate import LineIndex, index_file
from soilkg.namespaces import OWL, RDF, RDF_TYPE, RDFS, SKOS
from soilkg.store import graph_iri
from soilkg.urls import data_file, is_ours, kind_of
from soilkg.validation.context import Context, Hit
from soilkg.validation.filestructure import checked_files, close, expected_resource
from soilkg.validation.terms import compact


@dataclass(frozen=True)
class Allowed:
    """Another resource a file may say something about: IRIs starting with `prefix`, when the file's
    own resource cites them (they are the object of one of its statements), with these properties."""

    prefix: str
    properties: frozenset[str]
    why: str


# The exceptions, all of them. A person cited by ORCID iD (a case study's compiler or reviewer)
# has no file of their own: the citing file gives their name, so that the catalogue can show it.
ALLOWED: tuple[Allowed, ...] = (
    Allowed("https://orcid.org/", frozenset({str(RDFS.label), str(SKOS.prefLabel)}),
            "the name of a person the file cites by ORCID iD"),
)

# Statements that would make the file's resource the same as, or a kind of, another resource.
IDENTITY = frozenset({str(OWL.sameAs), str(OWL.equivalentClass), str(OWL.equivalentProperty),
                      str(RDFS.subClassOf), str(RDFS.subPropertyOf)})
_PART = re.compile(r"^/(?:p|fn)\d+$")
_TYPE = ox.NamedNode(RDF_TYPE)
_SUBJECT = ox.NamedNode(str(RDF.subject))
# A statement node's own triples (the source of a statement about another resource): not listed.
_REIFICATION = frozenset({str(RDF.subject), str(RDF.predicate), str(RDF.object)})
_STATEMENT = str(RDF.Statement)


def ownership(ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    for relative in checked_files(ctx):
        own = expected_resource(relative)
        graph = ox.NamedNode(graph_iri(relative))
        # Without its own resource the file fails structurally (filestructure says so, once).
        if own is None or next(ctx.store.quads_for_pattern(ox.NamedNode(own), _TYPE, None, graph), None) is None:
            continue
        hits.extend(check_file(ctx, relative, own, graph))
    return hits


def owns(own: str, iri: str) -> bool:
    return iri == own or (iri.startswith(own + "/") and _PART.match(iri[len(own):]) is not None)


def owned_nodes(quads: list[ox.Quad], own: str) -> set[object]:
    """The file's own resource, its parts, the blank nodes inside them and the statement nodes
    recording their sources, closed under "written inside"."""
    owned: set[object] = {q.subject for q in quads
                          if isinstance(q.subject, ox.NamedNode) and owns(own, q.subject.value)}
    statements = {q.subject: q.object for q in quads if q.predicate == _SUBJECT}
    changed = True
    while changed:
        changed = False
        for quad in quads:
            if quad.subject in owned and isinstance(quad.object, ox.BlankNode) and quad.object not in owned:
                owned.add(quad.object)
                changed = True
        for node, subject in statements.items():
            if node not in owned and subject in owned:
                owned.add(node)
                changed = True
    return owned


def check_file(ctx: Context, relative: str, own: str, graph: ox.NamedNode) -> list[Hit]:
    quads = list(ctx.store.quads_for_pattern(None, None, None, graph))
    path = ctx.project.root / relative
    index = LineIndex()  # read below, only when the file has something to be told
    owned = owned_nodes(quads, own)
    cited = {q.object for q in quads if q.subject in owned}
    statements = {q.subject: q.object for q in quads if q.predicate == _SUBJECT}
    foreign: dict[object, list[ox.Quad]] = {}
    named_here: set[object] = set()  # subjects the file may also speak of (a cited person's name)
    hits: list[Hit] = []
    for quad in quads:
        if quad.subject in owned:
            if quad.predicate.value in IDENTITY and isinstance(quad.object, ox.NamedNode) \
                    and not owns(own, quad.object.value):
                hits.append(_identity(graph.value, own, quad, index))
        elif _allowed(quad, cited):
            named_here.add(quad.subject)
        else:
            # The source of a statement about another resource belongs with that resource's finding.
            about = statements.get(quad.subject, quad.subject)
            foreign.setdefault(_root(about, quads), []).append(quad)
    if (hits or foreign) and path.is_file():
        index = index_file(path)
        hits = [replace(hit, line=index.line_of(str(hit.focus), hit.path)) for hit in hits]
    anonymous = iter(index.anonymous_subjects)
    for subject, stated in foreign.items():
        if isinstance(subject, ox.NamedNode):
            line = _first_line(index, subject.value, stated) if subject in named_here else index.line_of(subject.value)
        else:
            line = next(anonymous, None)
        hits.append(_foreign(ctx, relative, own, subject, stated, line or index.first_statement))
    return hits


def _first_line(index: LineIndex, iri: str, stated: list[ox.Quad]) -> int | None:
    """The first line where the file states one of these facts (a person's label may come first)."""
    lines = [line for q in stated if (line := index.predicates.get((iri, q.predicate.value))) is not None]
    return min(lines) if lines else index.line_of(iri)


def _allowed(quad: ox.Quad, cited: AbstractSet[object]) -> bool:
    subject = quad.subject
    if not isinstance(subject, ox.NamedNode) or not any(
            subject.value.startswith(a.prefix) and quad.predicate.value in a.properties for a in ALLOWED):
        return False
    # A person cited with a mistyped iD: that mistake has its own finding, on the citing line.
    return subject in cited or any(isinstance(c, ox.NamedNode) and close(c.value, subject.value) for c in cited)


def _root(node: object, quads: list[ox.Quad]) -> object:
    """What a foreign blank node is written in: the other resource it belongs to, or the outermost
    blank node (one finding for the whole `[ ... ]`)."""
    for _ in range(50):
        if not isinstance(node, ox.BlankNode):
            return node
        parent = next((q.subject for q in quads if q.object == node), None)
        if parent is None or isinstance(parent, ox.Triple):
            return node
        if isinstance(parent, ox.NamedNode):
            return parent
        node = parent
    return node


def _identity(graph: str, own: str, quad: ox.Quad, index: LineIndex) -> Hit:
    target = quad.object.value if isinstance(quad.object, ox.NamedNode) else ""
    subject = quad.subject.value if isinstance(quad.subject, ox.NamedNode) else own
    return Hit("foreign-identity", graph, URIRef(subject),
               f"`{compact(quad.predicate.value)}` says that `{compact(subject)}` and `{compact(target)}` are the same "
               "(or one is a kind of the other): every query would mix their facts, and a file cannot change what "
               "another resource is. Delete the line; to link the two, use a property of the ontology (such as "
               "`skg:implementer`), or `skos:exactMatch` for the same thing in another vocabulary.",
               path=quad.predicate.value, line=index.line_of(subject, quad.predicate.value))


def _foreign(ctx: Context, relative: str, own: str, subject: object, stated: list[ox.Quad], line: int | None) -> Hit:
    graph = graph_iri(relative)
    mine = f"`{compact(own)}`"
    stated = [q for q in stated if q.subject == subject] or stated  # not what its blank nodes state
    properties = sorted({compact(q.predicate.value) for q in stated if q.predicate.value not in _REIFICATION
                         and not (q.predicate == _TYPE and isinstance(q.object, ox.NamedNode)
                                  and q.object.value == _STATEMENT)})
    listed = ", ".join(f"`{p}`" for p in properties[:4]) + (" ..." if len(properties) > 4 else "")
    if isinstance(subject, ox.BlankNode):
        return Hit("foreign-statement", graph, None,
                   f"A blank node here (`[ ... ]` stating {listed}) hangs from nothing in {mine}'s description, so "
                   f"nothing reads it. Write it inside {mine} (such as `skg:impact [ ... ]`), or delete it.", line=line)
    iri = subject.value if isinstance(subject, ox.NamedNode) else ""
    types = [q.object.value for q in stated
             if q.predicate == _TYPE and isinstance(q.object, ox.NamedNode) and q.object.value != _STATEMENT]
    home = data_file(iri) if kind_of(iri) else None
    exists = home is not None and (ctx.project.root / home).is_file()
    if iri.startswith(own + "/"):
        where = (f"it is not a part of {mine} (parts end in `/p<n>` or `/fn<n>`). Write it as a blank node inside "
                 f"{mine} instead, or delete it.")
    elif home is None and not is_ours(iri):
        allowed = next((a for a in ALLOWED if iri.startswith(a.prefix)), None)
        where = (f"it is not this file's resource. This file may give only {allowed.why} (`rdfs:label`), and only "
                 f"of someone {mine} cites." if allowed else "it is not this file's resource. Delete these lines.")
    elif exists:
        where = f"{home} owns it. Delete these lines here; to change `{compact(iri)}`, edit {home}."
    else:
        where = f"no file owns it: create {home} and move these lines there."
    if types:
        kind = ", ".join(f"`{compact(t)}`" for t in types)
        return Hit("two-resources", graph, URIRef(iri),
                   f"This file describes a second resource, `{compact(iri)}` (a {kind}); a file describes one "
                   f"resource, {mine}, and its parts. For `{compact(iri)}`, {where}", line=line)
    return Hit("foreign-statement", graph, URIRef(iri),
               f"This file states {listed} about `{compact(iri)}`, but a file states facts only about its own "
               f"resource, {mine}, and its parts; for `{compact(iri)}`, {where}", line=line)
