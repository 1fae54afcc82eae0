"""The ontology as the site needs it: plain-word labels and definitions of every class and property."""

from __future__ import annotations

from dataclasses import dataclass, field

from soilkg.namespaces import DCT, OWL, PREFIXES, RDF, RDF_TYPE, RDFS, SCHEMA, SKG, SKOS
from soilkg.sitegen.graph import DEFINITION, SiteGraph
from soilkg.sitegen.i18n import sentence_case

CLASS_TYPES = {OWL + "Class", RDFS + "Class"}
PROPERTY_TYPES = {OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty", RDF + "Property"}
SUBCLASS = RDFS + "subClassOf"
SUBPROPERTY = RDFS + "subPropertyOf"
DOMAIN = RDFS + "domain"
RANGE = RDFS + "range"


EXTERNAL_TERMS = (
    (RDF_TYPE, "type", "What kind of thing this is."),
    (str(SKOS.exactMatch), "same as", "The same thing in another vocabulary."),
    (str(SKOS.closeMatch), "close match", "A close match in another vocabulary."),
    (str(OWL.sameAs), "same as", "The same thing, under another identifier."),
    (str(DCT.identifier), "identifier", "An identifier of the resource."),
    (str(DCT.description), "description", "A description of the resource."),
    (str(DCT.date), "date", "A date of the resource."),
    (str(DCT.title), "title", "The title of the work."),
    (str(DCT.subject), "subject", "What the resource is about."),
    (str(SKOS.inScheme), "in scheme", "The concept scheme this concept belongs to."),
    (str(SKOS.broader), "broader", "A broader concept."),
    (str(SKOS.narrower), "narrower", "A narrower concept."),
    (str(SCHEMA.url), "web page", "The resource's web page."),
    (str(SCHEMA.value), "value", "A number."),
    (str(SCHEMA.unitText), "unit", "The unit of the number."),
    (str(DCT.abstract), "summary", "A summary of the resource."),
    (str(DCT.language), "language", "The language of the resource."),
    (str(DCT.license), "licence", "The licence under which the resource may be reused."),
    (str(DCT.type), "kind", "A kind the resource is of."),
    ("http://www.w3.org/2003/01/geo/wgs84_pos#lat", "latitude", "Latitude (WGS 84)."),
    ("http://www.w3.org/2003/01/geo/wgs84_pos#long", "longitude", "Longitude (WGS 84)."),
)


@dataclass
class Term:
    iri: str
    label: str
    definition: str
    parents: list[str] = field(default_factory=list)
    domain: list[str] = field(default_factory=list)
    range: list[str] = field(default_factory=list)
    kind: str = "class"  # class | property

    @property
    def local(self) -> str:
        return self.iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def curie(iri: str) -> str:
    """skg:Network, schema:Project ... or the IRI itself when no prefix fits."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(PREFIXES.get(best, "")):
            best = prefix
    if best:
        return f"{best}:{iri[len(PREFIXES[best]):]}"
    return iri


@dataclass
class Ontology:
    classes: dict[str, Term]
    properties: dict[str, Term]

    def is_ours(self, iri: str) -> bool:
        return iri.startswith(str(SKG))

    def label(self, iri: str) -> str:
        term = self.properties.get(iri) or self.classes.get(iri)
        if term:
            return term.label
        return curie(iri)

    def definition(self, iri: str) -> str:
        term = self.properties.get(iri) or self.classes.get(iri)
        return term.definition if term else ""

    def ancestors(self, iri: str) -> list[str]:
        """Superclasses, nearest first (breadth first), without cycles."""
        seen: list[str] = []
        queue = list(self.classes[iri].parents) if iri in self.classes else []
        while queue:
            parent = queue.pop(0)
            if parent in seen:
                continue
            seen.append(parent)
            if parent in self.classes:
                queue.extend(self.classes[parent].parents)
        return seen

    def subclasses(self, iri: str) -> list[str]:
        return sorted((c.iri for c in self.classes.values() if iri in c.parents), key=self.label)

    def properties_about(self, iri: str) -> list[Term]:
        return [p for p in self.properties.values() if iri in p.domain or iri in p.range]


def read(graph: SiteGraph) -> Ontology:
    classes: dict[str, Term] = {}
    properties: dict[str, Term] = {}
    for iri, node in graph.nodes.items():
        if iri.startswith("_:"):
            continue
        types = set(node.types)
        is_class = bool(types & CLASS_TYPES)
        is_property = bool(types & PROPERTY_TYPES)
        if not (is_class or is_property):
            continue
        # Sentence case ("In scheme", "Comparator"): labels are written lower-case in the ontology.
        term = Term(iri=iri, label=sentence_case(graph.labels(iri).get("en", curie(iri))),
                    definition=node.literal(DEFINITION) or node.literal(RDFS + "comment") or "",
                    parents=node.iris(SUBPROPERTY if is_property else SUBCLASS),
                    domain=node.iris(DOMAIN), range=node.iris(RANGE),
                    kind="property" if is_property else "class")
        (properties if is_property else classes)[iri] = term
    # Reused terms the ontology does not redefine still read as words.
    for iri, label, definition in EXTERNAL_TERMS:
        properties.setdefault(iri, Term(iri, sentence_case(label), definition, kind="property"))
    return Ontology(classes, properties)
