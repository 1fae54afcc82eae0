"""Reference pages: the ontology (every class and property), named queries with results, downloads."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pyoxigraph as ox

from soilkg import queries
from soilkg.docs_ontology import README, shown_examples
from soilkg.namespaces import DCT, OWL, SKG
from soilkg.ontology_reference import Entry
from soilkg.ontology_reference import entries as reference_entries
from soilkg.paths import Project
from soilkg.report import site_page
from soilkg.sitegen import downloads
from soilkg.sitegen.graph import SiteGraph
from soilkg.sitegen.i18n import Strings
from soilkg.sitegen.ontology import curie
from soilkg.sitegen.pages import Generator, sorted_kinds

RESULT_ROWS = 25
ONTOLOGY_IRI = "https://w3id.org/soilkg/ontology"


@dataclass
class QueryResult:
    name: str
    title: str
    description: str
    sparql: str
    columns: list[str]
    rows: list[list[str]]
    count: int
    truncated: bool
    error: str = ""
    example: str = ""  # the query with its parameters' defaults bound, for the query page's link


def _usage(entry: Entry | None) -> list[tuple[str, str]]:
    """The example triple from the data and the named queries, as rows of a term's table
    (soilkg.ontology_reference, the same as ontology/README.md's reference)."""
    if entry is None:
        return []
    rows = []
    if entry.example:
        rows.append(("ontoref.example", f'<code lang="en" dir="ltr">{escape(" ".join(entry.example))} .</code>'))
    if entry.queries:
        rows.append(("queries", ", ".join(f'<a href="../../queries/index.html#{escape(q)}"><code>{escape(q)}</code></a>'
                                          for q in entry.queries)))
    return rows


def ontology_pages(gen: Generator, kinds: dict[str, list[str]], project: Project, store: ox.Store) -> None:
    onto = gen.ontology
    readme = project.root / README
    shown = shown_examples(readme.read_text(encoding="utf-8")) if readme.is_file() else {}
    usage = {e.iri: e for e in reference_entries(project, store, shown)}
    ours = sorted((c for c in onto.classes.values() if onto.is_ours(c.iri)), key=lambda c: c.label.casefold())
    header = gen.graph.nodes.get(ONTOLOGY_IRI)
    description = header.literal(str(DCT.description)) if header else ""
    version = header.literal(str(OWL.versionInfo)) if header else ""
    props = sorted((p for p in onto.properties.values() if onto.is_ours(p.iri)), key=lambda p: p.label.casefold())
    gen.render("ontology-index.md.j2", "ontology/index.md", classes=ours, namespace=str(SKG),
               description=description or "", version=version or "", property_count=len(props))
    instances = _instances_by_class(gen.graph)
    for term in ours:
        target = f"ontology/{term.local.lower()}/index.md"
        r = gen.renderer(target)
        count = instances.get(term.iri, 0)
        kind = next((k for k in kinds if any(term.iri in gen.graph.nodes[i].types for i in kinds[k][:50])), None)
        counted = f'<a href="../../{kind}/index.html">{count}</a>' if kind and count else str(count) if count else ""
        gen.render("ontology-class.md.j2", target, term=term,
                   parents=[r.term_link(p) if onto.is_ours(p) else f"<code>{escape(curie(p))}</code>"
                            for p in term.parents],
                   children=[r.term_link(c) for c in onto.subclasses(term.iri)],
                   props=[r.term_link(p.iri) for p in onto.properties_about(term.iri)], instances=counted,
                   usage=_usage(usage.get(term.iri)))
    r = gen.renderer("ontology/properties/index.md")
    entries = []
    for p in props:
        rows = []
        for name, values in (("onto.subproperty_of", p.parents), ("onto.domain", p.domain), ("onto.range", p.range)):
            if values:
                rows.append((name, ", ".join(r.term_link(v) if v in onto.classes and onto.is_ours(v)
                                             else f"<code>{escape(curie(v))}</code>" for v in values)))
        rows += _usage(usage.get(p.iri))
        entries.append({"anchor": curie(p.iri).replace(":", "-"), "iri": p.iri, "label": p.label, "curie": curie(p.iri),
                        "definition": p.definition, "rows": rows})
    gen.render("ontology-properties.md.j2", "ontology/properties/index.md", properties=entries)


def _instances_by_class(graph: SiteGraph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for node in graph.nodes.values():
        for cls in node.types:
            counts[cls] = counts.get(cls, 0) + 1
    return counts


def _cell(term: object, gen: Generator, r_root: str) -> str:
    if isinstance(term, ox.NamedNode):
        r = gen.renderer(r_root)
        return r.value(term)
    if isinstance(term, ox.Literal):
        return escape(term.value)
    return ""


def query_results(project: Project, store: ox.Store, gen: Generator) -> list[QueryResult]:
    if not project.queries.is_dir():
        return []
    results = []
    for name, query in queries.load_all(project.queries).items():
        try:
            solutions = queries.run(store, query)
        except (SyntaxError, OSError, ValueError) as error:
            # A broken query is the query author's to fix; show the reason instead of failing the site.
            results.append(QueryResult(name, query.title, query.description, query.sparql, [], [], 0, False,
                                       error=f"This query could not run: {type(error).__name__}."))
            continue
        columns = [v.value for v in solutions.variables]
        rows = []
        count = 0
        for solution in solutions:
            count += 1
            if count <= RESULT_ROWS:
                rows.append([_cell(solution[c], gen, "queries/index.md") for c in columns])
        example = queries.inline(query, {})  # the defaults bound with VALUES, ready to run
        results.append(QueryResult(name, query.title, query.description, query.sparql, columns, rows, count,
                                   count > RESULT_ROWS, example=example))
    return results


def queries_page(project: Project, store: ox.Store, gen: Generator) -> bool:
    results = query_results(project, store, gen)
    if not results:
        return False
    gen.render("queries.md.j2", "queries/index.md", queries=results)
    return True


def downloads_page(store: ox.Store, gen: Generator, kinds: dict[str, list[str]]) -> None:
    dataset = downloads.write_dataset(store, gen.docs / "downloads")
    gen.render("downloads.md.j2", "downloads/index.md", dataset=dataset, quads=gen.graph.quad_count,
               files=len(gen.graph.triples_by_file),
               kinds=[{"kind": k, "count": len(kinds[k])} for k in sorted_kinds(kinds)])


def report_page(project: Project, store: ox.Store, docs: Path, strings: Strings) -> bool:
    """The latest report draft as a page, drafted from the same store as the rest of the site."""
    text = site_page(project, store)
    if not text:
        return False
    (docs / "report").mkdir(parents=True, exist_ok=True)
    # The search shows the draft by its headings: its full text (tables, footnotes) would weigh more
    # than the rest of the search index together and read as run-together cells.
    headings = [line.lstrip("#* ").rstrip("* ") for line in text.splitlines() if line.startswith(("#", "**"))]
    meta = f"---\nskg_search: {json.dumps(escape(' · '.join(headings)), ensure_ascii=False)}\nskg_boost: 0.2\n---\n"
    # The draft is in English, the source document's language: marked so, and the page says so.
    note = f'<p class="skg-note">{strings.html("report.in_english")}</p>\n\n'
    body = f'<div lang="en" dir="ltr" markdown="1">\n\n{text}\n\n</div>\n'
    (docs / "report" / "index.md").write_text(meta + note + body, encoding="utf-8")
    return True
