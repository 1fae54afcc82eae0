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


@pytest.mark.parametrize("query,expected", [
    ("CONSTRUCT { <s> <p> 1 } WHERE {}", True),
    ("SELECT * WHERE { <> ?p ?o }", True),
    ("BASE <http://example.org/> SELECT * WHERE { <s> ?p ?o }", False),
    ("SELECT * WHERE { <http://example.org/s> ?p ?o }", False),
    ('SELECT * WHERE { ?s ?p "BASE" . <s> ?p ?o }', True),  # a BASE in a string declares nothing
    ("PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:p ?o }", False),
])
def test_a_relative_iri_without_base_is_seen(query: str, expected: bool) -> None:
    """The API writes its own BASE before such a query (the protocol's service-defined base)."""
    assert inspect(query).needs_base is expected


def _judged(text: str) -> tuple[object, ...]:
    try:
        found = inspect(text, allowed_services=["https://query.wikidata.org/sparql"],
                        known_graphs={"https://w3id.org/soilkg/source/data/a.ttl"})
    except ApiError as error:
        return ("refused", error.code, error.message, error.detail)
    return (found.form, found.prefixes, found.services, found.from_graphs, found.from_named, found.from_spans,
            found.needs_base)


def test_a_text_without_body_words_is_judged_as_a_whole_reading_judges_it() -> None:
    """The guard reads only the prologue and form of a text that has none of the words it looks for
    in the body (SERVICE, FROM, DATA, BASE). A comment naming them forces the whole reading without
    changing what the text says: both readings must agree, on texts built from every kind of token."""
    import random

    parts = ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "INSERT", "DELETE", "PREFIX", "ex:", "<http://e/x>",
             "<s>", "<>", "?s", "$o", "*", "{", "}", ".", ";", "'s'", '"""x"""', "# c\n", "\n", "WHERE", "LIMIT",
             "10", "data", "from", "service", "<https://query.wikidata.org/sparql>", "SILENT", "NAMED",
             "<https://w3id.org/soilkg/source/data/a.ttl>", "base", "ex:p", "FILTER(?a<?b)", "é:x", "?ñ"]
    rng = random.Random(22)
    texts = [" ".join(rng.choice(parts) for _ in range(rng.randint(1, 14))) for _ in range(3000)]
    texts += ["PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:p 'FROM' }", "ASK { ?s ?p ?o }", "", "   "]
    forced = "\n# FROM SERVICE DATA BASE"
    disagreeing = [text for text in texts if _judged(text) != _judged(text + forced)]
    assert not disagreeing, disagreeing[:3]
    assert sum(1 for text in texts if _judged(text)[0] == "refused") > 100  # the texts test refusals too
