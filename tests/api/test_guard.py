"""The query guard reads tokens, not raw text: keywords in strings, comments and IRIs are ignored."""

from __future__ import annotations

import pytest

from soilkg.api.guard import inspect
from soilkg.api.problems import ApiError
from soilkg.sparqltext import where_group_offset


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1/>" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1/>",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:service ?from }",
    "SELECT * WHERE { <http://example.org/SERVICE> ?p '''LOAD\nCLEAR''' }",
    'ASK { FILTER(?a<?b) }',
])
def test_harmless_text_is_not_refused(query: str) -> None:
    assert inspect(query, known_graphs=[]).form in ("SELECT", "ASK")


@pytest.mark.parametrize("query,code", [
    ("SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "service_refused"),
    ("PREFIX w: <http://10.0.0.1/> SELECT * { SERVICE SILENT w:sparql { } }", "service_refused"),
    ("SELECT * { SERVICE ?endpoint { ?s ?p ?o } }", "service_refused"),
    ("select * from <file:///etc/passwd> { ?s ?p ?o }", "graph_refused"),
    ("SELECT * FROM NAMED <http://example.org/x> { ?s ?p ?o }", "graph_refused"),
    ("INSERT DATA { <a:b> <a:c> <a:d> }", "read_only"),
    ("PREFIX : <http://e/> DELETE WHERE { ?s ?p ?o }", "read_only"),
    ("DROP ALL", "read_only"),
])
def test_refused(query: str, code: str) -> None:
    with pytest.raises(ApiError) as caught:
        inspect(query, known_graphs=[])
    assert caught.value.code == code


def test_allowed_service_passes() -> None:
    found = inspect("SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
                    allowed_services=["https://query.wikidata.org/sparql"], known_graphs=[])
    assert found.services == ["https://query.wikidata.org/sparql"]


def test_values_go_into_the_where_group_not_a_string() -> None:
    query = 'SELECT ?x WHERE { ?x ?p "{ not here" }'
    assert query[where_group_offset(query) - 1:].startswith("{ ?x")


def test_codepoint_escapes_do_not_smuggle_a_service_call() -> None:
    """SPARQL allows \\u escapes; pyoxigraph does not expand them outside strings, so `\\u0053ERVICE`
    is a syntax error for the engine, not a SERVICE call the guard failed to see."""
    import pyoxigraph as ox

    query = r"SELECT * WHERE { \u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"
    with pytest.raises(SyntaxError):
        ox.Store().query(query)


def test_a_parsed_text_is_judged_again_under_each_setting() -> None:
    """The guard keeps parsed texts for reuse; what the server allows is decided on every call, so a
    text first seen where its SERVICE or FROM was allowed is still refused where it is not."""
    service = "SELECT * { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }"
    assert inspect(service, allowed_services=["https://query.wikidata.org/sparql"]).services
    with pytest.raises(ApiError) as caught:
        inspect(service, allowed_services=[])
    assert caught.value.code == "service_refused"
    from_graph = "SELECT * FROM <https://w3id.org/soilkg/source/data/a.ttl> { ?s ?p ?o }"
    assert inspect(from_graph, known_graphs={"https://w3id.org/soilkg/source/data/a.ttl"}).from_graphs
    with pytest.raises(ApiError) as caught:
        inspect(from_graph, known_graphs={"https://w3id.org/soilkg/source/data/b.ttl"})
    assert caught.value.code == "graph_refused"
    assert caught.value.detail is not None and caught.value.detail["line"] == 1


def test_an_answer_does_not_change_the_kept_parse() -> None:
    """Callers get their own copy of the prefixes: changing one answer cannot change the next."""
    text = "PREFIX ex: <http://example.org/> SELECT * { ?s ex:p ?o }"
    inspect(text).prefixes["ex"] = "http://evil.example/"
    assert inspect(text).prefixes["ex"] == "http://example.org/"
