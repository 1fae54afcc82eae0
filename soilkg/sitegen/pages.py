"""Generate the Markdown pages of the catalogue from the graph: resources, lists, home, map, timeline."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path

import jinja2
import pyoxigraph as ox

from soilkg import kinds as kind_table
from soilkg.namespaces import SKG
from soilkg.sitegen import charts, downloads, kinds, lists, resource, schemaorg, titles
from soilkg.sitegen.graph import LANGS, SiteGraph
from soilkg.sitegen.i18n import Strings, sentence_case
from soilkg.sitegen.mkdocs_hooks import MARKER
from soilkg.sitegen.ontology import Ontology
from soilkg.sitegen.render import Renderer, href
from soilkg.urls import page_path

# The kinds the navigation lists, in the order a policy officer looks for them; the catalogue page
# lists every kind, grouped (both from soilkg/kinds.py).
NAV_KINDS = kind_table.in_navigation()
KIND_GROUPS = kind_table.catalogue_groups()
KIND_ORDER = tuple(k for _key, members in KIND_GROUPS for k in members)
RESOURCE_BOOST = 5  # search rank of a resource page against reference pages (boost 0.2) and lists (1)
STATIC_ROWS = 200  # rows rendered into a list page's HTML; the browser renders the rest from the index


def language_scripts(folder: Path, strings: Strings, labels: dict[str, dict[str, object]]) -> None:
    """assets/lang/<code>.js per language: its interface strings and the labels of resources and terms
    in it (a label is its text, or a composed title's segments: soilkg/sitegen/titles.py). English
    comes with every page (its text is in the HTML already); another language's file
    is loaded only when a reader picks it, which keeps the home page light."""
    folder.mkdir(parents=True, exist_ok=True)
    for code, table in strings.strings.items():
        own = {key: by_lang[code] for key, by_lang in labels.items() if code in by_lang}
        script = ("window.SKG_I18N=window.SKG_I18N||{};window.SKG_LABELS=window.SKG_LABELS||{};"
                  f"window.SKG_I18N[{json.dumps(code)}]={json.dumps(table, ensure_ascii=False)};"
                  f"window.SKG_LABELS[{json.dumps(code)}]={json.dumps(own, ensure_ascii=False)};\n")
        (folder / f"{code}.js").write_text(script.replace("<", "\\u003c"), encoding="utf-8")


def term_labels(graph: SiteGraph, onto: Ontology) -> dict[str, dict[str, object]]:
    """``term:<IRI>`` -> language -> label of every class, property and named value (statuses, the
    comparator "more than") that has labels in other languages, for the browser's language switch."""
    found: dict[str, dict[str, object]] = {}
    for iri in [*onto.classes, *onto.properties, *(i for i in graph.nodes if i.startswith(str(SKG)))]:
        other: dict[str, object] = {lang: sentence_case(text) for lang, text in graph.labels(iri).items()
                                    if lang != "en"}
        if other:
            found["term:" + iri] = other
    return found


def sorted_kinds(kinds: dict[str, list[str]]) -> list[str]:
    return sorted(kinds, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER))


