"""The query guard reads tokens, not raw text: keywords in strings, comments and IRIs are ignored."""

from __future__ import annotations

import pytest

from soilkg.api.guard import inspect, where_group_offset
from soilkg.api.problems import ApiError


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
