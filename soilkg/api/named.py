"""Reporters' named queries: listed at /queries, run at /queries/{name}?param=value."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from soilkg import queries
from soilkg.api.describe import base_url
from soilkg.api.formats import ALL_MEDIA_TYPES
from soilkg.api.problems import ApiError, error_responses, media_responses
from soilkg.api.sparql import NOT_MODIFIED, run_query
from soilkg.api.web import cache_control, site_file

router = APIRouter(tags=["Named queries"])

RESERVED = {"format"}


def _library(request: Request) -> dict[str, queries.NamedQuery]:
    library: dict[str, queries.NamedQuery] = request.app.state.queries
    return library


def summary(query: queries.NamedQuery, here: str) -> dict[str, Any]:
    return {
        "name": query.name, "title": query.title, "description": query.description,
        "keywords": list(query.keywords),
        "parameters": [{"name": p.name, "datatype": p.datatype, "default": p.default, "description": p.description}
                       for p in query.parameters],
        "sparql": query.sparql,
        # Ready to run: the defaults bound (by VALUES), for the query page's examples.
        "example": queries.inline(query, {}),
        "links": {"run": f"{here}/queries/{query.name}", "csv": f"{here}/queries/{query.name}?format=csv"},
    }


@router.get("/queries", summary="The library of named queries, with titles, descriptions and parameters")
async def list_queries(request: Request) -> dict[str, Any]:
    here = base_url(request)
    return {"queries": [summary(q, here) for q in _library(request).values()]}


@router.get("/queries/{name}", summary="Run a named query; parameters are bound as RDF terms; ?format=csv",
            description="A name that is not a query but a file of the catalogue's Reference section "
            "(/queries/index.html) is that page.", response_class=Response,
            responses=media_responses("The answer in the negotiated format, or the site's page",
                                      *ALL_MEDIA_TYPES, "text/html",
                                      extra={**NOT_MODIFIED, **error_responses(400, 404, 406, 422, 503, 504)}))
async def run_named(request: Request, name: str) -> Response:
    library = _library(request)
    if name not in library and (page := site_file(request.app.state.site, f"queries/{name}")) is not None:
        # The catalogue's own pages under /queries/ (its Reference section): a file name is never a query.
        return FileResponse(page, headers={"Cache-Control": cache_control(str(page))})
    if name not in library:
        raise ApiError(404, "unknown_query", f"There is no named query `{name}`.", {"known": sorted(library)})
    query = library[name]
    values = {k: v for k, v in request.query_params.items() if k not in RESERVED}
    known = {p.name for p in query.parameters}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ApiError(400, "unknown_parameter", f"`{name}` has no parameter {', '.join(unknown)}.",
                       {"parameters": sorted(known)})
    try:
        text = queries.inline(query, values)
    except ValueError as error:
        raise ApiError(400, "bad_parameter", str(error), {"parameters": sorted(known)}) from None
    return await run_query(request, text, format_param=request.query_params.get("format"), filename=name,
                           trusted=True)
