"""The map page: which countries the source names for which initiative, and how (implemented in,
joined, case study), with a legend, a caption that says what the map shows, FAO's map disclaimer and
the same facts as sentences in natural word order ("Armenia joined RECISOIL")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pycountry

from soilkg.namespaces import SKG
from soilkg.urls import page_path

if TYPE_CHECKING:
    from soilkg.sitegen.pages import Generator

# Relations shown on the map, each with its own style: predicate local name -> (relation key, sentence
# order). "subject-first": "<RECISOIL> is implemented in <Costa Rica>"; "country-first": "<Armenia> joined
# <RECISOIL>".
RELATIONS = {"implementedIn": ("implemented", "subject-first"), "joinedBy": ("joined", "country-first"),
             "country": ("case_study", "subject-first")}
# FAO's disclaimer, printed under every FAO map (/work/shared/reference/catalogue-and-cycle.md).
DISCLAIMER = ("The boundaries and names shown and the designations used on this map do not imply the expression "
              "of any opinion whatsoever on the part of FAO concerning the legal status of any country, territory, "
              "city or area or of its authorities, or concerning the delimitation of its frontiers and boundaries. "
              "Dashed lines on maps represent approximate border lines for which there may not yet be full "
              "agreement.")


def m49(alpha3: str) -> str:
    """UN M49 numeric code from ISO 3166-1 alpha-3 (the same numbers world-atlas uses as ids)."""
    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return country.numeric if country else ""


@dataclass
class Relation:
    relation: str  # implemented | joined | case_study
    order: str  # subject-first | country-first
    subject: str


@dataclass
class Mapped:
    iri: str
    m49: str
    relations: list[Relation]


def countries(gen: Generator, kinds: dict[str, list[str]]) -> list[Mapped]:
    """Each country the catalogue links to through a mapped relation, with those relations."""
    found = []
    for iri in kinds.get("country", []):
        node = gen.graph.nodes[iri]
        relations = []
        for subject, predicate in node.inc:
            local = predicate.rsplit("#", 1)[-1]
            if subject.startswith("_:") or local not in RELATIONS or not predicate.startswith(str(SKG)):
                continue
            relations.append(Relation(RELATIONS[local][0], RELATIONS[local][1], subject))
        if not relations:
            continue
        code = node.literal(str(SKG.m49)) or m49(node.literal(str(SKG.iso3166Alpha3)) or iri.rsplit("/", 1)[-1])
        relations.sort(key=lambda r: (r.relation, gen.graph.label(r.subject)))
        found.append(Mapped(iri, code, relations))
    return found


def render(gen: Generator, kinds: dict[str, list[str]]) -> None:
    r = gen.renderer("map/index.md")
    shown = countries(gen, kinds)
    points = [{"m49": c.m49, "label": gen.graph.label(c.iri), "labels": gen.graph.labels(c.iri),
               "path": page_path(c.iri),
               "relations": [{"relation": x.relation, "label": gen.graph.short_label(x.subject)} for x in c.relations]}
              for c in shown]
    (gen.docs / "assets" / "index").mkdir(parents=True, exist_ok=True)
    (gen.docs / "assets" / "index" / "map.js").write_text(
        "window.SKG_MAP=" + json.dumps(points, ensure_ascii=False).replace("<", "\\u003c") + ";\n", encoding="utf-8")
    rows = []
    for c in shown:
        sentences = []
        for x in c.relations:
            verb = gen.strings.html(f"map.rel.{x.relation}")
            country = r.link(c.iri)
            subject = r.link(x.subject, gen.graph.short_label(x.subject))
            first, last = (country, subject) if x.order == "country-first" else (subject, country)
            sentences.append(f"{first} {verb} {last}")
        rows.append({"country": r.link(c.iri), "sentences": sentences})
    subjects = sorted({x.subject for c in shown for x in c.relations}, key=gen.graph.label)
    relations = sorted({x.relation for c in shown for x in c.relations})
    names = ", ".join(gen.graph.label(c.iri) for c in shown)
    gen.render("map.md.j2", "map/index.md", rows=rows, subjects=[r.link(s) for s in subjects],
               relations=relations, disclaimer=DISCLAIMER, map_alt=f"World map. Highlighted: {names}.")
