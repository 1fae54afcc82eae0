"""The `statement-sources` check: every statement of a data file has a source (soilkg.provenance).

Three findings, each on the statement's line:
- a statement with no source under the default rule, with the annotation to write;
- an annotation citing a passage that no file defines;
- an annotation citing a passage that is not among its subject's `skg:statedIn`. A resource's
  `skg:statedIn` lists every passage that speaks of it, so that "what does paragraph 9 say" can be
  asked of resources and of statements alike; the annotation picks, among those, the ones that
  state one fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pyoxigraph as ox
from rdflib import BNode, URIRef

from soilkg.namespaces import sparql_prefixes
from soilkg.provenance import (
    DCT_SOURCE,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_TYPE,
    STATED_IN,
    Statement,
    annotation_sources,
    unsourced,
)
from soilkg.store import file_of_graph
from soilkg.validation.context import Context, Hit
from soilkg.validation.terms import compact, to_rdflib

RULE = "statement-sources"
_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)


def _file_prefixes(ctx: Context, graph: str) -> list[tuple[str, str]]:
    """The prefixes a file declares, longest namespace first, to write IRIs as the curator does."""
    relative = file_of_graph(graph)
    path = ctx.project.root / relative if relative else None
    if path is None or not path.is_file():
        return []
    found = _PREFIX.findall(path.read_text(encoding="utf-8", errors="replace"))
    return sorted(((p or "", ns) for p, ns in found), key=lambda item: len(item[1]), reverse=True)


def _name(iri: str, prefixes: list[tuple[str, str]]) -> str:
    for prefix, namespace in prefixes:
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local and re.fullmatch(r"[\w-]+", local):
            return f"{prefix}:{local}"
    shown = compact(iri)
    return shown


def _value(term: object, prefixes: list[tuple[str, str]]) -> str:
    if isinstance(term, ox.NamedNode):
        return _name(term.value, prefixes)
    if isinstance(term, ox.Literal):
        text = term.value if len(term.value) <= 40 else term.value[:37] + "..."
        return f'"{text}"' + (f"@{term.language}" if term.language else "")
    return "[ ... ]"


def _owner(ctx: Context, subject: ox.NamedNode | ox.BlankNode) -> ox.NamedNode | None:
    """The resource a statement belongs to: its subject, or the IRI a blank node hangs from."""
    for _ in range(20):
        if isinstance(subject, ox.NamedNode):
            return subject
        parents = list(ctx.store.quads_for_pattern(None, None, subject, None))
        if not parents or not isinstance(parents[0].subject, ox.NamedNode | ox.BlankNode):
            return None
        subject = parents[0].subject
    return None


def _candidates(ctx: Context, subject: ox.NamedNode | ox.BlankNode) -> list[str]:
    """The passages of the statement's resource: the ones to choose from."""
    owner = _owner(ctx, subject)
    if owner is None:
        return []
    return sorted(q.object.value for q in ctx.store.quads_for_pattern(owner, STATED_IN, None, None)
                  if isinstance(q.object, ox.NamedNode) and q.subject == owner)


def _has_dct_source(ctx: Context, owner: ox.NamedNode) -> bool:
    return next(iter(ctx.store.quads_for_pattern(owner, DCT_SOURCE, None, None)), None) is not None


def _types(ctx: Context, owner: ox.NamedNode) -> set[str]:
    return {q.object.value for q in ctx.store.quads_for_pattern(owner, RDF_TYPE, None, None)
            if isinstance(q.object, ox.NamedNode)}


# Classes (and their subclasses) for which a shape already requires `skg:statedIn`: a resource of
# these with no source at all is the shape's finding, told once, not this check's.
_SHAPED = sparql_prefixes("sh", "rdf", "rdfs", "skg") + """
SELECT DISTINCT ?class WHERE {
  ?shape sh:targetClass ?target ; (sh:property|sh:or/rdf:rest*/rdf:first/sh:property) ?property .
  ?property sh:path skg:statedIn ; sh:minCount ?min . FILTER(?min > 0)
  ?class rdfs:subClassOf* ?target .
}"""


