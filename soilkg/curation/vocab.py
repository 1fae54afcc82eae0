"""The concepts of the case-study vocabularies (and themes), read from their files under data/, with
their labels, so that curators may name them by slug, prefixed name or English label."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from soilkg.namespaces import ID, KINDS, SKG, sparql_prefixes
from soilkg.paths import Project
from soilkg.store import load_memory

# {cls} is the vocabulary's class: a fixed IRI of the ontology, never user input.
_LABELS = sparql_prefixes("rdfs", "skos") + """SELECT ?concept ?label WHERE {
  GRAPH ?g { ?concept a <{cls}> }
  OPTIONAL { GRAPH ?g2 { ?concept rdfs:label|skos:prefLabel|skos:altLabel ?label } }
}"""


@lru_cache(maxsize=32)
def _concepts(root: str, folder: str) -> dict[str, tuple[str, ...]]:
    project = Project(Path(root))
    base = project.data / folder
    files = sorted(base.glob("*.ttl")) if base.is_dir() else []
    store, _syntax = load_memory(project, files)  # a broken vocabulary file is reported by validate
    result = store.query(_LABELS.replace("{cls}", str(SKG[KINDS[folder]])))
    assert isinstance(result, ox.QuerySolutions)
    found: dict[str, list[str]] = {}
    for row in result:
        labels = found.setdefault(row["concept"].value, [])
        if row["label"] is not None:
            labels.append(row["label"].value)
    return {iri: tuple(labels) for iri, labels in found.items() if iri.startswith(f"{ID}{folder}/")}


def concepts(project: Project, folder: str) -> dict[str, tuple[str, ...]]:
    """IRI -> labels of every concept of data/{folder}/ (typed with the folder's class)."""
    return _concepts(str(project.root), folder)
