"""SPARQL 1.1 Protocol over a real server: same answers as the in-process store, every format, both engines."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from fastapi.routing import APIRoute
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TSV, XML, SPARQLWrapper

from soilkg.api import direct
from soilkg.api.app import create_app
from soilkg.api.settings import Settings
from soilkg.api.web import routes
from soilkg.citation import CITATION_TEXT, DATA_LICENCE_IRI, LICENCE_STATEMENT
from soilkg.paths import Project
from tests.api.conftest import ALLOWED_ORIGIN, REPO, Server

SKG = "https://w3id.org/soilkg/ontology#"
NETWORKS = f"SELECT ?n ?label WHERE {{ ?n a <{SKG}Network> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}"
CONSTRUCT_NETSOB = ("CONSTRUCT { ?s ?p ?o } WHERE { BIND(<https://w3id.org/soilkg/id/network/netsob> AS ?s) "
                    "?s ?p ?o }")


def expected_networks(store: ox.Store) -> set[tuple[str, str]]:
    rows = store.query(NETWORKS, use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    found = {(r["n"].value, r["label"].value) for r in rows}
    assert found, "data/network/*.ttl has no networks"
    return found


def rows_of(body: dict[str, object]) -> set[tuple[str, str]]:
    bindings = body["results"]["bindings"]  # type: ignore[index]
    return {(b["n"]["value"], b["label"]["value"]) for b in bindings}


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["code"] == code
    assert body["error"]["message"]
    return body["error"]


def test_get_post_form_and_post_direct_agree_with_the_store(api: Server, local_store: ox.Store) -> None:
    expected = expected_networks(local_store)
    get = httpx.get(api.sparql, params={"query": NETWORKS}, headers={"Accept": "application/sparql-results+json"})
    form = httpx.post(api.sparql, data={"query": NETWORKS})
    direct = httpx.post(api.sparql, content=NETWORKS, headers={"Content-Type": "application/sparql-query"})
    for response in (get, form, direct):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert rows_of(response.json()) == expected


@pytest.mark.parametrize("fmt", [JSON, XML, CSV, TSV])
def test_sparqlwrapper_every_results_format(api: Server, local_store: ox.Store, fmt: str) -> None:
    expected = expected_networks(local_store)
    client = SPARQLWrapper(api.sparql)
    client.setQuery(NETWORKS)
    client.setReturnFormat(fmt)
    result: Any = client.query().convert()
    if fmt == JSON:
        assert rows_of(result) == expected
    elif fmt == XML:
        names = [b.getAttribute("name") for b in result.getElementsByTagName("binding")]
        assert names.count("n") == len(expected)
    else:
        text = result.decode() if isinstance(result, bytes) else result
        reader = csv.reader(io.StringIO(text), delimiter="," if fmt == CSV else "\t")
        lines = list(reader)[1:]
        assert len(lines) == len(expected)
        if fmt == CSV:
            assert {(a, b) for a, b in lines} == expected


def test_rdflib_sparqlstore_gets_the_same_answer(api: Server, local_store: ox.Store) -> None:
    graph = rdflib.Graph(SPARQLStore(api.sparql, returnFormat="json"))
    found = {(str(row[0]), str(row[1])) for row in graph.query(NETWORKS)}  # type: ignore[index]
    assert found == expected_networks(local_store)


@pytest.mark.parametrize("fmt,rdflib_format", [("turtle", "turtle"), ("ntriples", "nt"), ("rdfxml", "xml"),
                                                 ("jsonld", "json-ld")])
def test_construct_in_every_rdf_format(api: Server, local_store: ox.Store, fmt: str, rdflib_format: str) -> None:
    expected = local_store.query(CONSTRUCT_NETSOB, use_default_graph_as_union=True)
    assert isinstance(expected, ox.QueryTriples)
    expected_count = len(list(expected))
    assert expected_count > 0, "data/network/netsob.ttl is missing"
    response = httpx.get(api.sparql, params={"query": CONSTRUCT_NETSOB, "format": fmt})
    assert response.status_code == 200, response.text
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    assert len(graph) == expected_count


def test_accept_header_chooses_the_format(api: Server) -> None:
    response = httpx.get(api.sparql, params={"query": CONSTRUCT_NETSOB}, headers={"Accept": "application/n-triples"})
    assert response.headers["content-type"].startswith("application/n-triples")
    response = httpx.get(api.sparql, params={"query": NETWORKS}, headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")


def test_graph_tells_which_file_a_triple_came_from(api: Server) -> None:
    query = ("SELECT ?g WHERE { GRAPH ?g { <https://w3id.org/soilkg/id/network/netsob> a ?type } }")
    response = httpx.get(api.sparql, params={"query": query})
    graphs = {b["g"]["value"] for b in response.json()["results"]["bindings"]}
    assert graphs == {"https://w3id.org/soilkg/source/data/network/netsob.ttl"}


def test_default_and_named_graph_parameters(api: Server) -> None:
    graph = "https://w3id.org/soilkg/source/data/network/netsob.ttl"
    query = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"
    one = httpx.get(api.sparql, params={"query": query, "default-graph-uri": graph}).json()
    everything = httpx.get(api.sparql, params={"query": query}).json()
    count_one = int(one["results"]["bindings"][0]["n"]["value"])
    assert 0 < count_one < int(everything["results"]["bindings"][0]["n"]["value"])
    from_clause = httpx.get(api.sparql, params={"query": f"SELECT (COUNT(DISTINCT ?s) AS ?n) FROM <{graph}> "
                                                "WHERE { ?s ?p ?o }"}).json()
    assert from_clause["results"]["bindings"] == one["results"]["bindings"]


def test_updates_are_refused_in_every_form(api: Server, local_store: ox.Store) -> None:
    before = len(local_store)
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    assert_error(httpx.get(api.sparql, params={"update": update}), 403, "read_only")
    assert_error(httpx.post(api.sparql, data={"update": update}), 403, "read_only")
    assert_error(httpx.post(api.sparql, content=update, headers={"Content-Type": "application/sparql-update"}),
                 403, "read_only")
    assert_error(httpx.post(api.sparql, data={"query": "CLEAR ALL"}), 403, "read_only")
    assert_error(httpx.post(api.sparql, data={"query": "LOAD <http://127.0.0.1:9/x.ttl>"}), 403, "read_only")
    check = httpx.get(api.sparql, params={"query": "ASK { <http://example.org/a> ?p ?o }"}).json()
    assert check["boolean"] is False and len(local_store) == before


def test_service_and_foreign_from_are_refused(api: Server) -> None:
    error = assert_error(httpx.get(api.sparql, params={
        "query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"}), 403, "service_refused")
    assert error["detail"]["service"] == "http://127.0.0.1:9/sparql"  # type: ignore[index]
    # A keyword inside a string or comment is not a SERVICE call.
    harmless = httpx.get(api.sparql, params={"query": 'ASK { BIND("SERVICE <http://x/>" AS ?x) } # SERVICE'})
    assert harmless.status_code == 200
    assert_error(httpx.get(api.sparql, params={"query": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"}),
                 403, "graph_refused")


def test_bad_requests_have_one_error_shape(api: Server) -> None:
    error = assert_error(httpx.get(api.sparql, params={"query": "SELECT * WHERE { ?s ?p }"}), 400, "malformed_query")
    if api.kind == "embedded":
        assert error["detail"] == {"line": 1, "column": 23} or "line" in error["detail"]  # type: ignore[operator]
    assert_error(httpx.get(api.sparql, params={"query": NETWORKS, "format": "yaml"}), 406, "not_acceptable")
    assert_error(httpx.get(api.sparql, params={"query": NETWORKS}, headers={"Accept": "image/png"}), 406,
                 "not_acceptable")
    assert_error(httpx.post(api.sparql, content=b"x" * (20 * 1024 * 1024),
                            headers={"Content-Type": "application/sparql-query"}), 413, "body_too_large")
    assert_error(httpx.post(api.sparql, content="ASK {}", headers={"Content-Type": "text/plain"}), 415,
                 "unsupported_media_type")
    assert_error(httpx.get(api.base + "/no/such/path"), 404, "not_found")


def test_service_description_void_and_graph_store(api: Server) -> None:
    sd = rdflib.Graph().parse(data=httpx.get(api.sparql, headers={"Accept": "text/turtle"}).text, format="turtle")
    sd_ns = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd_ns.endpoint, rdflib.URIRef(api.sparql)) in sd
    assert (None, sd_ns.feature, sd_ns.UnionDefaultGraph) in sd
    void = rdflib.Graph().parse(data=httpx.get(api.base + "/.well-known/void").text, format="turtle")
    triples = next(void.objects(None, rdflib.URIRef("http://rdfs.org/ns/void#triples")))
    assert int(str(triples)) > 1000
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    assert (None, dct.license, rdflib.URIRef(DATA_LICENCE_IRI)) in void
    assert str(next(void.objects(None, dct.bibliographicCitation))) == CITATION_TEXT
    assert str(next(void.objects(None, dct.rights))) == LICENCE_STATEMENT
    graph = httpx.get(api.base + "/graph", params={"graph": "https://w3id.org/soilkg/source/data/network/netsob.ttl"},
                      headers={"Accept": "application/n-triples"})
    assert graph.status_code == 200 and "netsob" in graph.text
    assert_error(httpx.get(api.base + "/graph", params={"graph": "http://example.org/nope"}), 404, "not_found")


def test_cors_allow_list_without_credentials(api: Server) -> None:
    allowed = httpx.options(api.sparql, headers={"Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST"})
    assert allowed.headers.get("access-control-allow-origin") == ALLOWED_ORIGIN
    assert "access-control-allow-credentials" not in allowed.headers
    other = httpx.get(api.sparql, params={"query": "ASK {}"}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_health_metrics_and_openapi(api: Server) -> None:
    assert httpx.get(api.base + "/health").json()["status"] == "ok"
    httpx.get(api.sparql, params={"query": "ASK {}"})
    httpx.post(api.sparql, content=b"ASK {", headers={"Content-Type": "application/sparql-query"})
    metrics = httpx.get(api.base + "/metrics").text
    # /sparql takes the direct path (soilkg/api/direct.py): still counted under its route, errors too.
    assert 'soilkg_http_requests_total{method="GET",route="/sparql",status="200"}' in metrics
    assert 'soilkg_http_requests_total{method="POST",route="/sparql",status="400"}' in metrics
    paths = httpx.get(api.base + "/openapi.json").json()["paths"]
    assert {"/sparql", "/queries", "/queries/{name}", "/id/{local}", "/graph", "/void"} <= set(paths)
    assert httpx.get(api.base + "/docs").status_code == 200


def test_a_large_answer_arrives_whole(api: Server, local_store: ox.Store) -> None:
    """Every quad of the store (several megabytes of JSON, many pipe reads between worker and server):
    the answer is complete, not a worker mistaken for dead (uvloop leaves the pipe non-blocking)."""
    query = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = httpx.post(api.sparql, data={"query": query}, timeout=60)
    assert response.status_code == 200, response.text[:500]
    assert len(response.content) > 1_000_000
    assert len(response.json()["results"]["bindings"]) == len(local_store)


def test_the_direct_path_takes_every_method_the_sparql_routes_declare() -> None:
    """The routes declare /sparql (and the OpenAPI document describes it from them); the direct path
    answers it. A method added to a route but not to the direct path would answer 405 unnoticed."""
    app = create_app(Project(REPO), Settings())
    declared = {m for r in routes(app.router) if isinstance(r, APIRoute) and r.path == "/sparql"
                for m in r.methods or ()}
    assert declared - {"HEAD"} == set(direct.METHODS)


def test_the_requests_dataset_wins_over_the_querys_from(api: Server) -> None:
    """SPARQL 1.1 Protocol 2.1.4: default-graph-uri / named-graph-uri replace the query's FROM / FROM NAMED."""
    netsob, insop = (f"https://w3id.org/soilkg/source/data/network/{n}.ttl" for n in ("netsob", "insop"))
    subjects = f"SELECT (COUNT(DISTINCT ?s) AS ?n) FROM <{netsob}> WHERE {{ ?s ?p ?o }}"

    def count(**params: str) -> int:
        body = httpx.get(api.sparql, params={"query": subjects, **params}).json()
        return int(body["results"]["bindings"][0]["n"]["value"])

    own = httpx.get(api.sparql, params={"query": subjects.replace(netsob, insop)}).json()
    assert count() != count(**{"default-graph-uri": insop}) == int(own["results"]["bindings"][0]["n"]["value"])
    in_named = f"SELECT (COUNT(*) AS ?n) FROM <{netsob}> WHERE {{ GRAPH <{insop}> {{ ?s ?p ?o }} }}"
    named = httpx.get(api.sparql, params={"query": in_named, "named-graph-uri": insop}).json()
    assert int(named["results"]["bindings"][0]["n"]["value"]) > 0  # FROM alone leaves no named graph to match


