"""The W3C SPARQL 1.1 Protocol test suite (tests/api/w3c/), run over real HTTP: its 20 query tests pass
against `soilkg serve` (embedded store, and `--endpoint` over Oxigraph's server) and against Oxigraph's own
read-only server, the reference; its 14 update tests are refused by all three and change nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pyoxigraph as ox
import pytest

from tests.api.conftest import Server
from tests.api.w3c.runner import Case, boolean_of, cases, problems, send

CASES = cases()
QUERY_CASES = [case for case in CASES if not case.is_update]
UPDATE_CASES = [case for case in CASES if case.is_update]


@dataclass
class Target:
    endpoint: str
    ours: bool  # soilkg serve: its refusals are in the API's one error shape


@pytest.fixture(scope="module", params=["embedded", "remote", "oxigraph"])
def target(request: pytest.FixtureRequest) -> Iterator[Target]:
    if request.param == "oxigraph":
        yield Target(request.getfixturevalue("oxigraph_endpoint"), ours=False)
    else:
        server: Server = request.getfixturevalue(request.param)
        yield Target(server.sparql, ours=True)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=30) as shared:
        yield shared


def test_the_manifest_has_the_suites_tests() -> None:
    assert (len(CASES), len(QUERY_CASES), len(UPDATE_CASES)) == (34, 20, 14)


@pytest.mark.parametrize("case", QUERY_CASES, ids=[case.name for case in QUERY_CASES])
def test_query(target: Target, client: httpx.Client, case: Case) -> None:
    for step in case.steps:
        response = send(client, target.endpoint, step)
        assert problems(step, response) == [], case.name


@pytest.mark.parametrize("case", UPDATE_CASES, ids=[case.name for case in UPDATE_CASES])
def test_update_is_refused(target: Target, client: httpx.Client, case: Case) -> None:
    first, *checks = case.steps
    response = send(client, target.endpoint, first)
    assert 400 <= response.status_code < 500, f"{case.name}: {response.status_code} {response.text[:300]}"
    if target.ours:
        error = response.json()["error"]
        # An update in any of the protocol's forms is refused as such; a body we cannot read as either
        # (text/plain, or a form without its media type) is refused for its media type.
        assert error["code"] == ("read_only" if first.is_update else "unsupported_media_type"), error
    for step in checks:  # the suite's follow-up queries: what the update would have written is not there
        answer = send(client, target.endpoint, step)
        assert answer.status_code == 200, answer.text[:300]
        if step.boolean is not None:
            assert boolean_of(answer) is False
        else:
            assert json.loads(answer.content)["results"]["bindings"] == []


def test_the_store_is_unchanged_after_the_update_tests(target: Target, client: httpx.Client,
                                                          local_store: ox.Store) -> None:
    response = client.post(target.endpoint, data={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                           headers={"Accept": "application/sparql-results+json"})
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == len(local_store)
