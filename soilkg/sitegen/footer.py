"""The footer every page carries: who owns the catalogue, the data licence, how recent the data is,
how to cite it, and a disclaimer. The licence and citation text come from `soilkg.citation` (one copy)."""

from __future__ import annotations

from soilkg.citation import AUTHORS, CITATION_TEXT, DATA_LICENCE_IRI, DATA_LICENCE_NAME, LICENCE_STATEMENT
from soilkg.namespaces import SKG
from soilkg.sitegen.graph import STATED_IN, SiteGraph
from soilkg.sitegen.i18n import Strings
from soilkg.sitegen.lists import date_of
from soilkg.urls import owner_of

PREPARED_FOR = str(SKG.preparedFor)
ACCESSED = str(SKG.accessed)


def source_date(graph: SiteGraph, iri: str) -> str:
    """When a source document held: its own date, the meeting it was prepared for, or when a web page
    was read."""
    node = graph.nodes.get(iri)
    if node is None:
        return ""
    own = node.literal(ACCESSED) or date_of(graph, iri)
    if own:
        return own
    dates = [date_of(graph, m) for m in node.iris(PREPARED_FOR)]
    return max((d for d in dates if d), default="")


def data_as_of(graph: SiteGraph) -> tuple[str, str]:
    """The date of the newest source any statement cites, and that source's label ("" when none is dated)."""
    sources = {owner_of(t.value) for node in graph.nodes.values() for t in node.out.get(STATED_IN, [])}
    dated = sorted(((source_date(graph, s), s) for s in sources), reverse=True)
    dated = [(d, s) for d, s in dated if d]
    return (dated[0][0], graph.short_label(dated[0][1])) if dated else ("", "")


def footer(graph: SiteGraph, strings: Strings) -> dict[str, str]:
    as_of, source = data_as_of(graph)
    return {
        "owner_label": strings.plain("footer_owner"), "owner": AUTHORS,
        "licence_label": strings.plain("footer_licence"), "licence": DATA_LICENCE_NAME,
        "licence_iri": DATA_LICENCE_IRI, "licence_statement": LICENCE_STATEMENT,
        "as_of_label": strings.plain("footer_data_as_of"), "as_of": as_of, "as_of_source": source,
        "cite_label": strings.plain("footer_cite"), "cite": CITATION_TEXT,
        "disclaimer": strings.plain("footer_disclaimer"), "suggest_label": strings.plain("suggest_change"),
    }
