"""The one registry of kinds (soilkg/kinds.py) against everything a kind needs elsewhere: a class in
the ontology, a shape that targets it, its plural (its list's title) in every language, list columns
the site can fill, and a folder under data/ only for a kind the table knows. A new entry that lacks
one is named here with the file to add it to (CONTRIBUTING.md, "A page kind")."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg.kinds import BY_FOLDER, KIND_TABLE, catalogue_groups, columns_of, in_navigation, on_timeline
from soilkg.namespaces import KINDS, PREFIXES, SKG
from soilkg.sitegen.kinds import CELLS

REPO = Path(__file__).resolve().parents[2]
LANGS = ("en", "fr", "es", "ar", "zh", "ru")
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SH = "http://www.w3.org/ns/shacl#"


@pytest.fixture(scope="module")
def schema() -> ox.Store:
    """The ontology and the shapes, each file its own graph."""
    store = ox.Store()
    for folder in ("ontology", "shapes"):
        for path in sorted((REPO / folder).glob("*.ttl")):
            store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(path.as_uri()))
    return store


@pytest.fixture(scope="module")
def strings() -> dict[str, dict[str, str]]:
    return {lang: json.loads((REPO / "site" / "i18n" / f"{lang}.json").read_text(encoding="utf-8")) for lang in LANGS}


def test_each_kind_is_a_class_of_the_ontology_with_shapes(schema: ox.Store) -> None:
    missing_class, missing_shape = [], []
    for kind in KIND_TABLE:
        cls = f"<{SKG[kind.cls]}>"
        if not schema.query(f"ASK {{ GRAPH ?g {{ {cls} a <{OWL_CLASS}> }} }}"):
            missing_class.append(f"{kind.folder}: skg:{kind.cls} (declare it in ontology/soilkg.ttl)")
        if not schema.query(f"ASK {{ GRAPH ?g {{ ?shape <{SH}targetClass> ?target }} "
                            f"GRAPH ?h {{ {cls} <{RDFS}subClassOf>* ?target }} }}"):
            missing_shape.append(f"{kind.folder}: no shape targets skg:{kind.cls} (add one in shapes/resources.ttl)")
    assert missing_class == [] and missing_shape == []


def test_each_kind_is_named_in_the_plural_in_every_language(schema: ox.Store) -> None:
    """A kind's list is titled with its class's skg:pluralLabel (soilkg/sitegen/i18n.kind_titles), one per
    language: English beside the class, the other five in ontology/translations.ttl."""
    missing = []
    for kind in KIND_TABLE:
        answer = schema.query(f"SELECT ?p WHERE {{ GRAPH ?g {{ <{SKG[kind.cls]}> <{SKG.pluralLabel}> ?p }} }}")
        assert isinstance(answer, ox.QuerySolutions)
        found = [solution["p"] for solution in answer]
        for lang in LANGS:
            count = sum(1 for plural in found if isinstance(plural, ox.Literal) and plural.language == lang)
            if count != 1:
                where = "beside the class in ontology/*.ttl" if lang == "en" else "in ontology/translations.ttl"
                missing.append(f'{kind.folder}: {count} @{lang} (add one: skg:{kind.cls} skg:pluralLabel "..."@{lang} '
                               f'{where})')
    assert missing == [], missing


def test_each_kind_has_its_group_and_column_headers_in_every_language(strings: dict[str, dict[str, str]]) -> None:
    keys = {key for key, _members in catalogue_groups()}
    keys |= {column.header for kind in KIND_TABLE for column in columns_of(kind.folder)}
    missing = sorted(f"{lang}: {key}" for lang in LANGS for key in keys if not strings[lang].get(key))
    assert missing == [], f"add these keys to site/i18n/<lang>.json: {missing}"


def test_each_column_has_a_cell_the_site_can_fill(schema: ox.Store) -> None:
    unknown = []
    for kind in KIND_TABLE:
        for column in columns_of(kind.folder):
            prefix, _, local = column.cell.partition(":")
            if prefix in ("links", "literal"):
                declared = schema.query(f"ASK {{ GRAPH ?g {{ <{SKG[local]}> a ?type }} }}")
                if not declared:
                    unknown.append(f"{kind.folder}: {column.cell} (no skg:{local} in the ontology)")
            elif column.cell not in CELLS and column.cell != "type":
                unknown.append(f"{kind.folder}: {column.cell} (not a cell of soilkg/sitegen/kinds.py CELLS)")
    assert unknown == []


def test_the_table_is_what_the_iris_and_the_site_read() -> None:
    assert KINDS == {kind.folder: kind.cls for kind in KIND_TABLE}
    assert all(PREFIXES[kind.folder.replace("-", "")].endswith(f"/id/{kind.folder}/") for kind in KIND_TABLE)
    navigation, timeline = in_navigation(), on_timeline()
    assert navigation[0] == "decision" and "case-study" in navigation and len(set(navigation)) == len(navigation)
    assert timeline[0] == "decision" and len(set(timeline)) == len(timeline)
    assert len(BY_FOLDER) == len(KIND_TABLE), "each folder once"


def test_every_data_folder_is_a_kind() -> None:
    folders = {p.name for p in (REPO / "data").iterdir() if p.is_dir()}
    assert folders - set(BY_FOLDER) == set(), "a folder under data/ needs its entry in soilkg/kinds.py"
