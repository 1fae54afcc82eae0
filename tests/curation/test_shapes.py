"""The case-study shapes speak to curators: every shape is named and every constraint that can be
reported has its own sh:message; the ontology terms are labelled and defined; pre-commit is set up."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import SH

from tests.curation.sandbox import REPO

SHAPE_FILES = [REPO / "shapes" / "case-study.ttl", REPO / "shapes" / "vocabularies.ttl"]


def test_every_reported_constraint_has_a_message() -> None:
    shapes = Graph()
    for path in SHAPE_FILES:
        shapes.parse(path)
    targeted = {s for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf) for s in shapes.subjects(p)}
    assert targeted
    for node_shape in targeted:
        assert isinstance(node_shape, URIRef), "name every shape"
        if (node_shape, SH["or"], None) in shapes:
            assert (node_shape, SH.message, None) in shapes, node_shape
        for prop_shape in shapes.objects(node_shape, SH.property):
            assert (prop_shape, SH.message, None) in shapes, prop_shape


def test_case_study_terms_are_labelled_and_defined() -> None:
    ontology = Graph().parse(REPO / "ontology" / "casestudy.ttl")
    terms = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme)
             for s in ontology.subjects(RDF.type, t)}
    assert len(terms) > 30
    for term in terms:
        assert (term, RDFS.label, None) in ontology, term
        assert (term, SKOS.definition, None) in ontology, term


@pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is a test dependency")
def test_pre_commit_config_runs_soilkg_validate() -> None:
    config = REPO / ".pre-commit-config.yaml"
    checked = subprocess.run(["pre-commit", "validate-config", str(config)], capture_output=True, text=True,
                             check=False, timeout=60)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "entry: soilkg validate" in config.read_text(encoding="utf-8")
