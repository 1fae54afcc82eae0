"""Machine-readable descriptions: the SPARQL Service Description and the VoID/DCAT dataset description."""

from __future__ import annotations

import json

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from soilkg.api.formats import GRAPHS, RESULTS, negotiate
from soilkg.api.problems import error_responses, media_responses
from soilkg.api.worker import used_prefixes
from soilkg.citation import CITATION_TEXT, DATA_LICENCE_IRI, LICENCE_STATEMENT
from soilkg.namespaces import BASE, DCAT, DCT, ID, RDF_TYPE, SD, SKG, VOID, XSD

router = APIRouter(tags=["Descriptions"])

TYPE = ox.NamedNode(RDF_TYPE)
FORMAT_IRIS = {  # W3C's IRIs for formats (https://www.w3.org/ns/formats/)
    "json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "ntriples": "N-Triples", "rdfxml": "RDF_XML",
    "jsonld": "JSON-LD",
}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _rdf(request: Request, triples: list[ox.Triple], format_param: str | None) -> Response:
    fmt = negotiate(GRAPHS, request.headers.get("accept"), format_param)
    prefixes = used_prefixes(triples) | {"sd": SD, "void": VOID}
    assert isinstance(fmt.oxigraph, ox.RdfFormat)  # one of GRAPHS
    body = ox.serialize(triples, format=fmt.oxigraph, prefixes=prefixes)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


def base_url(request: Request) -> str:
    """The configured public address, else the address this server listens on: never the Host header,
    which any client sets (`Host: evil.example` must not end up in a description a proxy caches)."""
    configured: str | None = request.app.state.settings.base_url
    if configured:
        return configured.rstrip("/")
    host, port = request.scope.get("server") or ("127.0.0.1", 80)
    return f"http://{host}:{port}" if port != 80 else f"http://{host}"


def service_description(request: Request, format_param: str | None) -> Response:
    here = base_url(request)
    service = _n(here + "/sparql")
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("default")
    t = [ox.Triple(service, TYPE, _n(SD + "Service")),
         ox.Triple(service, _n(SD + "endpoint"), service),
         ox.Triple(service, _n(SD + "supportedLanguage"), _n(SD + "SPARQL11Query")),
         ox.Triple(service, _n(SD + "feature"), _n(SD + "UnionDefaultGraph")),
         ox.Triple(service, _n(SD + "defaultDataset"), dataset),
         ox.Triple(dataset, TYPE, _n(SD + "Dataset")),
         ox.Triple(dataset, _n(SD + "defaultGraph"), default),
         ox.Triple(default, TYPE, _n(SD + "Graph")),
         ox.Triple(default, _n(DCT + "description"),
                   ox.Literal("The union of the named graphs: one graph per source file.", language="en"))]
    for fmt in (*RESULTS, *GRAPHS):
        t.append(ox.Triple(service, _n(SD + "resultFormat"), _n("http://www.w3.org/ns/formats/" +
                                                                FORMAT_IRIS[fmt.name])))
    for n, graph in enumerate(sorted(request.app.state.graphs)):
        node = ox.BlankNode(f"g{n}")
        t += [ox.Triple(dataset, _n(SD + "namedGraph"), node), ox.Triple(node, _n(SD + "name"), _n(graph))]
    return _rdf(request, t, format_param)


async def _count(request: Request, query: str) -> int:
    answer = await request.app.state.service.answer(query, "application/sparql-results+json", trusted=True)
    rows = json.loads(answer.body)["results"]["bindings"]
    return int(rows[0]["n"]["value"]) if rows else 0


@router.get("/void", summary="VoID and DCAT description of the dataset", response_class=Response,
            responses=media_responses("The description in the negotiated RDF format",
                                      *(f.media_type for f in GRAPHS), extra=error_responses(406, 503, 504)))
@router.get("/.well-known/void", include_in_schema=False)
async def void(request: Request, format: str | None = Query(None)) -> Response:
    here = base_url(request)
    ds = _n(here + "/void#dataset")
    distribution = _n(here + "/void#sparql")
    triples = await _count(request, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    entities = await _count(request, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                            f"FILTER(STRSTARTS(STR(?s), \"{ID}\")) }}")
    t = [ox.Triple(ds, TYPE, _n(VOID + "Dataset")),
         ox.Triple(ds, TYPE, _n(DCAT + "Dataset")),
         ox.Triple(ds, _n(DCT + "title"), ox.Literal("Soil Biodiversity Knowledge Graph", language="en")),
         ox.Triple(ds, _n(DCT + "description"), ox.Literal(
             "The International Initiative for the Conservation and Sustainable Use of Soil Biodiversity: its plan "
             "of action, decisions, the Global Soil Partnership's networks and programmes, publications and "
             "reported figures, each with the paragraph of its source.", language="en")),
         ox.Triple(ds, _n(DCT + "license"), _n(DATA_LICENCE_IRI)),
         ox.Triple(ds, _n(DCT + "rights"), ox.Literal(LICENCE_STATEMENT, language="en")),
         ox.Triple(ds, _n(DCT + "bibliographicCitation"), ox.Literal(CITATION_TEXT, language="en")),
         ox.Triple(ds, _n(VOID + "sparqlEndpoint"), _n(here + "/sparql")),
         ox.Triple(ds, _n(VOID + "uriSpace"), ox.Literal(ID)),
         ox.Triple(ds, _n(VOID + "vocabulary"), _n(str(SKG))),
         ox.Triple(ds, _n(VOID + "triples"), ox.Literal(str(triples), datatype=_n(
             str(XSD.integer)))),
         ox.Triple(ds, _n(VOID + "entities"), ox.Literal(str(entities), datatype=_n(
             str(XSD.integer)))),
         ox.Triple(ds, _n(VOID + "exampleResource"), _n(ID + "document/cgrfa-20-item-8-4")),
         ox.Triple(ds, _n(DCAT + "landingPage"), _n(here + "/")),
         ox.Triple(ds, _n(DCT + "identifier"), ox.Literal(BASE)),
         ox.Triple(ds, _n(DCAT + "distribution"), distribution),
         ox.Triple(distribution, TYPE, _n(DCAT + "Distribution")),
         ox.Triple(distribution, _n(DCAT + "accessURL"), _n(here + "/sparql")),
         ox.Triple(distribution, _n(DCT + "conformsTo"), _n("https://www.w3.org/TR/sparql11-protocol/"))]
    return _rdf(request, t, format)
