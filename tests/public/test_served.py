"""What a real `soilkg serve` answers: the public store by default (the draft is absent from /sparql,
/id/... and /queries), the curators' preview with `--include-drafts` (present, and marked so on every
response); after a rebuild, served data and the FROM allow-list follow without a restart."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from soilkg import store
from soilkg.paths import Project
from tests.public.public_project import (
    DRAFT,
    DRAFT_GRAPH,
    DRAFT_IRI,
    DRAFT_TITLE,
    PUBLISHED_TITLE,
    Server,
    make_project,
    serve,
    write_draft,
)

SELECT = f"SELECT ?p ?o WHERE {{ <{DRAFT_IRI}> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER(?s = <{DRAFT_IRI}> || ?o = <{DRAFT_IRI}>) }}"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
IN_GRAPH = f"SELECT ?s WHERE {{ GRAPH <{DRAFT_GRAPH}> {{ ?s ?p ?o }} }}"
FROM = f"SELECT ?s FROM <{DRAFT_GRAPH}> WHERE {{ ?s ?p ?o }} LIMIT 1"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Path]]:
    root = tmp_path_factory.mktemp("public-served")
    project = make_project(root / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOILKG_BUILD", str(root / "build"))
        store.build(project)
    yield project, root / "build"


@pytest.fixture(scope="module")
def public(project: tuple[Project, Path]) -> Iterator[Server]:
    yield from serve(*project)


@pytest.fixture(scope="module")
def preview(project: tuple[Project, Path]) -> Iterator[Server]:
    yield from serve(*project, "--include-drafts")


def rows(response: object) -> list[dict[str, dict[str, str]]]:
    assert getattr(response, "status_code", None) == 200, getattr(response, "text", "")
    found: list[dict[str, dict[str, str]]] = json.loads(response.text)["results"]["bindings"]  # type: ignore[attr-defined]
    return found


def test_sparql_answers_from_the_public_store(public: Server) -> None:
    assert rows(public.sparql(SELECT)) == []
    constructed = public.sparql(CONSTRUCT, "application/n-triples")
    assert constructed.status_code == 200 and DRAFT not in constructed.text
    assert DRAFT_GRAPH not in {r["g"]["value"] for r in rows(public.sparql(GRAPHS))}
    assert rows(public.sparql(IN_GRAPH)) == []
    refused = public.sparql(FROM)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "graph_refused"
    assert refused.headers["x-soilkg-view"] == "public"
    assert rows(public.sparql(f'SELECT ?s WHERE {{ ?s ?p "{PUBLISHED_TITLE}"@en }}')), "the published one is public"


def test_linked_data_and_named_queries_leave_the_draft_out(public: Server) -> None:
    missing = public.get(f"/id/case-study/{DRAFT}", headers={"Accept": "text/turtle"})
    assert missing.status_code == 404 and missing.headers["x-soilkg-view"] == "public"
    assert public.get(f"/id/case-study/{DRAFT}", headers={"Accept": "text/html"}).status_code == 404
    answer = public.get("/queries/test-every-case-study", params={"format": "csv"})
    assert answer.status_code == 200 and PUBLISHED_TITLE in answer.text and DRAFT_TITLE not in answer.text
    listing = public.get("/queries")
    assert listing.status_code == 200 and listing.headers["x-soilkg-view"] == "public"
    assert DRAFT not in listing.text


def test_the_preview_answers_everything_and_says_so(preview: Server) -> None:
    assert rows(preview.sparql(SELECT))
    assert DRAFT in preview.sparql(CONSTRUCT, "application/n-triples").text
    assert DRAFT_GRAPH in {r["g"]["value"] for r in rows(preview.sparql(GRAPHS))}
    assert rows(preview.sparql(FROM))
    turtle = preview.get(f"/id/case-study/{DRAFT}", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and DRAFT_TITLE in turtle.text
    assert DRAFT_TITLE in preview.get("/queries/test-every-case-study", params={"format": "csv"}).text
    for response in (turtle, preview.get("/health"), preview.sparql(SELECT), preview.get("/queries"),
                     preview.get("/id/case-study/no-such-thing")):
        assert response.headers["x-soilkg-view"] == "preview", response.url
    # HTML answers carry the banner (no site is built here: /id/ answers with its own page).
    page = preview.get(f"/id/case-study/{DRAFT}", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "skg-preview" in page.text and "Preview" in page.text
    assert "skg-preview" not in turtle.text


def test_a_rebuild_is_served_without_a_restart(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    build = tmp_path / "build"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOILKG_BUILD", str(build))
        store.build(project)
        for server in serve(project, build):
            assert server.sparql(FROM).status_code == 403
            assert rows(server.sparql(SELECT)) == []
            write_draft(project.root, "published")  # the curator publishes it; the build follows
            assert store.build(project).hidden_files == 0
            assert rows(server.sparql(FROM)), "the FROM allow-list follows the new store"
            assert rows(server.sparql(SELECT))
            assert server.get(f"/id/case-study/{DRAFT}", headers={"Accept": "text/turtle"}).status_code == 200
            write_draft(project.root, "draft")  # and back: it leaves the public view again
            store.build(project)
            assert server.sparql(FROM).status_code == 403
            assert server.get(f"/id/case-study/{DRAFT}", headers={"Accept": "text/turtle"}).status_code == 404
