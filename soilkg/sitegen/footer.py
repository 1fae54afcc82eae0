"""The footer every page carries: who owns the catalogue, the data licence, how recent the data is,
how to cite it, and a disclaimer. The licence and citation text come from `soilkg.citation` (one copy)."""

from __future__ import annotations

from soilkg.citation import CITATION_TEXT, CODE_LICENCE_NAME, DATA_LICENCE_IRI, DATA_LICENCE_NAME
from soilkg.sitegen.graph import STATED_IN, SiteGraph
from soilkg.sitegen.i18n import Strings
from soilkg.sitegen.lists import source_date
from soilkg.sitegen.titles import REFERENCE, Titles, plain
from soilkg.urls import owner_of, page_path


def data_as_of(graph: SiteGraph) -> tuple[str, str]:
    """The date of the newest source any statement cites, and that source's IRI ("" when none is dated)."""
    sources = {owner_of(t.value) for node in graph.nodes.values() for t in node.out.get(STATED_IN, [])}
    dated = sorted(((source_date(graph, s), s) for s in sources), reverse=True)
    dated = [(d, s) for d, s in dated if d]
    return dated[0] if dated else ("", "")


def footer(graph: SiteGraph, strings: Strings) -> dict[str, str]:
    """What site/overrides/main.html writes: each interface string in English with its key (the browser
    swaps it), names and the citation as they are (English, marked so), the date for Intl to format."""
    as_of, source = data_as_of(graph)
    named = Titles(graph, strings).reference(source, "en") if source else []
    return {
        "owner_label": strings.plain("footer_owner"), "owner": strings.plain("footer.owner"),
        "licence_label": strings.plain("footer_licence"), "licence": DATA_LICENCE_NAME,
        "licence_iri": DATA_LICENCE_IRI, "code_licence": CODE_LICENCE_NAME,
        "data": strings.plain("footer.data"), "code": strings.plain("footer.code"),
        "quoted": strings.plain("footer.quoted"),
        "as_of_label": strings.plain("footer_data_as_of"), "as_of": as_of,
        "as_of_source": plain(named),
        "as_of_path": REFERENCE + (page_path(source) or "") if source else "",
        "cite_label": strings.plain("footer_cite"), "cite": CITATION_TEXT,
        "disclaimer": strings.plain("footer_disclaimer"), "suggest_label": strings.plain("suggest_change"),
    }
