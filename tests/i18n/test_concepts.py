"""Every concept the site's filters show (themes, practices, soil organism groups, threats, land uses,
actor groups) has a label in each of the other five UN languages: in its data file, or in the
vocabulary's translations, ontology/vocabulary-labels.ttl."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

REPO = Path(__file__).resolve().parents[2]
PROPOSALS = REPO / "ontology" / "vocabulary-labels.ttl"
VOCABULARIES = ("theme", "practice", "organism-group", "threat", "land-use", "actor-group")
OTHERS = ("ar", "zh", "fr", "ru", "es")
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
ID = "https://w3id.org/soilkg/id/"


def languages(path: Path) -> dict[tuple[str, str], set[str]]:
    """(subject, label predicate) -> languages of its labels, read with pyoxigraph (RDF 1.2 annotations too)."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    found: dict[tuple[str, str], set[str]] = {}
    for quad in store:
        if (isinstance(quad.subject, ox.NamedNode) and quad.predicate.value in (LABEL, PREF_LABEL)
                and isinstance(quad.object, ox.Literal)):
            found.setdefault((quad.subject.value, quad.predicate.value), set()).add(quad.object.language or "en")
    return found


PROPOSED = languages(PROPOSALS)


@pytest.mark.parametrize("vocabulary", VOCABULARIES)
def test_every_concept_has_labels_in_the_other_languages(vocabulary: str) -> None:
    files = sorted((REPO / "data" / vocabulary).glob("*.ttl"))
    assert files, f"data/{vocabulary}/ is empty"
    missing = []
    for path in files:
        iri = f"{ID}{vocabulary}/{path.stem}"
        own = languages(path)
        for predicate in (LABEL, PREF_LABEL):
            if (iri, predicate) not in own:
                continue
            have = own[(iri, predicate)] | PROPOSED.get((iri, predicate), set())
            missing += [f"{vocabulary}/{path.stem} {predicate.rsplit('#', 1)[-1]}@{lang}"
                        for lang in OTHERS if lang not in have]
    assert missing == []


def test_proposals_name_only_concepts_that_exist() -> None:
    stale = sorted({s for s, _ in PROPOSED if not (REPO / "data" / f"{s[len(ID):]}.ttl").is_file()})
    assert stale == []
