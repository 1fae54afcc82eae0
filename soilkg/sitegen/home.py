"""The home page, organised around a policy officer's questions, and the timeline.

The home page answers, on its first screen: what this is (two sentences), where to click for
decisions, who does what, where (countries), publications, case studies and figures. Then the
key figures as the source states them, the case studies (or that none is published yet), and the
latest published items.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

import pyoxigraph as ox

from soilkg.kinds import on_timeline
from soilkg.namespaces import SKG
from soilkg.sitegen import kinds as kinds_module
from soilkg.sitegen import resource
from soilkg.sitegen.render import Renderer

if TYPE_CHECKING:
    from soilkg.sitegen.pages import Generator

TIMELINE_KINDS = on_timeline()  # soilkg/kinds.py
# Entry points: (anchor of the card, i18n key of its title, i18n key of its question, kinds it counts, link)
ENTRIES = (
    ("decisions", "entry.decisions", "entry.decisions_q", ("decision",), "decision/index.html"),
    ("who", "entry.who", "entry.who_q", ("network", "programme", "initiative", "organisation"),
     "network/index.html"),
    ("where", "entry.where", "entry.where_q", ("country",), "map/index.html"),
    ("publications", "entry.publications", "entry.publications_q", ("publication",), "publication/index.html"),
    ("case-studies", "entry.case_studies", "entry.case_studies_q", ("case-study",), "case-study/index.html"),
    ("figures", "entry.figures", "entry.figures_q", ("figure",), "figures/index.html"),
)
# The publication that compiles case studies (paragraph 9): named on the home page while none is published.
CASE_STUDY_COMPILATION = "best-practice-case-studies-compilation"


def main_initiative(gen: Generator, kinds: dict[str, list[str]]) -> str | None:
    """The International Initiative itself: the initiative most linked to, preferring its full name."""
    candidates = kinds.get("initiative", [])
    if not candidates:
        return None

    def score(iri: str) -> tuple[int, int]:
        label = gen.graph.label(iri).casefold()
        return ("soil biodiversity" in label and "international" in label, len(gen.graph.nodes[iri].inc))

    return max(candidates, key=score)


def first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[:end + 1]


def initiative(gen: Generator, kinds: dict[str, list[str]], r: Renderer) -> dict[str, object] | None:
    best = main_initiative(gen, kinds)
    if best is None:
        return None
    node = gen.graph.nodes[best]
    prose = [t for p in resource.PROSE for t in node.out.get(p, []) if isinstance(t, ox.Literal)]
    sources = [s for s in resource.sources(node, gen.graph, r) if s.text][:1]
    return {"link": r.link(best), "sentence": escape(first_sentence(prose[0].value)) if prose else "",
            "lang": escape(prose[0].language or "") if prose else "", "sources": sources}


def latest_figures(gen: Generator, iris: list[str]) -> list[str]:
    """The latest value of each series: the figures no other figure updates."""
    updated = {t for i in iris for t in gen.graph.nodes[i].iris(str(SKG.updates))}
    return [i for i in iris if i not in updated]


def case_studies(gen: Generator, kinds: dict[str, list[str]], r: Renderer) -> dict[str, object]:
    published = [r.link(i) for i in kinds.get("case-study", [])]
    compilation = next((i for i in kinds.get("publication", []) if i.endswith("/" + CASE_STUDY_COMPILATION)), None)
    said = ""
    if compilation is not None:
        node = gen.graph.nodes[compilation]
        sources = node.iris(str(SKG.statedIn))
        said = ", ".join(r.link(s, gen.graph.label(s)) for s in sources)
    return {"published": published, "compilation": r.link(compilation) if compilation else "",
            "compilation_year": kinds_module.dated(gen.graph, compilation)[:4] if compilation else "",
            "compilation_source": said}


def latest_published(gen: Generator, kinds: dict[str, list[str]], r: Renderer) -> list[dict[str, str]]:
    """Publications whose current status is published (or that state no status), newest first."""
    items = []
    for iri in kinds.get("publication", []):
        status = kinds_module.current_status(gen.graph, iri)
        if status and status != str(SKG.published):
            continue
        items.append({"link": r.link(iri), "date": kinds_module.dated(gen.graph, iri)})
    return sorted(items, key=lambda p: p["date"], reverse=True)


def timeline(gen: Generator, kinds: dict[str, list[str]], r: Renderer) -> tuple[list[dict[str, str]], list[str]]:
    """Dated events, newest first, and the decisions and meetings the source gives no date for."""
    events: list[dict[str, str]] = []
    undated: list[tuple[str, tuple[object, ...], str]] = []
    for kind in TIMELINE_KINDS:
        for iri in kinds.get(kind, []):
            date = kinds_module.dated(gen.graph, iri)
            if date:
                events.append({"date": date, "kind": kind, "link": r.link(iri)})
            elif kind in ("decision", "meeting"):
                undated.append((kind, kinds_module.order(kind, gen.graph, iri), r.link(iri)))
    undated.sort(key=lambda u: (TIMELINE_KINDS.index(u[0]), u[1]))
    return sorted(events, key=lambda e: e["date"], reverse=True), [link for _kind, _order, link in undated]


def render(gen: Generator, kinds: dict[str, list[str]]) -> None:
    r = gen.renderer("index.md")
    entries = [{"anchor": anchor, "title": title, "question": question, "link": link,
                "count": sum(len(kinds.get(k, [])) for k in counted)}
               for anchor, title, question, counted, link in ENTRIES]
    figures = [resource.figure_row(i, gen.graph, r) for i in latest_figures(gen, kinds.get("figure", []))]
    gen.render("home.md.j2", "index.md", initiative=initiative(gen, kinds, r), entries=entries,
               figures=figures[:8], cases=case_studies(gen, kinds, r),
               publications=latest_published(gen, kinds, r)[:6])
    events, undated = timeline(gen, kinds, gen.renderer("timeline/index.md"))
    gen.render("timeline.md.j2", "timeline/index.md", timeline=events, undated=undated)
