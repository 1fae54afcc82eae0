"""The SPARQL 1.1 Protocol at /sparql (query only) and the Graph Store Protocol's GET at /graph."""

from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache
from urllib.parse import parse_qsl

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from soilkg.api import guard
from soilkg.api.backend import Answer, Dataset
from soilkg.api.describe import base_url, service_description
from soilkg.api.encoding import choose
from soilkg.api.formats import ALL_MEDIA_TYPES, GRAPHS, family_for, negotiate
from soilkg.api.problems import ApiError, error_responses, media_responses
from soilkg.api.service import QueryService
from soilkg.api.settings import Settings

router = APIRouter(tags=["SPARQL"])

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
NOT_MODIFIED: dict[int | str, dict[str, str]] = {304: {"description": "Not modified (If-None-Match named this answer)"}}
UPDATE = "application/sparql-update"


def _state(request: Request) -> tuple[QueryService, Settings, Set[str]]:
    state = request.app.state
    return state.service, state.settings, state.graphs


def client_of(request: Request) -> str:
    """Who asks: the peer address (behind a trusted proxy, uvicorn has put X-Forwarded-For's client here)."""
    return request.client.host if request.client else ""


def not_modified(request: Request, etag: str) -> bool:
    """If-None-Match names this answer (weak comparison, as for GET)."""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    return "*" in tags or etag.removeprefix("W/") in tags


async def run_query(request: Request, query: str, dataset: Dataset | None = None, format_param: str | None = None,
                    accept: str | None = None, filename: str | None = None, trusted: bool = False) -> Response:
    """Guard, negotiate, evaluate: the one path every SPARQL query of the API takes."""
    service, settings, graphs = _state(request)
    dataset = dataset or Dataset()
    found = guard.inspect(query, allowed_services=settings.allowed_services, known_graphs=graphs)
    for graph in (*dataset.default_graphs, *dataset.named_graphs):
        if graph not in graphs:
            raise ApiError(403, "graph_refused", f"<{graph}> is not a graph of this store; nothing is fetched "
                           "from elsewhere.", {"graph": graph})
    if not (dataset.default_graphs or dataset.named_graphs) and (found.from_graphs or found.from_named):
        # The query names its own dataset and the request none: pass it on explicitly, so that the union
        # default graph (our default) does not override FROM.
        dataset = Dataset(tuple(found.from_graphs), tuple(found.from_named))
    elif found.from_spans:
        # A request's default-graph-uri or named-graph-uri wins over the query's FROM (SPARQL 1.1 Protocol
        # 2.1.4): the engine, ours or another, sees only the request's.
        query = guard.without_from(query, found)
    fmt = negotiate(family_for(found.form), accept if accept is not None else request.headers.get("accept"),
                    format_param)
    # Relative IRIs without a BASE resolve against this endpoint's IRI (the protocol's service-defined
    # base; Oxigraph's server does the same), on either engine: with --endpoint the engine would
    # otherwise resolve them against its own, internal address.
    prologue = f"BASE <{base_url(request)}/sparql> " if found.needs_base else ""
    headers = {"Vary": "Accept"}
    if filename:
        headers["Content-Disposition"] = f'attachment; filename="{filename}.{fmt.extension}"'
    snapshot = service.snapshot()  # the store looked at once: for the ETag and the result cache
    if request.method == "GET":  # (HEAD arrives here as GET)
        # The store only changes with a build, and the version is in the ETag: proxies may keep GET
        # answers and revalidate them for free (304 without evaluating anything).
        etag = service.etag(snapshot, prologue + query, fmt.media_type, dataset, filename)
        if etag is not None:
            headers["ETag"] = etag
            headers["Cache-Control"] = f"public, max-age={settings.cache_max_age}"
            if not_modified(request, etag):
                return Response(status_code=304, headers=headers)
    try:
        answer = await service.answer(prologue + query, fmt.media_type, dataset, client=client_of(request),
                                      trusted=trusted, snapshot=snapshot)
    except ApiError as error:
        raise _without_prologue(error, len(prologue)) from None
    return answer_response(request, answer, headers)


def answer_response(request: Request, answer: Answer, headers: dict[str, str]) -> Response:
    """An answer as the response body: its kept gzip form to a client that accepts gzip."""
    media_type = answer.media_type + ("; charset=utf-8" if answer.media_type.startswith("text/") else "")
    return Response(choose(answer.body, answer.gzipped, request.headers, headers), media_type=media_type,
                    headers=headers)


_FIRST_LINE_POSITION = re.compile(r"\bat 1:(\d+)")


def _without_prologue(error: ApiError, length: int) -> ApiError:
    """A syntax error's position in the text the client sent, not in the text with our BASE before it
    (the prologue is written on the query's first line, so only that line's columns move)."""
    if not length or error.code != "malformed_query":
        return error
    detail = dict(error.detail or {})
    if detail.get("line") == 1 and isinstance(detail.get("column"), int):
        detail["column"] = max(1, detail["column"] - length)
    message = _FIRST_LINE_POSITION.sub(lambda m: f"at 1:{max(1, int(m.group(1)) - length)}", error.message, count=1)
    return ApiError(error.status, error.code, message, detail or None, error.headers)


FORM_CACHE_MAX_BYTES = 16_384  # longer bodies are decoded each time (the cache holds its keys)


