"""What the shapes require of each case-study property, read from shapes/*.ttl: the constraints and
the validator's own message for each. The contribution form checks fields with these (the same
patterns, the same message texts), and tests/curation/test_schema.py holds the schema to them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import SH, XSD, Graph, Literal, Node, URIRef
from rdflib.collection import Collection

from soilkg.curation.render import prefix_iri
from soilkg.curation.schema import CASE_STUDY_FIELDS, IMPACT_FIELDS, NOT_PROPERTIES
from soilkg.namespaces import SKG

SHAPES = URIRef("https://w3id.org/soilkg/shapes#")
NUMBER_SHAPE = URIRef(SHAPES + "Number")
TARGETS = {"case-study": SKG.CaseStudy, "impact": SKG.Impact}


@dataclass
class Rules:
    """The constraints on one property of a case study (or of an impact), each with its message."""

    required: str = ""  # message when the property is missing (sh:minCount 1)
    max_count: int = 0
    pattern: str = ""  # sh:pattern, applied to the value's text (an IRI's address)
    pattern_message: str = ""
    number: str = ""  # message when the value is not a number (sh:node shapes:Number)
    date: str = ""  # message when the value is not one of the three date forms
    max_length: int = 0  # a warning beyond it
    length_message: str = ""
    values: tuple[str, ...] = ()  # sh:in
    cls: str = ""  # sh:class
    datatypes: set[str] = field(default_factory=set)
    shapes: list[str] = field(default_factory=list)  # the property shapes that speak of it


def read_shapes(shapes_dir: Path) -> Graph:
    graph = Graph()
    for path in sorted(shapes_dir.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def _message(graph: Graph, shape: Node) -> str:
    return " ".join(str(m) for m in graph.objects(shape, SH.message))


def _first(graph: Graph, shape: Node, predicate: URIRef) -> Node | None:
    return next(iter(graph.objects(shape, predicate)), None)


def _add(graph: Graph, shape: Node, rules: Rules) -> None:
    message = _message(graph, shape)
    rules.shapes.append(str(shape))
    min_count = _first(graph, shape, SH.minCount)
    if isinstance(min_count, Literal) and int(min_count) >= 1:
        rules.required = message
    max_count = _first(graph, shape, SH.maxCount)
    if isinstance(max_count, Literal):
        rules.max_count = int(max_count)
    pattern = _first(graph, shape, SH.pattern)
    if pattern is not None and not rules.pattern:
        rules.pattern, rules.pattern_message = str(pattern), message
    if (shape, SH.node, NUMBER_SHAPE) in graph:
        rules.number = message
        rules.datatypes.update({str(XSD.decimal), str(XSD.integer), str(XSD.double)})
    if (or_list := _first(graph, shape, SH["or"])) is not None:
        members = list(Collection(graph, or_list))
        types = {str(t) for m in members for t in graph.objects(m, SH.datatype)}
        if types and {str(XSD.date), str(XSD.gYear)} <= types:
            rules.date = message
            rules.datatypes.update(types)
    max_length = _first(graph, shape, SH.maxLength)
    if isinstance(max_length, Literal):
        rules.max_length, rules.length_message = int(max_length), message
    if (values := _first(graph, shape, SH["in"])) is not None:
        rules.values = tuple(str(v) for v in Collection(graph, values))
    if (cls := _first(graph, shape, SH["class"])) is not None:
        rules.cls = str(cls)
    if (datatype := _first(graph, shape, SH.datatype)) is not None:
        rules.datatypes.add(str(datatype))


def property_rules(graph: Graph, target: str, also: Iterable[str] = ()) -> dict[str, Rules]:
    """Property IRI -> its rules, for the node shapes that target `target` ("case-study" or "impact"),
    with what the shapes that check every subject of a property say of it (the date and DOI forms of
    shapes/core.ttl), for its properties and those in `also`."""
    found: dict[str, Rules] = {}
    for node in graph.subjects(SH.targetClass, TARGETS[target]):
        for shape in graph.objects(node, SH.property):
            path = _first(graph, shape, SH.path)
            if isinstance(path, URIRef):
                _add(graph, shape, found.setdefault(str(path), Rules()))
    wanted = {*found, *also}
    for node, prop in graph.subject_objects(SH.targetSubjectsOf):
        if str(prop) not in wanted:
            continue
        for shape in graph.objects(node, SH.property):
            if _first(graph, shape, SH.path) == prop:
                _add(graph, shape, found.setdefault(str(prop), Rules()))
    return found


def node_messages(graph: Graph, target: str) -> dict[str, str]:
    """Shape name -> message of the rules over several properties (a reference: a DOI or a web page;
    coordinates in pairs; a cost with its currency; a measured impact with indicator and unit)."""
    found: dict[str, str] = {}
    for node in graph.subjects(SH.targetClass, TARGETS[target]):
        if (node, SH["or"], None) in graph and (message := _message(graph, node)):
            found[str(node).removeprefix(str(SHAPES))] = message
    return found



def field_rules(graph: Graph) -> tuple[dict[str, Rules], dict[str, Rules]]:
    """Column -> rules of the case study's fields, and of an impact's fields."""
    def expand(prop: str) -> str:
        prefix, _, local = prop.partition(":")
        return prefix_iri(prefix) + local

    case_props = {f.column: expand(f.prop) for f in CASE_STUDY_FIELDS if f.column not in NOT_PROPERTIES}
    impact_props = {f.column: expand(f.prop) for f in IMPACT_FIELDS}
    case = property_rules(graph, "case-study", case_props.values())
    impact = property_rules(graph, "impact", impact_props.values())
    return ({c: case.get(p, Rules()) for c, p in case_props.items()},
            {c: impact.get(p, Rules()) for c, p in impact_props.items()})


def node_paths(graph: Graph) -> dict[str, str]:
    """Shape name -> the property a rule over several properties asks for (the first that a member of
    its sh:or requires), so that its findings are told on a field: a reference on `skg:doi`, coordinates
    on `geo:lat`, a cost on its currency, a measured impact on its indicator."""
    found: dict[str, str] = {}
    for target in TARGETS.values():
        for node in graph.subjects(SH.targetClass, target):
            if (or_list := _first(graph, node, SH["or"])) is None:
                continue
            for member in Collection(graph, or_list):
                for shape in graph.objects(member, SH.property):
                    minimum, path = _first(graph, shape, SH.minCount), _first(graph, shape, SH.path)
                    if isinstance(minimum, Literal) and int(minimum) >= 1 and isinstance(path, URIRef):
                        found.setdefault(str(node).removeprefix(str(SHAPES)), str(path))
    return found
