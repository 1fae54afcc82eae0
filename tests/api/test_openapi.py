"""The OpenAPI document is true to what the API answers: schemathesis with every check, bounded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import Server

CONFIG = Path(__file__).with_name("schemathesis.toml")


def test_documented_media_types_and_errors(embedded: Server) -> None:
    paths = httpx.get(embedded.base + "/openapi.json").json()["paths"]
    assert set(paths["/metrics"]["get"]["responses"]["200"]["content"]) == {"text/plain"}
    assert "application/json" not in paths["/void"]["get"]["responses"]["200"]["content"]
    assert "text/turtle" in paths["/queries/{name}"]["get"]["responses"]["200"]["content"]
    post = paths["/sparql"]["post"]["responses"]
    assert {"400", "406", "413", "415", "422", "429", "503", "504"} <= set(post)
    assert httpx.get(embedded.base + "/metrics").headers["content-type"].startswith("text/plain")


def test_schemathesis_all_checks_pass(embedded: Server) -> None:
    binary = Path(sys.executable).parent / "st"
    if not binary.is_file():
        if os.environ.get("CI"):
            pytest.fail("schemathesis is not installed: it is in the `test` extras of pyproject.toml")
        pytest.skip("schemathesis is not installed (pip install -e '.[test]')")
    run = subprocess.run([str(binary), "--config-file", str(CONFIG), "run", embedded.base + "/openapi.json",
                          "--checks", "all", "--max-examples", "10", "--seed", "20261129", "--request-timeout",
                          "15", "--no-color"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-6000:]
