"""One licence statement and one citation text: soilkg/citation.py is the source; CITATION.cff, the
README, the dataset record and pyproject.toml must say the same (the site's footer and the API's
dataset description import the constants themselves)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pyoxigraph as ox
import yaml

from soilkg import __version__, citation

REPO = Path(__file__).resolve().parents[2]


def test_citation_cff_agrees_with_the_constants() -> None:
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"] == citation.TITLE
    assert [a["name"] for a in cff["authors"]] == [citation.AUTHORS]
    assert cff["version"] == __version__
    assert cff["license"] == citation.DATA_LICENCE_SPDX
    assert cff["license-url"] == citation.DATA_LICENCE_IRI
    assert cff["url"] == citation.HOME


def test_readme_states_the_licence_and_the_citation() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert citation.LICENCE_STATEMENT in readme, "README: copy soilkg.citation.LICENCE_STATEMENT verbatim"
    assert citation.CITATION_TEXT in readme, "README: copy soilkg.citation.CITATION_TEXT verbatim"


def test_licence_files_and_packaging_metadata() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == f"{citation.CODE_LICENCE_SPDX} AND {citation.DATA_LICENCE_SPDX}"
    for name in project["license-files"]:
        assert (REPO / name).is_file(), name
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "Attribution 4.0 International" in (REPO / "data" / "LICENSE").read_text(encoding="utf-8")


def test_dataset_record_carries_the_same_licence_and_creator() -> None:
    store = ox.Store()
    store.load(path=str(REPO / "data" / "dataset" / "soilkg.ttl"), format=ox.RdfFormat.TURTLE)
    dataset = ox.NamedNode(citation.HOME + "id/dataset/soilkg")
    licences = {q.object for q in store.quads_for_pattern(dataset, ox.NamedNode("http://purl.org/dc/terms/license"),
                                                           None)}
    creators = {q.object for q in store.quads_for_pattern(dataset, ox.NamedNode("http://purl.org/dc/terms/creator"),
                                                          None)}
    assert licences == {ox.NamedNode(citation.DATA_LICENCE_IRI)}
    assert creators == {ox.Literal(citation.AUTHORS)}