@dataclass
class Generator:
    graph: SiteGraph
    ontology: Ontology
    strings: Strings
    env: jinja2.Environment
    docs: Path
    # Unpublished case studies shown in a curator's local preview (`--include-drafts`), with a banner.
    drafts: frozenset[str] = frozenset()
    # (subject, predicate, object N-Triples) -> passage IRIs: each fact's own source (soilkg.provenance).
    sources: dict[tuple[str, str, str], list[str]] = field(default_factory=dict)
    titles: titles.Titles = field(init=False)

    def __post_init__(self) -> None:
        self.titles = titles.Titles(self.graph, self.strings)

    def render(self, template: str, target: str, **context: object) -> None:
        depth = target.count("/")
        root = "../" * depth
        path = self.docs / target
        path.parent.mkdir(parents=True, exist_ok=True)
        text = self.env.get_template(template).render(root=root, t=self.strings.html, t_plain=self.strings.plain,
                                                      t_vars=self.strings.template_html, **context)
        path.write_text(text, encoding="utf-8")

    def renderer(self, target: str) -> Renderer:
        return Renderer(self.graph, self.ontology, "../" * target.count("/"), self.strings)

    # --- resource and list pages -------------------------------------------------------------

    def resource_page(self, kind: str, iri: str) -> None:
        path = page_path(iri) or ""
        target = path + "index.md"
        r = self.renderer(target)
        context = resource.context(iri, self.graph, r, self.sources)
        html = self.env.get_template("resource.html.j2").render(
            root=r.root, t=self.strings.html, t_plain=self.strings.plain, t_vars=self.strings.template_html,
            kind=kind, path=path,
            jsonld=schemaorg.jsonld(self.graph, self.ontology, iri), draft=iri in self.drafts, **context)
        file = self.docs / target
        file.parent.mkdir(parents=True, exist_ok=True)
        # What the search finds the page by: every other name (all languages, acronym), kind, summary.
        prose = resource.summary(context)
        first = unescape(TAG.sub("", resource.CITE.sub("", prose[0])))[:300] if prose else ""
        names = [*self.titles.search_names(iri), *self.kind_names(kind), *self.graph.alt_labels(iri),
                 *self.term_names(iri)]
        summary = " · ".join(x for x in [*dict.fromkeys(names), first] if x)
        file.write_text(html_page(str(context["title"]), html, summary), encoding="utf-8")

    def kind_names(self, kind: str) -> list[str]:
        """The kind's name in the six languages ("Networks", "Réseaux", "网络"...), for the search."""
        return list(dict.fromkeys(self.strings.text(f"kind.{kind}", lang) for lang in LANGS))

    def term_names(self, iri: str) -> list[str]:
        """The labels, in every language, of the resource's classes and of the ontology's named values
        it has (a status: "Publié", "已发布"), so a search in any of the six languages finds it."""
        node = self.graph.nodes[iri]
        terms = [*node.types, *(o.value for values in node.out.values() for o in values
                                if isinstance(o, ox.NamedNode) and o.value.startswith(str(SKG)))]
        return [label for term in dict.fromkeys(terms) for label in self.graph.labels(term).values()]

    def write_downloads(self, site: Path) -> None:
        """Each resource's Turtle and JSON-LD, straight into the built site (mkdocs would only copy them)."""
        for iris in self.graph.resources().values():
            for iri in iris:
                downloads.write_resource(self.graph, iri, site / (page_path(iri) or ""))

    def list_page(self, kind: str, iris: list[str]) -> list[lists.Row]:
        rows, spec = kinds.rows(kind, self.graph, self.ontology, iris)
        for row in rows:  # a composed title in each language (titles.py), for the list's own label swap
            row.labels.update({lang: titles.segments_json(t) for lang in titles.OTHER_LANGS
                               if (t := self.titles.title(row.iri, lang))})
        columns = lists.shown_columns([(key, self.strings.plain(key)) for key, _cell in spec], rows)
        filters = lists.facets(columns, kinds.columns(kind, self.ontology)[1], rows)
        folder = self.docs / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{kind}.csv").write_text(lists.csv_text(columns, rows), encoding="utf-8")
        index = self.docs / "assets" / "index" / f"{kind}.js"
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_text(lists.index_script(kind, columns, filters, rows), encoding="utf-8")
        intro = self.strings.html("undated_decisions") if kind == "decision" and any(
            not r.cells.get("year") for r in rows) else ""
        names = "; ".join(r.label for r in rows[:20]) + ("; …" if len(rows) > 20 else "")
        search = f"{len(rows)} {' · '.join(self.kind_names(kind))}: {names}"
        self.render("list.md.j2", f"{kind}/index.md", kind=kind, title=self.strings.plain(f"kind.{kind}"),
                    count=len(rows), rows=rows[:STATIC_ROWS], truncated=len(rows) > STATIC_ROWS,
                    columns=columns, href=href, intro=intro, search=escape(search))
        return rows

    # --- figures and the catalogue page (home.py and mapdata.py write the home page, timeline and map) ---

    def figures_and_catalogue(self, kinds: dict[str, list[str]]) -> None:
        self.render("figures.md.j2", "figures/index.md",
                    charts=charts.charts(self.graph, kinds.get("figure", []), self.renderer("figures/index.md")))
        self.render("catalogue.md.j2", "catalogue/index.md", groups=catalogue_groups(kinds))


def catalogue_groups(kinds: dict[str, list[str]]) -> list[dict[str, object]]:
    """Every kind, grouped by what it answers (one-item kinds sit with their group, not in the navigation)."""
    groups: list[dict[str, object]] = []
    for key, members in KIND_GROUPS:
        present = [{"kind": k, "count": len(kinds[k])} for k in members if kinds.get(k)]
        if present:
            groups.append({"key": key, "kinds": present})
    grouped = {k for _key, members in KIND_GROUPS for k in members}
    rest = [{"kind": k, "count": len(kinds[k])} for k in sorted_kinds(kinds) if k not in grouped]
    if rest:
        groups.append({"key": "group.other", "kinds": rest})
    return groups


HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)
TAG = re.compile(r"<[^>]+>")


def html_page(title: str, html: str, search: str = "") -> str:
    """A page MkDocs takes as it is: front matter, a Markdown head of headings (for the table of
    contents) and the HTML body after the marker (see mkdocs_hooks)."""
    # Material writes the front-matter title and the search entries into pages as HTML, unescaped:
    # they are escaped here, once. The Markdown head keeps entities as they are (no raw HTML).
    meta = (f"title: {json.dumps(escape(title), ensure_ascii=False)}\n"
            f"skg_search: {json.dumps(escape(search), ensure_ascii=False)}\nskg_boost: {RESOURCE_BOOST}\n")
    head = [f"---\n{meta}---\n", f"# {escape(title)} {{ #title }}\n"]
    head += [f"## {TAG.sub('', inner).strip()} {{ #{anchor} }}\n" for anchor, inner in HEADING.findall(html)]
    return "\n".join(head) + "\n" + MARKER + "\n" + html
