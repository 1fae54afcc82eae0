"""Every API error has one JSON shape: {"error": {"status", "code", "message", "detail"?}}."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

ERROR_MEDIA_TYPE = "application/json"
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object", "required": ["error"], "additionalProperties": False,
    "properties": {"error": {
        "type": "object", "required": ["status", "code", "message"],
        "properties": {"status": {"type": "integer"}, "code": {"type": "string"}, "message": {"type": "string"},
                       "detail": {"type": "object"}}}},
}
_MEANING = {
    400: "Malformed query or bad parameter", 403: "Refused: an update, SERVICE or a graph not in the store",
    404: "No such resource, query or graph", 405: "Method not allowed (see Allow)",
    406: "No acceptable format for this answer", 413: "Request body too large",
    415: "Unsupported request content type", 422: "The answer or the evaluation went over a limit",
    429: "This client is over its share of costly queries (see Retry-After)",
    503: "No worker free in time, or no store (see Retry-After)", 504: "The query ran over the timeout",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the errors a route answers, all in the one JSON shape."""
    return {status: {"description": _MEANING[status],
                     "content": {ERROR_MEDIA_TYPE: {"schema": ERROR_SCHEMA}}} for status in statuses}


def media_responses(description: str, *media_types: str, extra: dict[int | str, dict[str, Any]] | None = None
                    ) -> dict[int | str, dict[str, Any]]:
    """OpenAPI 200 with the media types actually sent (any schema: the formats are the W3C's)."""
    return {200: {"description": description, "content": {m: {"schema": {}} for m in media_types}},
            **(extra or {})}


class ApiError(Exception):
    """An error we expect and can explain to the client."""

    def __init__(self, status: int, code: str, message: str, detail: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
        self.headers = headers


def error_body(status: int, code: str, message: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if detail:
        error["detail"] = detail
    return {"error": error}


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error_body(error.status, error.code, error.message, error.detail),
                        status_code=error.status, headers=error.headers)


_CODES = {404: "not_found", 405: "method_not_allowed", 406: "not_acceptable", 413: "body_too_large"}


def install(app: FastAPI) -> None:
    """Route FastAPI's and Starlette's own errors through the same shape."""

    async def on_api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc)

    async def on_http_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404:
            message = "No such resource or API path. See /docs for the API and /queries for named queries."
        return error_response(ApiError(exc.status_code, code, message, headers=dict(exc.headers or {})))

    async def on_validation_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                    for e in exc.errors()]
        return error_response(ApiError(400, "bad_request", "The request's parameters are not valid.",
                                       {"problems": problems}))

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
