"""Every named query gives its expected answer: in process, over HTTP (both engines), and as CSV."""

from __future__ import annotations

import csv
import io
import json

import httpx
import pyoxigraph as ox
import pytest

from soilkg import queries
from soilkg.api.worker import term_json
from soilkg.namespaces import ID
from soilkg.paths import Project
from soilkg.urls import data_file
from tests.api.conftest import REPO, Server
from tests.api.named_cases import cases, normalise

CASES = cases()
LIBRARY = queries.load_all(Project(REPO).queries)


def _missing_files(expected: list[str]) -> list[str]:
    """Data files that the expected answer mentions and the repository lacks."""
    files = set()
    for row in expected:
        for value in json.loads(row).values():
            for token in str(value).split():
                # The owner's IRI (kind/slug): parts such as .../title-block live in the owner's file.
                owner = ID + "/".join(token[len(ID):].split("/")[:2]) if token.startswith(ID) else token
                if (path := data_file(owner)) is not None and not (REPO / path).is_file():
                    files.add(path)
    return sorted(files)


def _check(name: str, got: list[str], expected: list[dict[str, str]]) -> None:
    wanted = sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in expected)
    missing = _missing_files(wanted)
    assert not missing, f"{name}: the expected answer needs data files that are missing: {missing}"
    assert got == wanted, f"{name}: answer differs from tests/api/expected (check against the source document)"


def test_every_own_query_has_an_expected_answer() -> None:
    tested = {name for name, _, _ in CASES}
    own = {n for n in LIBRARY if not n.startswith("report-")}
    assert own <= tested, f"named queries without tests/api/expected/<name>.json: {sorted(own - tested)}"
    for query in LIBRARY.values():
        assert query.title and query.description, f"{query.path}: header needs # title: and # description:"


@pytest.mark.parametrize("name,params,expected", CASES, ids=[f"{n}{p}" for n, p, _ in CASES])
def test_in_process(local_store: ox.Store, name: str, params: dict[str, str], expected: list[dict[str, str]]) -> None:
    solutions = queries.run(local_store, LIBRARY[name], params)
    names = [v.value for v in solutions.variables]
    rows = [{n: term_json(t) for n in names if (t := s[n]) is not None} for s in solutions]
    _check(name, normalise(rows), expected)


@pytest.mark.parametrize("name,params,expected", CASES, ids=[f"{n}{p}" for n, p, _ in CASES])
def test_over_http(api: Server, name: str, params: dict[str, str], expected: list[dict[str, str]]) -> None:
    response = httpx.get(f"{api.base}/queries/{name}", params=params, headers={"Accept": "application/json"})
    assert response.status_code == 200, response.text
    _check(name, normalise(response.json()["results"]["bindings"]), expected)


def test_list_and_csv_download(api: Server) -> None:
    listing = httpx.get(api.base + "/queries").json()["queries"]
    by_name = {q["name"]: q for q in listing}
    assert by_name["publications-since"]["parameters"][0]["name"] == "since"
    response = httpx.get(api.base + "/queries/countries-by-programme", params={"format": "csv",
                                                                              "programme": "initiative:recisoil"})
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="countries-by-programme.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["iso3"] for r in rows} == {"CRI", "GHA", "MEX", "TGO", "ARM", "KAZ", "MAR", "UZB"}


def test_parameters_are_terms_not_text(api: Server) -> None:
    injection = '2024-01-01"^^<x:y> } } SELECT * WHERE { ?s ?p ?o } #'
    bad = httpx.get(api.base + "/queries/publications-since", params={"since": injection})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "bad_parameter"
    iri = httpx.get(api.base + "/queries/figures-by-programme", params={"about": "x:> } ?s ?p ?o {"})
    assert iri.status_code == 400
    unknown = httpx.get(api.base + "/queries/publications-since", params={"before": "2020-01-01"})
    assert unknown.status_code == 400 and unknown.json()["error"]["code"] == "unknown_parameter"
    assert httpx.get(api.base + "/queries/no-such-query").json()["error"]["code"] == "unknown_query"
