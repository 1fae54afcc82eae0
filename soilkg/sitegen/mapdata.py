"""The map page: which countries the source names for which initiative, and how (implemented in,
joined, case study), with a legend, a caption that says what the map shows, FAO's map disclaimer (in
site/i18n, ``map_disclaimer``), areas and boundaries drawn as FAO and the UN draw them, and the same
facts as sentences in natural word order ("Armenia joined RECISOIL")."""

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
# FAO and UN practice for the areas and boundaries of the vendored map data (world-atlas 2.0.2,
# Natural Earth 1:110m; site/README.md "The map" says what was looked for and why nothing finer is
# vendored). Written into assets/index/map.js for skg.js; the caption (``map_apart_note``) names them.
# Areas drawn apart from every country, never coloured as one: M49 codes as the map data numbers them.
AREAS_APART = ("732",)  # Western Sahara
# Parts of the map data that are not UN member states, drawn as part of the one the UN recognises
# (by the map data's name: they have no M49 code).
DRAWN_AS_PART_OF = {"Somaliland": "706", "N. Cyprus": "196"}
# Boundaries not yet agreed, dashed: the shared border of two countries (M49) from the map data, cut
# to a box (west, south, east, north) where only part of that border is in question. No geometry of
# our own: the areas themselves are not shapes in the map data.
DISPUTED_BOUNDARIES = (
    ("356", "586", (72.0, 32.2, 80.0, 37.5)),  # India-Pakistan in Jammu and Kashmir (not Punjab, Sindh)
    ("356", "156", None),  # India-China: Aksai Chin, the middle sector, Arunachal Pradesh
    ("586", "156", None),  # Pakistan-China, in Jammu and Kashmir
    ("729", "728", None),  # Sudan-South Sudan: Abyei, final boundary not yet determined
    ("818", "729", (32.5, 21.0, 38.0, 23.0)),  # Egypt-Sudan east of the Nile: the Hala'ib triangle
    ("404", "728", None),  # Kenya-South Sudan: the Ilemi triangle
)


def apart_script() -> str:
    """What skg.js needs to draw the areas and boundaries above (window.SKG_MAP_APART)."""
    data = {"areas": list(AREAS_APART), "partOf": DRAWN_AS_PART_OF,
            "boundaries": [{"between": [a, b], "box": list(box) if box else None}
                           for a, b, box in DISPUTED_BOUNDARIES]}
    return "window.SKG_MAP_APART=" + json.dumps(data, separators=(",", ":")) + ";\n"


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
        "window.SKG_MAP=" + json.dumps(points, ensure_ascii=False).replace("<", "\\u003c") + ";\n" + apart_script(),
        encoding="utf-8")
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
               relations=relations, map_alt=gen.strings.plain("map_alt").format(names=names))