def test_named_graphs_alone_leave_the_default_graph_empty(api: Server) -> None:
    """SPARQL 1.1 Protocol 2.1.4: a request naming only named graphs has an empty default graph (the
    store's own, which the build leaves empty), not the union of the files' graphs."""
    insop = "https://w3id.org/soilkg/source/data/network/insop.ttl"

    def count(pattern: str, **params: str) -> int:
        body = httpx.get(api.sparql, params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}", **params})
        return int(body.json()["results"]["bindings"][0]["n"]["value"])

    everything = "?s ?p ?o"
    assert count(everything, **{"named-graph-uri": insop}) == 0
    assert count(f"GRAPH <{insop}> {{ {everything} }}", **{"named-graph-uri": insop}) > 0
    assert count(everything) > 0


def test_relative_iris_resolve_against_the_endpoint(api: Server) -> None:
    """No BASE in the query: relative IRIs resolve against the endpoint's own IRI, on either engine (with
    --endpoint, never against the engine's internal address); a syntax error keeps the client's column."""
    response = httpx.post(api.sparql, content="CONSTRUCT { <s> <p> 1 } WHERE {}",
                          headers={"Content-Type": "application/sparql-query", "Accept": "application/n-triples"})
    assert response.status_code == 200, response.text
    assert response.text.split()[:2] == [f"<{api.base}/s>", f"<{api.base}/p>"]  # N-Triples: spaces or tabs
    own_base = httpx.post(api.sparql, data={"query": "BASE <http://example.org/> CONSTRUCT { <s> <p> 1 } WHERE {}"},
                          headers={"Accept": "application/n-triples"})
    assert own_base.text.startswith("<http://example.org/s>")
    if api.kind == "embedded":
        plain = assert_error(httpx.post(api.sparql, data={"query": "ASK { ?ab ?p }"}), 400, "malformed_query")
        relative = assert_error(httpx.post(api.sparql, data={"query": "ASK { <s> ?p }"}), 400, "malformed_query")
        assert relative["detail"] == plain["detail"] and "BASE" not in str(relative["message"])


