"""Dependencies declared as used: what soilkg imports is a runtime dependency and every runtime dependency
is imported; what the tests import is declared too (a runtime dependency or the `test` extra)."""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
OWN = {"soilkg", "tests"}  # this repository's own packages


def names(requirements: list[str]) -> set[str]:
    """Distribution names, normalised (PEP 503)."""
    return {normal(re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0]) for requirement in requirements}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@functools.cache
def imported(folder: Path) -> dict[str, str]:
    """Distribution -> one file that imports it, for every third-party import under `folder`."""
    by_module = _distributions()
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top in sys.stdlib_module_names or top in OWN or _beside(path, top):
                    continue
                for distribution in by_module.get(top, [f"<no installed distribution has {top}>"]):
                    found.setdefault(normal(distribution), str(path.relative_to(REPO)))
    return found


@functools.cache
def _distributions() -> dict[str, list[str]]:
    return dict(importlib.metadata.packages_distributions())


def _beside(path: Path, top: str) -> bool:
    """A helper beside the test that imports it, in a test folder that is no package (tests/report/)."""
    return not (path.parent / "__init__.py").exists() and (path.parent / f"{top}.py").exists()


RUNTIME = names(PROJECT["dependencies"])
TEST = names(PROJECT["optional-dependencies"]["test"])


def test_what_soilkg_imports_is_a_runtime_dependency() -> None:
    missing = {name: where for name, where in imported(REPO / "soilkg").items() if name not in RUNTIME}
    assert missing == {}, f"add to [project] dependencies in pyproject.toml: {missing}"


def test_every_runtime_dependency_is_imported_by_soilkg() -> None:
    unused = RUNTIME - set(imported(REPO / "soilkg"))
    assert unused == set(), f"declared but never imported by soilkg (a test-only one goes to the test extra): {unused}"


def test_what_the_tests_import_is_declared() -> None:
    missing = {name: where for name, where in imported(REPO / "tests").items() if name not in RUNTIME | TEST}
    assert missing == {}, f"add to the test extra in pyproject.toml: {missing}"
