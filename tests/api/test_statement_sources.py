"""Statement-level sources through the real API, on both engines (embedded store and `--endpoint` to an
Oxigraph server): the store is plain RDF 1.1, so standard reification answers plain SPARQL 1.1; named-query
parameters that cannot mean anything are refused with a 400 that says why."""

from __future__ import annotations

import httpx
import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from tests.api.conftest import Server

REPORT = "https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/"


def test_which_passage_says_netsob_leads_the_plan(api: Server) -> None:
    response = httpx.get(f"{api.base}/queries/statement-sources",
                         params={"subject": "network:netsob", "predicate": "skg:leadsImplementationOf"},
                         headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    rows = response.json()["results"]["bindings"]
    assert [row["passage"]["value"] for row in rows] == [REPORT + "p4"]
    assert "is leading the implementation of the Plan of Action" in rows[0]["text"]["value"]


def test_reification_answers_plain_sparql(api: Server) -> None:
    client = SPARQLWrapper(api.sparql)
    client.setReturnFormat(JSON)
    client.setQuery("""
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX skg: <https://w3id.org/soilkg/ontology#>
        SELECT ?passage WHERE {
          ?st a rdf:Statement ; rdf:subject <https://w3id.org/soilkg/id/network/netsob> ;
              rdf:predicate skg:website ; skg:statedIn ?passage }""")
    result = client.queryAndConvert()
    assert isinstance(result, dict)
    assert [b["passage"]["value"] for b in result["results"]["bindings"]] == [REPORT + "fn5"]


@pytest.mark.parametrize("query,params,reason", [
    ("publications-since", {"since": "2024-13-01"}, "no such day"),
    ("publications-since", {"since": "2024-01-01", "until": "2024-02-30"}, "no such day"),
    ("decision-invitations", {"decision": "nonsense:foo"}, "known prefix"),
    ("statement-sources", {"subject": "netsob", "predicate": "skg:leadsImplementationOf"}, "known prefix"),
])
def test_bad_parameters_are_400_with_the_reason(api: Server, query: str, params: dict[str, str], reason: str) -> None:
    response = httpx.get(f"{api.base}/queries/{query}", params=params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "bad_parameter"
    assert reason in error["message"]
