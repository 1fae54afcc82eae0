"""What the public sees: the one rule that decides which named graphs (source files) are not public.

A source file is NON-PUBLIC when it describes

- a case study whose ``skg:reviewStatus`` is not ``skg:published`` (draft, submitted, reviewed:
  the review workflow of :mod:`soilkg.curation.workflow`), or
- a resource explicitly marked ``skg:nonPublic true`` (ontology/visibility.ttl): the marker for
  anything else that must stay with the curators for now, whatever its kind.

The unit is the file: its whole named graph leaves the public store. Statements of other files that
point at a non-public resource (or at one of its parts, ``<resource>/p1``...) leave with it, so that
no public page or answer links to something the public cannot see.

``soilkg build`` makes two stores from this rule (see :mod:`soilkg.store`): the public one, read by
``/sparql``, ``/id/...``, ``/queries``, the site and the report, and the curators' preview with
everything (``--include-drafts``). When nothing is non-public they are the same folder.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from soilkg.namespaces import RDF_TYPE, SKG

TYPE = ox.NamedNode(RDF_TYPE)

# The curators' preview says so on every page (site and API alike); `skg-preview` is the banner's class.
PREVIEW_BANNER = ('<div class="admonition warning skg-preview" role="note"><p class="admonition-title">'
                  "Preview \u2014 not public. This preview shows unpublished case studies "
                  "(--include-drafts); do not publish what you see here.</p></div>")

# Case studies that are not (yet) published, in any named graph of a store built by soilkg.store.
UNPUBLISHED = f"""
PREFIX skg: <{SKG}>
SELECT DISTINCT ?case WHERE {{
  GRAPH ?g {{ ?case a skg:CaseStudy }}
  FILTER NOT EXISTS {{ GRAPH ?h {{ ?case skg:reviewStatus skg:published }} }}
}}"""

NON_PUBLIC = SKG.nonPublic  # `<resource> skg:nonPublic true` keeps the resource's file out of the public view

# Resources explicitly marked non-public, with the file (named graph) that marks them.
_MARKED = f"""
SELECT DISTINCT ?resource ?g WHERE {{
  GRAPH ?g {{ ?resource <{NON_PUBLIC}> ?flag }}
  FILTER(isIRI(?resource) && ?flag = true)
}}"""


@dataclass(frozen=True)
class Hidden:
    """What the public view leaves out: whole named graphs, and the resources they describe."""

    graphs: frozenset[str]
    resources: frozenset[str]

    def __bool__(self) -> bool:
        return bool(self.graphs)


def unpublished_case_studies(store: ox.Store) -> set[str]:
    """IRIs of case studies whose review status is not `published`: keep them out of public pages."""
    result = store.query(UNPUBLISHED)
    assert isinstance(result, ox.QuerySolutions)
    return {row["case"].value for row in result}


def hidden(store: ox.Store) -> Hidden:
    """The non-public graphs and resources of a store built by :mod:`soilkg.store`."""
    pairs: set[tuple[str, str]] = set()
    case_study = ox.NamedNode(str(SKG.CaseStudy))
    for case in unpublished_case_studies(store):
        node = ox.NamedNode(case)
        # The file that types the case study owns it (each file describes the resource its path names).
        pairs |= {(case, q.graph_name.value) for q in store.quads_for_pattern(node, TYPE, case_study, None)
                  if isinstance(q.graph_name, ox.NamedNode)}
    result = store.query(_MARKED)
    assert isinstance(result, ox.QuerySolutions)
    pairs |= {(row["resource"].value, row["g"].value) for row in result}
    return Hidden(frozenset(g for _, g in pairs), frozenset(r for r, _ in pairs))


def _owned(iri: str, resources: frozenset[str]) -> bool:
    """The resource itself or one of its parts (`<resource>/p3`, `<resource>/fn2`)."""
    while True:
        if iri in resources:
            return True
        iri, sep, _ = iri.rpartition("/")
        if not sep:
            return False


def make_public(source: ox.Store, public: ox.Store, what: Hidden) -> int:
    """Turn `public` (a copy of the preview store `source`) into the public view: drop the non-public
    files, and every statement elsewhere about them or pointing at them. Reads `source` (whose indexes
    hold no deletions yet) and removes from `public`; index look-ups only, never a scan of the whole
    store. Returns how many statements were removed."""
    nodes: set[ox.NamedNode] = set()
    removed = 0
    for graph in what.graphs:
        for quad in source.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            removed += 1
            if isinstance(quad.subject, ox.NamedNode) and _owned(quad.subject.value, what.resources):
                nodes.add(quad.subject)  # the resource and its parts, which live in its own file
    outside = [quad for node in nodes
               for quad in (*source.quads_for_pattern(node, None, None, None),
                            *source.quads_for_pattern(None, None, node, None))
               if not (isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value in what.graphs)]
    for graph in what.graphs:
        public.remove_graph(ox.NamedNode(graph))
    for quad in set(outside):
        public.remove(quad)
    return removed + len(set(outside))