def _classes_shapes_source(ctx: Context) -> set[str]:
    result = ctx.store.query(_SHAPED, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return {row["class"].value for row in result if isinstance(row["class"], ox.NamedNode)}


def _sourceless_hit(graph: str, owner: ox.NamedNode) -> Hit:
    return Hit(RULE, graph, URIRef(owner.value),
               f"`{compact(owner.value)}` has no source. Add `skg:statedIn` with the paragraph or footnote that "
               "states it (such as `skg:statedIn report:p4`, with `@prefix report: "
               "<https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/> .`), a web page or a publication.",
               path=STATED_IN.value, at_property=False)


def _reading_order(iri: str) -> tuple[int, int, str]:
    """Paragraphs before footnotes, in number order (report:p4, report:p9, report:fn5): the likeliest first."""
    match = re.search(r"/(p|fn)(\d+)$", iri)
    return (0 if match.group(1) == "p" else 1, int(match.group(2)), iri) if match else (2, 0, iri)


def _unsourced_hit(ctx: Context, st: Statement, prefixes: list[tuple[str, str]]) -> Hit:
    predicate = _name(st.predicate.value, prefixes) if st.predicate.value != \
        RDF_TYPE.value else "a"
    shown = f"{predicate} {_value(st.object, prefixes)}"
    passages = [_name(p, prefixes) for p in sorted(_candidates(ctx, st.subject), key=_reading_order)]
    if len(passages) > 1:
        message = (f"`{shown}` has no source: the resource has {len(passages)} (`skg:statedIn` "
                   f"{', '.join(passages)}), so each statement names its own. Write the passage that states "
                   f"it after the value: `{shown} {{| skg:statedIn {passages[0]} |}}` (use the right one of "
                   f"{', '.join(passages)}; list several, comma-separated, when several state it).")
    else:
        message = (f"`{shown}` has no source. Give the resource one `skg:statedIn` with the paragraph or footnote "
                   f"that states it (such as `skg:statedIn report:p4`), or write the passage after the value: "
                   f"`{shown} {{| skg:statedIn report:p4 |}}`.")
    focus = to_rdflib(st.subject)
    assert isinstance(focus, URIRef | BNode)
    return Hit(RULE, st.graph, focus, message, path=st.predicate.value, value=to_rdflib(st.object))


def statement_sources(ctx: Context) -> list[Hit]:
    graphs = [g for g in ctx.graphs_under("data/", "examples/") if ctx.in_scope(g)]
    found: dict[str, list[tuple[str, str]]] = {}

    def prefixes(graph: str) -> list[tuple[str, str]]:
        """Read only for files that have a finding: most have none."""
        if graph not in found:
            found[graph] = _file_prefixes(ctx, graph)
        return found[graph]

    return _unsourced(ctx, graphs, prefixes) + _bad_annotations(ctx, graphs, prefixes)


def _unsourced(ctx: Context, graphs: list[str], prefixes: Callable[[str], list[tuple[str, str]]]) -> list[Hit]:
    hits = []
    covered = _classes_shapes_source(ctx)
    sourceless: set[str] = set()  # resources with no source at all: one finding each, not one per statement
    for st in unsourced(ctx.store, graphs):
        owner = _owner(ctx, st.subject)
        if owner is not None and not _candidates(ctx, owner) and not _has_dct_source(ctx, owner):
            if owner.value not in sourceless and not _types(ctx, owner) & covered:
                hits.append(_sourceless_hit(st.graph, owner))
            sourceless.add(owner.value)
            continue
        hits.append(_unsourced_hit(ctx, st, prefixes(st.graph)))
    return hits


def _bad_annotations(ctx: Context, graphs: list[str], prefixes: Callable[[str], list[tuple[str, str]]]) -> list[Hit]:
    """Annotations citing a passage no file defines, or one outside their subject's `skg:statedIn`."""
    hits = []
    lookups = (ctx.store, *ctx.lookups)
    typed: dict[str, bool] = {}

    def exists(iri: str) -> bool:
        if iri not in typed:
            node = ox.NamedNode(iri)
            typed[iri] = any(next(iter(s.quads_for_pattern(node, None, None, None)), None) is not None
                             for s in lookups)
        return typed[iri]

    for graph in graphs:
        for subject_quad, passage in annotation_sources(ctx.store, graph):
            reifier, about = subject_quad.subject, subject_quad.object
            parts = {q.predicate.value: q.object for q in ctx.store.quads_for_pattern(reifier, None, None, None)}
            predicate = parts.get(RDF_PREDICATE.value)
            path = predicate.value if isinstance(predicate, ox.NamedNode) else None
            focus = to_rdflib(about) if isinstance(about, ox.NamedNode | ox.BlankNode) else None
            shown = _name(passage, prefixes(graph))
            if not exists(passage):
                hits.append(Hit(RULE, graph, focus, f"The annotation cites `{shown}`, which no file defines. Cite an "
                                "existing paragraph or footnote (such as `report:p4`), a web page or a publication.",
                                path=path, value=URIRef(passage)))
                continue
            obj = parts.get(RDF_OBJECT.value)
            own = set(_candidates(ctx, about)) if isinstance(about, ox.NamedNode | ox.BlankNode) else set()
            if own and passage not in own and not (isinstance(obj, ox.NamedNode) and obj.value == passage):
                listed = ", ".join(_name(p, prefixes(graph)) for p in sorted(own))
                hits.append(Hit(RULE, graph, focus, f"The annotation cites `{shown}`, which is not among the "
                                f"resource's `skg:statedIn` ({listed}). Add `{shown}` to its `skg:statedIn` too (it "
                                "lists every passage that speaks of the resource), or correct the annotation.",
                                path=path, value=URIRef(passage)))
    return hits