def test_one_query_one_version_and_no_body_on_get(api: Server) -> None:
    """Two `query` parameters, two `version` parameters (SPARQL 1.2 Protocol) or a GET with a body: 400."""
    assert_error(httpx.get(api.sparql + "?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"), 400, "bad_request")
    assert_error(httpx.post(api.sparql, content="query=ASK%7B%7D&query=ASK%7B%7D",
                            headers={"Content-Type": "application/x-www-form-urlencoded"}), 400, "bad_request")
    assert_error(httpx.get(api.sparql + "?query=ASK%7B%7D&version=1.1&version=1.2"), 400, "bad_request")
    assert_error(httpx.post(api.sparql, content="query=ASK%7B%7D&version=1.1&version=1.2",
                            headers={"Content-Type": "application/x-www-form-urlencoded"}), 400, "bad_request")
    assert_error(httpx.post(api.sparql + "?version=1.1", content="ASK {}",
                            headers={"Content-Type": "application/sparql-query; version=1.2"}), 400, "bad_request")
    assert_error(httpx.request("GET", api.sparql, params={"query": "ASK {}"}, content=b"ASK {}"), 400, "bad_request")
    one = httpx.get(api.sparql, params={"query": "ASK {}", "version": "1.1"}).json()
    assert one["boolean"] is True


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask_answers_a_boolean_on_every_engine(api: Server, accept: str) -> None:
    """An ASK gets the protocol's boolean result in JSON and XML, also over an engine that answers it as a
    one-variable table (Virtuoso's __ASK_RETVAL, put back by soilkg/api/engine_answers.py)."""
    answers = {}
    for truth, pattern in ((True, "?s ?p ?o"), (False, "<http://example.org/none> ?p ?o")):
        response = httpx.get(api.sparql, params={"query": f"ASK {{ {pattern} }}"}, headers={"Accept": accept})
        assert response.status_code == 200, response.text
        answers[truth] = response.text
    if "json" in accept:
        assert [json.loads(answers[t])["boolean"] for t in (True, False)] == [True, False]
    else:
        assert [re.findall(r"<boolean>(\w+)</boolean>", answers[t]) for t in (True, False)] == [["true"], ["false"]]
    assert "__ASK_RETVAL" not in answers[True] + answers[False]
