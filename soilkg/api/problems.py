"""Every API error has one JSON shape: {"error": {"status", "code", "message", "detail"?}}."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from soilkg.api.protocol import Failed

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
    500: "An unexpected error (logged), or a query worker that crashed", 502: "The external engine failed",
    503: "No worker could take the query in time, a worker killed from outside, or no store (see Retry-After)",
    504: "The query ran over the timeout",
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


def api_error(failed: Failed) -> ApiError:
    """A failed query as the error the client gets: the status is the Problem's (soilkg.api.protocol)."""
    headers = {"Retry-After": str(failed.retry_after)} if failed.retry_after is not None else None
    return ApiError(failed.problem.status, failed.problem.code, failed.message, failed.detail, headers)


def error_body(status: int, code: str, message: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"status": status, "code": code, "message": message}
    if detail:
        error["detail"] = detail
    return {"error": error}


def error_response(error: ApiError) -> JSONResponse:
    return JSONResponse(error_body(error.status, error.code, error.message, error.detail),
                        status_code=error.status, headers=error.headers)
