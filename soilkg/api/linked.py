"""Linked data: every IRI under https://w3id.org/soilkg/id/ dereferences at /id/... on this server."""

from __future__ import annotations

import html
import json

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from soilkg.api.formats import GRAPHS, negotiate, prefers_html
from soilkg.api.problems import ApiError, error_responses, media_responses
from soilkg.api.sparql import answer_response
from soilkg.namespaces import ID, sparql_prefixes
from soilkg.urls import page_path

router = APIRouter(tags=["Linked data"])

# The resource's own statements, and the text of the paragraphs and footnotes that state them.
DESCRIBE = sparql_prefixes("skg", "rdfs") + """
CONSTRUCT { $this ?p ?o . ?src skg:text ?text ; skg:number ?n ; rdfs:label ?label }
WHERE {
  { $this ?p ?o }
  UNION
  { $this skg:statedIn ?src . OPTIONAL { ?src skg:text ?text } OPTIONAL { ?src skg:number ?n }
    OPTIONAL { ?src rdfs:label ?label } }
}"""
PROPERTIES = """SELECT ?p ?o WHERE { $this ?p ?o } ORDER BY ?p ?o"""
INCOMING = """SELECT ?s ?p WHERE { ?s ?p $this } ORDER BY ?p ?s LIMIT 500"""


def _bind(query: str, node: ox.NamedNode) -> str:
    # str(NamedNode) is the escaped <...> form written by pyoxigraph, not the client's text.
    return query.replace("$this", str(node))


async def _rows(request: Request, query: str) -> list[dict[str, dict[str, str]]]:
    answer = await request.app.state.service.answer(query, "application/sparql-results+json", trusted=True)
    rows: list[dict[str, dict[str, str]]] = json.loads(answer.body)["results"]["bindings"]
    return rows


def _cell(term: dict[str, str]) -> str:
    value = html.escape(term["value"])
    if term["type"] == "uri":
        href = "/id/" + term["value"][len(ID):] if term["value"].startswith(ID) else term["value"]
        return f'<a href="{html.escape(href)}">{value}</a>'
    suffix = f' <small>@{html.escape(term["xml:lang"])}</small>' if "xml:lang" in term else ""
    return value + suffix


def _page(iri: str, rows: list[dict[str, dict[str, str]]], incoming: list[dict[str, dict[str, str]]]) -> str:
    out = "".join(f"<tr><td>{_cell(r['p'])}</td><td>{_cell(r['o'])}</td></tr>" for r in rows)
    back = "".join(f"<tr><td>{_cell(r['s'])}</td><td>{_cell(r['p'])}</td></tr>" for r in incoming)
    title = html.escape(iri)
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
            "<meta name=viewport content='width=device-width'></head><body>"
            f"<h1>{title}</h1><p>Also as <a href='?format=turtle'>Turtle</a>, "
            "<a href='?format=jsonld'>JSON-LD</a>, <a href='?format=ntriples'>N-Triples</a>. "
            "<a href='/query'>Query the graph</a>.</p>"
            f"<table><thead><tr><th>property</th><th>value</th></tr></thead><tbody>{out}</tbody></table>"
            f"<h2>Links here</h2><table><tbody>{back}</tbody></table></body></html>")


@router.get("/id/{local:path}", summary="Dereference a resource IRI: HTML for browsers, RDF by Accept",
            response_class=Response,
            responses=media_responses("The resource: an HTML page, or its statements in RDF", "text/html",
                                      *(f.media_type for f in GRAPHS),
                                      extra={303: {"description": "Its page in the catalogue"},
                                             **error_responses(400, 404, 406, 503, 504)}))
async def dereference(request: Request, local: str, format: str | None = Query(None)) -> Response:
    iri = ID + local
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        raise ApiError(400, "bad_iri", f"`{iri}` is not a valid IRI.") from None
    rows = await _rows(request, _bind(PROPERTIES, node))
    if not rows:
        raise ApiError(404, "not_found", f"Nothing is known about <{iri}>.",
                       {"hint": "Resource IRIs look like https://w3id.org/soilkg/id/network/netsob"})
    accept = request.headers.get("accept")
    if format in (None, "html") and (format == "html" or prefers_html(accept)):
        site = request.app.state.site
        target = page_path(iri)
        if site is not None and target is not None and (site / target.split("#", 1)[0] / "index.html").is_file():
            return RedirectResponse("/" + target, status_code=303)
        return HTMLResponse(_page(iri, rows, await _rows(request, _bind(INCOMING, node))))
    fmt = negotiate(GRAPHS, accept, format)
    answer = await request.app.state.service.answer(_bind(DESCRIBE, node), fmt.media_type, trusted=True)
    return answer_response(request, answer, {"Vary": "Accept"})
