"""Generate the Markdown pages of the catalogue from the graph: resources, lists, home, map, timeline."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import jinja2

from soilkg.namespaces import SKG
from soilkg.sitegen import charts, downloads, lists, resource, schemaorg
from soilkg.sitegen.graph import SiteGraph
from soilkg.sitegen.i18n import Strings
from soilkg.sitegen.mkdocs_hooks import MARKER
from soilkg.sitegen.ontology import Ontology
from soilkg.sitegen.render import Renderer
from soilkg.store import file_of_graph
from soilkg.urls import page_path

MAIN_KINDS = 9  # the first kinds of KIND_ORDER get a navigation entry; the catalogue page lists them all
# The order of kinds in the navigation and on the home page: what a policy officer looks for first.
KIND_ORDER = ("network", "programme", "initiative", "decision", "publication", "meeting", "country", "theme",
              "case-study", "organisation", "plan", "framework", "survey", "document", "figure", "sdg-target",
              "actor-group", "periodical", "person", "dataset", "practice", "organism-group", "threat", "land-use")
TIMELINE_KINDS = ("decision", "meeting", "publication", "document", "initiative", "programme", "network")
STATIC_ROWS = 200  # rows rendered into a list page's HTML; the browser renders the rest from the index


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

    def render(self, template: str, target: str, **context: object) -> None:
        depth = target.count("/")
        root = "../" * depth
        path = self.docs / target
        path.parent.mkdir(parents=True, exist_ok=True)
        text = self.env.get_template(template).render(root=root, t=self.strings.html, t_plain=self.strings.plain,
                                                      **context)
        path.write_text(text, encoding="utf-8")

    def renderer(self, target: str) -> Renderer:
        return Renderer(self.graph, self.ontology, "../" * target.count("/"))

    # --- resource and list pages -------------------------------------------------------------

    def resource_page(self, kind: str, iri: str) -> None:
        path = page_path(iri) or ""
        target = path + "index.md"
        r = self.renderer(target)
        node = self.graph.nodes[iri]
        files = sorted(f for f in (file_of_graph(g) for g in node.files) if f)
        context = resource.context(iri, self.graph, r)
        html = self.env.get_template("resource.html.j2").render(
            root=r.root, t=self.strings.html, kind=kind, path=path, source_file=", ".join(files),
            jsonld=schemaorg.jsonld(self.graph, self.ontology, iri), draft=iri in self.drafts, **context)
        file = self.docs / target
        file.parent.mkdir(parents=True, exist_ok=True)
        # What the search finds the page by: every other name (all languages, acronym), kind, summary.
        prose = resource.summary(context)
        first = unescape(prose[0])[:300] if prose else ""
        summary = " · ".join(x for x in [self.strings.plain(f"kind.{kind}"), *self.graph.alt_labels(iri), first] if x)
        file.write_text(html_page(str(context["title"]), html, summary), encoding="utf-8")

    def write_downloads(self, site: Path) -> None:
        """Each resource's Turtle and JSON-LD, straight into the built site (mkdocs would only copy them)."""
        for iris in self.graph.resources().values():
            for iri in iris:
                downloads.write_resource(self.graph, iri, site / (page_path(iri) or ""))

    def list_page(self, kind: str, iris: list[str]) -> list[lists.Row]:
        rows = lists.rows(self.graph, self.ontology, iris)
        folder = self.docs / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{kind}.csv").write_text(lists.csv_text(rows), encoding="utf-8")
        index = self.docs / "assets" / "index" / f"{kind}.js"
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_text(lists.index_script(kind, rows), encoding="utf-8")
        self.render("list.md.j2", f"{kind}/index.md", kind=kind, title=self.strings.plain(f"kind.{kind}"),
                    count=len(rows), rows=rows[:STATIC_ROWS], truncated=len(rows) > STATIC_ROWS,
                    facets=lists.active_facets(rows))
        return rows

    # --- home, map, timeline, figures ---------------------------------------------------------

    def initiative(self, kinds: dict[str, list[str]], r: Renderer) -> dict[str, object] | None:
        """The International Initiative itself: the initiative most linked to, preferring its full name."""
        candidates = kinds.get("initiative", [])
        if not candidates:
            return None

        def score(iri: str) -> tuple[int, int]:
            label = self.graph.label(iri).casefold()
            return ("soil biodiversity" in label and "international" in label, len(self.graph.nodes[iri].inc))

        best = max(candidates, key=score)
        node = self.graph.nodes[best]
        context = resource.context(best, self.graph, r)
        # One sentence of description and the paragraph that states it: readable in a minute.
        return {"link": r.link(best), "prose": resource.summary(context)[:1],
                "sources": [s for s in resource.sources(node, self.graph, r) if s.text][:1]}

    def countries(self, kinds: dict[str, list[str]], r: Renderer) -> tuple[list[dict[str, object]], list[dict]]:
        """Countries with what happens in each (incoming links), for the map and its text alternative."""
        shown: list[dict[str, object]] = []
        points: list[dict[str, object]] = []
        for iri in kinds.get("country", []):
            node = self.graph.nodes[iri]
            what = []
            plain = []
            for subject, predicate in node.inc:
                if subject.startswith("_:") or predicate == str(SKG.statedIn):
                    continue
                # "RECISOIL — implemented in", "<case study> — case study"
                relation = "case study" if predicate == str(SKG.country) else self.ontology.label(predicate)
                what.append(f"{r.link(subject)} — {relation}")
                plain.append({"label": self.graph.display_label(subject), "path": page_path(subject) or "",
                              "relation": relation})
            if not what:
                continue
            m49 = node.literal(str(SKG.m49)) or _m49(node.literal(str(SKG.iso3166Alpha3)) or iri.rsplit("/", 1)[-1])
            shown.append({"link": r.link(iri), "what": sorted(set(what))})
            points.append({"m49": m49, "label": self.graph.label(iri), "labels": self.graph.labels(iri),
                           "path": page_path(iri), "what": plain})
        return shown, points

    def timeline(self, kinds: dict[str, list[str]], r: Renderer) -> list[dict[str, str]]:
        events = []
        for kind in TIMELINE_KINDS:
            for iri in kinds.get(kind, []):
                date = lists.date_of(self.graph, iri)
                if date:
                    events.append({"date": date, "kind": kind, "link": r.link(iri)})
        return sorted(events, key=lambda e: e["date"], reverse=True)

    def home_and_pictures(self, kinds: dict[str, list[str]]) -> None:
        r = self.renderer("index.md")
        countries, points = self.countries(kinds, r)
        (self.docs / "assets" / "index").mkdir(parents=True, exist_ok=True)
        (self.docs / "assets" / "index" / "map.js").write_text(
            "window.SKG_MAP=" + json.dumps(points, ensure_ascii=False) + ";\n", encoding="utf-8")
        figures = [resource.figure_row(i, self.graph, r) for i in kinds.get("figure", [])]
        publications = sorted(({"link": r.link(i), "date": lists.date_of(self.graph, i)}
                               for i in kinds.get("publication", [])), key=lambda p: p["date"], reverse=True)
        kind_counts = [{"kind": k, "count": len(kinds[k])} for k in sorted_kinds(kinds)]
        map_alt = "World map. Highlighted: " + ", ".join(str(p["label"]) for p in points) + "."
        self.render("home.md.j2", "index.md", initiative=self.initiative(kinds, r), figures=figures[:8],
                    countries=countries, map_alt=map_alt, publications=publications[:6],
                    timeline=self.timeline(kinds, r)[:8], kinds=kind_counts)
        r1 = self.renderer("map/index.md")
        self.render("map.md.j2", "map/index.md", countries=self.countries(kinds, r1)[0], map_alt=map_alt)
        self.render("timeline.md.j2", "timeline/index.md",
                    timeline=self.timeline(kinds, self.renderer("timeline/index.md")))
        self.render("figures.md.j2", "figures/index.md",
                    charts=charts.charts(self.graph, kinds.get("figure", []), self.renderer("figures/index.md")))
        self.render("catalogue.md.j2", "catalogue/index.md", kinds=kind_counts)


HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)
TAG = re.compile(r"<[^>]+>")


def html_page(title: str, html: str, search: str = "") -> str:
    """A page MkDocs takes as it is: front matter, a Markdown head of headings (for the table of
    contents) and the HTML body after the marker (see mkdocs_hooks)."""
    meta = f"title: {json.dumps(title, ensure_ascii=False)}\nskg_search: {json.dumps(search, ensure_ascii=False)}\n"
    head = [f"---\n{meta}---\n", f"# {TAG.sub('', title)} {{ #title }}\n"]
    head += [f"## {unescape(TAG.sub('', inner)).strip()} {{ #{anchor} }}\n" for anchor, inner in HEADING.findall(html)]
    return "\n".join(head) + "\n" + MARKER + "\n" + html


def _m49(alpha3: str) -> str:
    """UN M49 numeric code from ISO 3166-1 alpha-3 (the same numbers world-atlas uses as ids)."""
    import pycountry

    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return country.numeric if country else ""
