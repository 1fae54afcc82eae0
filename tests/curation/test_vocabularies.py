"""The case-study vocabularies hold only what the source document names: each concept points at a
paragraph whose text uses its words, and AGROVOC matches come only from the reference list."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Namespace

from soilkg.paths import Project
from soilkg.store import load_memory
from soilkg.validation.terms import graph_from_store
from tests.curation.sandbox import REPO

SKG = Namespace("https://w3id.org/soilkg/ontology#")
FOLDERS = {"practice": SKG.Practice, "organism-group": SKG.OrganismGroup, "threat": SKG.Threat,
           "land-use": SKG.LandUse}
# AGROVOC concepts listed in the project's reference identifiers (shared/reference/identifiers.md).
ALLOWED_AGROVOC = {
    "c_33552", "c_7169", "c_36167", "c_7160", "c_29109", "c_47faeccc", "c_5023", "c_6569", "c_33949",
    "c_37977", "c_35028", "c_36976", "c_12869", "c_27938", "c_17299", "c_27742", "c_389fe908", "c_35657",
    "c_331583", "c_2867", "c_4592", "c_27870", "c_24975", "c_7183", "c_e9c250f9", "c_2223", "c_1533",
    "c_a9645d28", "c_7170", "c_7165", "c_7168", "c_36580", "c_7198",
}
FILES = sorted(p for folder in FOLDERS for p in (REPO / "data" / folder).glob("*.ttl"))


def read(path: Path) -> Graph:
    """A data file as the build reads it (rdflib cannot parse RDF 1.2 annotations `{| ... |}`)."""
    store, unreadable = load_memory(Project(REPO), [path])
    assert unreadable == [], unreadable
    return graph_from_store(store, [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)])


def _paragraph_texts() -> dict[str, str]:
    report = read(REPO / "data" / "document" / "cgrfa-20-item-8-4.ttl")
    return {str(s): str(o).lower() for s, o in report.subject_objects(SKG.text)}


def test_every_vocabulary_has_concepts() -> None:
    for folder in FOLDERS:
        assert list((REPO / "data" / folder).glob("*.ttl")), folder


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_concept_is_named_by_the_paragraph_it_cites(path: Path) -> None:
    graph = read(path)
    klass = FOLDERS[path.parent.name]
    concepts = list(graph.subjects(RDF.type, klass))
    assert [str(c).rsplit("/", 1)[-1] for c in concepts] == [path.stem]
    concept = concepts[0]
    label = str(graph.value(concept, RDFS.label))
    texts = _paragraph_texts()
    cited = [str(p) for p in graph.objects(concept, SKG.statedIn)]
    assert cited and all(p in texts for p in cited), cited
    # Each significant word of the label (its first five letters, so "recarbonization" matches
    # "recarbonize") appears in one of the cited paragraphs.
    words = [w[:5] for w in re.findall(r"[a-z]+", label.lower()) if len(w) > 3 and w not in {"soil", "soils"}]
    joined = " ".join(texts[p] for p in cited)
    assert all(w in joined for w in words), (label, words)


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parent.name}/{p.stem}" for p in FILES])
def test_agrovoc_matches_come_from_the_reference_list(path: Path) -> None:
    graph = read(path)
    for prop in (SKOS.exactMatch, SKOS.closeMatch):
        for match in graph.objects(None, prop):
            assert str(match).startswith("http://aims.fao.org/aos/agrovoc/")
            assert str(match).rsplit("/", 1)[-1] in ALLOWED_AGROVOC, match
