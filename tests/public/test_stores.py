"""`soilkg build` makes two stores: the public one (`store`) without non-public files, and the curators'
preview (`preview`) with everything; the same folder when nothing is non-public; the last good pair
stays when a build fails."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg import store
from soilkg.errors import SoilkgError
from soilkg.paths import Project
from soilkg.sitegen.build import prepare
from tests.public.public_project import DRAFT, DRAFT_GRAPH, DRAFT_IRI, PUBLISHED, make_project, write_draft

SEE_ALSO = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")


def mentions(s: ox.Store, iri: str) -> int:
    node = ox.NamedNode(iri)
    return len(list(s.quads_for_pattern(node, None, None, None))) + \
        len(list(s.quads_for_pattern(None, None, node, None)))


def test_the_public_store_leaves_the_draft_out_and_the_preview_keeps_it(built: Project) -> None:
    public, preview = store.open_read_only(built), store.open_read_only(built, preview=True)
    assert mentions(public, DRAFT_IRI) == 0  # its file, and the published file's rdfs:seeAlso pointing at it
    assert mentions(preview, DRAFT_IRI) > 10
    assert list(preview.quads_for_pattern(None, SEE_ALSO, ox.NamedNode(DRAFT_IRI), None))
    assert ox.NamedNode(DRAFT_GRAPH) not in set(public.named_graphs())
    assert ox.NamedNode(DRAFT_GRAPH) in set(preview.named_graphs())
    # Everything else is the same in both.
    published = ox.NamedNode(store.graph_iri(f"data/case-study/{PUBLISHED}.ttl"))
    assert len(list(public.quads_for_pattern(None, None, None, published))) + 1 == \
        len(list(preview.quads_for_pattern(None, None, None, published)))
    manifest = json.loads((store.current_store_path(built) / store.MANIFEST).read_text())
    assert manifest["view"] == "public" and manifest["hidden_files"] == 1
    assert f"data/case-study/{DRAFT}.ttl" not in manifest["files"]
    assert store.current_store_path(built).resolve() != store.preview_store_path(built).resolve()


def test_with_nothing_non_public_both_links_name_one_folder(built: Project) -> None:
    write_draft(built.root, "published")
    info = store.build(built)
    assert info.rebuilt and info.hidden_files == 0 and info.public_quads == info.quads
    assert store.current_store_path(built).resolve() == store.preview_store_path(built).resolve()
    assert mentions(store.open_read_only(built), DRAFT_IRI) > 10


def test_a_resource_marked_non_public_leaves_the_public_store(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "project", draft_status="published")
    network = project.data / "network" / "netsob.ttl"
    text = network.read_text(encoding="utf-8")
    network.write_text(text + "\nnetwork:netsob skg:nonPublic true .\n", encoding="utf-8")
    monkeypatch.setenv("SOILKG_BUILD", str(tmp_path / "build"))
    info = store.build(project)
    assert info.hidden_files == 1
    netsob = "https://w3id.org/soilkg/id/network/netsob"
    assert mentions(store.open_read_only(project), netsob) == 0  # its file and every statement pointing at it
    assert mentions(store.open_read_only(project, preview=True), netsob) > 5


def test_a_failed_build_keeps_the_last_good_public_and_preview_stores(built: Project) -> None:
    public, preview = store.current_store_path(built).resolve(), store.preview_store_path(built).resolve()
    draft = built.data / "case-study" / f"{DRAFT}.ttl"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nthis is not turtle\n", encoding="utf-8")
    with pytest.raises(SoilkgError) as stopped:
        store.build(built)
    assert stopped.value.exit_code == 2
    assert store.current_store_path(built).resolve() == public
    assert store.preview_store_path(built).resolve() == preview
    assert mentions(store.open_read_only(built), DRAFT_IRI) == 0
    assert mentions(store.open_read_only(built, preview=True), DRAFT_IRI) > 10
    assert not [p for p in (built.build / "stores").iterdir() if ".building-" in p.name]


def test_an_unchanged_build_builds_nothing_and_a_forced_one_makes_a_new_pair(built: Project) -> None:
    before = store.current_store_path(built).resolve()
    again = store.build(built)
    assert not again.rebuilt and again.hidden_files == 1 and again.path == before
    forced = store.build(built, force=True)
    assert forced.rebuilt and forced.path != before  # readers of the old pair keep it until they follow the link
    assert before.exists()


def test_a_public_site_is_never_made_from_the_preview_store(built: Project, tmp_path: Path) -> None:
    with pytest.raises(SoilkgError, match="public store"):
        prepare(built, store.preview_store_path(built).resolve(), tmp_path / "work")
