"""The API's ASGI application as a factory for granian (a Rust HTTP server for Python applications),
so that bench/reporter_day.py can measure it beside uvicorn with the same application and settings:

    SOILKG_ROOT=... SOILKG_BUILD=... granian --interface asgi --factory --working-dir bench granian_app:app

Settings come from SOILKG_API_* variables, as for `soilkg serve`.
"""

from __future__ import annotations

from starlette.types import ASGIApp

from soilkg.api.app import asgi
from soilkg.api.settings import Settings
from soilkg.paths import Project


def app() -> ASGIApp:
    return asgi(Project.here(), Settings.from_env())