def form_pairs(body: bytes) -> list[tuple[str, str]]:
    """The fields of a form-encoded body. Percent-decoding is pure Python (a tenth of a millisecond for
    a typical query) and clients send the same bodies again, so decoded short bodies are kept."""
    if len(body) <= FORM_CACHE_MAX_BYTES:
        return list(_form_pairs_cached(body))
    return parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True)


@lru_cache(maxsize=512)
def _form_pairs_cached(body: bytes) -> tuple[tuple[str, str], ...]:
    return tuple(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))


def _one(pairs: list[tuple[str, str]], name: str, required: bool) -> str | None:
    """The single value of a parameter the protocol allows once (`query`; SPARQL 1.2's `version`)."""
    values = [v for k, v in pairs if k == name]
    if len(values) > 1 or (required and not values):
        how_many = "exactly" if required else "at most"
        raise ApiError(400, "bad_request", f"Send {how_many} one `{name}` parameter; this request has {len(values)}.")
    return values[0] if values else None


def _no_body(request: Request) -> None:
    """A GET carries its query in the URL; a body beside it would be a second, unread query."""
    if request.headers.get("content-length", "0").strip() not in ("", "0") or "transfer-encoding" in request.headers:
        raise ApiError(400, "bad_request", "A GET request has no body: put the query in the URL, or POST it "
                       "(as a form or as application/sparql-query).")


def _dataset(pairs: list[tuple[str, str]]) -> Dataset:
    return Dataset(tuple(v for k, v in pairs if k == "default-graph-uri"),
                   tuple(v for k, v in pairs if k == "named-graph-uri"))


@router.get("/sparql", summary="SPARQL query (GET); without a query, the service description",
            response_class=Response,
            responses=media_responses("The answer in the negotiated format", *ALL_MEDIA_TYPES,
                                      extra={**NOT_MODIFIED, **error_responses(400, 403, 406, 422, 429, 503, 504)}))
async def sparql_get(request: Request,
                     query: str | None = Query(None, description="A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, "
                                               "DESCRIBE)"),
                     format: str | None = Query(None, description="json, xml, csv, tsv, turtle, ntriples, "
                                                "rdfxml, jsonld (overrides Accept)")) -> Response:
    pairs = request.query_params.multi_items()  # parsed once: the query string is most of the request
    if any(k == "update" for k, _ in pairs):
        raise guard.read_only_refusal("the `update` parameter")
    _no_body(request)
    _one(pairs, "version", required=False)
    if query is None:
        return service_description(request, format)
    return await run_query(request, _one(pairs, "query", required=True) or "", _dataset(pairs), format)


@router.post("/sparql", summary="SPARQL query by POST (form or application/sparql-query body)",
             response_class=Response,
             responses=media_responses("The answer in the negotiated format", *ALL_MEDIA_TYPES,
                                       extra=error_responses(400, 403, 406, 413, 415, 422, 429, 503, 504)))
async def sparql_post(request: Request, format: str | None = Query(None)) -> Response:
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    url_pairs = request.query_params.multi_items()
    body = await request.body()
    if content_type == UPDATE:
        raise guard.read_only_refusal("application/sparql-update")
    if content_type == DIRECT:
        media_parameters = parse_qsl(request.headers.get("content-type", "").partition(";")[2].replace(";", "&"))
        _one([*url_pairs, *((k.strip(), v) for k, v in media_parameters)], "version", required=False)
        return await run_query(request, body.decode("utf-8", errors="replace"), _dataset(url_pairs), format)
    if content_type == FORM:
        pairs = form_pairs(body)
        if any(k == "update" for k, _ in pairs):
            raise guard.read_only_refusal("the `update` parameter")
        query = _one(pairs, "query", required=True) or ""
        _one(pairs + url_pairs, "version", required=False)
        fmt = format or next((v for k, v in pairs if k == "format"), None)
        return await run_query(request, query, _dataset(pairs + url_pairs), fmt)
    raise ApiError(415, "unsupported_media_type",
                   f"POST a query as {FORM} (query=...) or as {DIRECT}; `{content_type or 'no content type'}` "
                   "is not accepted.")


@router.get("/graph", tags=["Graph Store"], summary="Graph Store Protocol GET: one named graph, or ?default",
            response_class=Response,
            responses=media_responses("The graph in the negotiated format", *(f.media_type for f in GRAPHS),
                                      extra=error_responses(400, 404, 406, 422, 429, 503, 504)))
async def graph_get(request: Request, graph: str | None = Query(None, description="A named graph IRI "
                                                                 "(https://w3id.org/soilkg/source/<file>)"),
                    default: str | None = Query(None, description="Present: the default graph (the union)"),
                    format: str | None = Query(None)) -> Response:
    service, _settings, graphs = _state(request)
    if graph is None and default is None:
        raise ApiError(400, "bad_request", "Name a graph with ?graph=IRI, or ask for ?default.",
                       {"graphs": sorted(graphs)[:50]})
    fmt = negotiate(GRAPHS, request.headers.get("accept"), format)
    if graph is not None:
        if graph not in graphs:
            raise ApiError(404, "not_found", f"There is no graph <{graph}> in this store.")
        # The IRI is one of our own graph names (checked above), never free text from the client.
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    else:
        query = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    answer = await service.answer(query, fmt.media_type, client=client_of(request))
    return answer_response(request, answer, {"Vary": "Accept"})
