"""Every API error has one JSON shape: {"error": {"status", "code", "message", "detail"?}}."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

ERROR_MEDIA_TYPE = "application/json"


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
