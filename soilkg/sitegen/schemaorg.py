"""schema.org JSON-LD for each resource page, so search engines and harvesters read the catalogue.

The schema.org type comes from the ontology itself: every skg: class states its schema.org
superclass (skg:Network -> org:OrganizationalUnit ... ; skg:Publication -> schema:CreativeWork).
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from soilkg.namespaces import OWL, SCHEMA, SKG, SKOS
from soilkg.sitegen.graph import STATED_IN, SiteGraph
from soilkg.sitegen.lists import date_of
from soilkg.sitegen.ontology import Ontology

SCHEMA_NS = str(SCHEMA)
# Classes whose schema.org type the ontology does not state through a schema: superclass.
FALLBACK = {"Organisation": "Organization", "Network": "Organization", "Survey": "Action", "Dataset": "Dataset",
            "SDGTarget": "DefinedTerm", "Theme": "DefinedTerm", "ActorGroup": "Audience",
            "DocumentParagraph": "CreativeWork", "Footnote": "CreativeWork", "Status": "DefinedTerm"}
IDENTIFIERS = (str(SKG.doi), str(SKG.handle), str(SKG.symbol), str(SKG.iso3166Alpha2), str(SKG.iso3166Alpha3),
               str(SKG.m49))


def schema_type(ontology: Ontology, classes: list[str]) -> str:
    for cls in classes:
        for candidate in [cls, *ontology.ancestors(cls)]:
            if candidate.startswith(SCHEMA_NS):
                return candidate[len(SCHEMA_NS):]
            name = candidate.rsplit("#", 1)[-1]
            if candidate.startswith(str(SKG)) and name in FALLBACK:
                return FALLBACK[name]
    return "Thing"


def _ref(graph: SiteGraph, iri: str) -> dict[str, str]:
    return {"@id": iri, "name": graph.label(iri)}


def jsonld(graph: SiteGraph, ontology: Ontology, iri: str) -> str:
    node = graph.nodes[iri]
    data: dict[str, object] = {"@context": "https://schema.org", "@id": iri,
                               "@type": schema_type(ontology, node.types), "name": graph.label(iri)}
    names = graph.alt_labels(iri)
    if names:
        data["alternateName"] = names
    description = node.literal(str(SKOS.definition)) or node.literal(str(SKG.aim)) or node.literal(str(SKG.text))
    if description:
        data["description"] = description
    website = node.iris(str(SKG.website))
    if website:
        data["url"] = website[0]
    same = node.iris(str(SKOS.exactMatch)) + node.iris(str(OWL.sameAs))
    doi = node.literal(str(SKG.doi))
    if doi:
        same.append("https://doi.org/" + doi)
    if same:
        data["sameAs"] = same
    identifiers = [t.value for p in IDENTIFIERS for t in node.out.get(p, []) if isinstance(t, ox.Literal)]
    if identifiers:
        data["identifier"] = identifiers
    date = date_of(graph, iri)
    if date:
        data["datePublished" if data["@type"] in ("CreativeWork", "ScholarlyArticle") else "startDate"] = date
    publisher = node.iris(str(SKG.publishedBy))
    if publisher:
        data["publisher"] = [_ref(graph, p) for p in publisher]
    authors = [t.value for t in graph.list_items(node, str(SKG.authors)) if isinstance(t, ox.NamedNode)]
    if authors:
        data["author"] = [_ref(graph, a) for a in authors]
    places = node.iris(str(SKG.implementedIn)) + node.iris(str(SKG.joinedBy))
    if places:
        data["location"] = [_ref(graph, c) for c in places]
    sources = node.iris(STATED_IN)
    if sources:
        data["isBasedOn"] = sources
    # "</script" would end the element early and "<!--" would change how the browser reads it: every
    # "<" is written as JSON's escape, which a JSON-LD reader decodes to the same text.
    return json.dumps(data, ensure_ascii=False, indent=1).replace("<", "\\u003c")
