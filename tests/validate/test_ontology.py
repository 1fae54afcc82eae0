"""The ontology and the shapes themselves: every term labelled and defined, every class shaped,
every constraint speaking to curators, and an OWL RL closure without inconsistency."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from owlrl import DeductiveClosure, OWLRL_Semantics
from owlrl.Namespaces import ERRNS
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SH, SKOS

from soilkg.namespaces import SKG
from soilkg.paths import Project
from soilkg.store import load_memory
from soilkg.validation.checks import enabled_names, parse_check
from soilkg.validation.terms import graph_from_store

from .helpers import REPO

PROJECT = Project(REPO)
SHAPES_NS = "https://w3id.org/soilkg/shapes#"
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
# Parameters that make a node shape itself a constraint (not only a holder of sh:property shapes).
NODE_CONSTRAINTS = (SH["or"], SH["and"], SH["not"], SH.xone, SH.node, SH["class"], SH.closed, SH.sparql,
                    SH.nodeKind, SH.datatype, SH.pattern, SH["in"], SH.hasValue)


def parse(folder: str) -> Graph:
    graph = Graph()
    for path in sorted((REPO / folder).glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return parse("ontology")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return parse("shapes")


def our_terms(ontology: Graph) -> list[URIRef]:
    return sorted({s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(SKG))})


def _english(node: object) -> bool:
    return isinstance(node, Literal) and node.language == "en"


def test_every_term_is_labelled_and_defined(ontology: Graph) -> None:
    terms = our_terms(ontology)
    assert len(terms) > 50
    unlabelled = [t for t in terms if not any(_english(x) for x in ontology.objects(t, RDFS.label))]
    undefined = [t for t in terms if not any(_english(d) for d in ontology.objects(t, SKOS.definition))]
    assert unlabelled == [] and undefined == []


def test_every_class_has_a_shape(ontology: Graph, shapes: Graph) -> None:
    classes = [c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)]
    targeted = set(shapes.objects(None, SH.targetClass))
    assert len(classes) > 20
    assert sorted(c for c in classes if c not in targeted) == []


def test_every_shape_is_named_and_every_constraint_has_a_message(shapes: Graph) -> None:
    targeted = {s for p in TARGETS for s in shapes.subjects(p, None)}
    problems = []
    for shape in targeted:
        properties = list(shapes.objects(shape, SH.property))
        if not isinstance(shape, URIRef) or not shape.startswith(SHAPES_NS):
            problems.append(f"{shape}: name it in {SHAPES_NS}")
        constrains = any(shapes.value(shape, p) is not None for p in NODE_CONSTRAINTS)
        if constrains and shapes.value(shape, SH.message) is None:
            problems.append(f"{shape}: node constraint without sh:message")
        for prop in properties:
            if isinstance(prop, BNode) or not str(prop).startswith(SHAPES_NS):
                problems.append(f"{shape}: property shape {prop} is not named")
            if not str(shapes.value(prop, SH.message) or "").strip():
                problems.append(f"{prop}: no sh:message")
    assert problems == []


def test_severities_are_violation_or_warning(shapes: Graph) -> None:
    assert set(shapes.objects(None, SH.severity)) <= {SH.Violation, SH.Warning, SH.Info}


def test_owl_rl_closure_is_consistent(ontology: Graph) -> None:
    # Data files are read as the build reads them (RDF 1.2 annotations, which rdflib cannot parse,
    # become plain reification statements).
    store, unreadable = load_memory(PROJECT, sorted((REPO / "data").rglob("*.ttl")))
    assert unreadable == []
    graph = graph_from_store(store, [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)])
    graph += ontology
    DeductiveClosure(OWLRL_Semantics).expand(graph)
    errors = [str(graph.value(m, ERRNS.error)) for m in graph.subjects(RDF.type, ERRNS.ErrorMessage)]
    assert errors == []


def test_every_check_is_enabled_documented_and_valid_sparql() -> None:
    enabled = enabled_names(PROJECT.checks)
    files = sorted(PROJECT.checks.glob("*.rq"))
    assert files and sorted(f.stem for f in files if f.stem not in enabled) == []
    empty = ox.Store()
    for path in files:
        check = parse_check(path)
        assert check.message.strip() and check.fix.strip(), path.name
        result = empty.query(check.sparql)
        assert isinstance(result, ox.QuerySolutions)
        assert "graph" in {v.value for v in result.variables}, f"{path.name} must select ?graph"
