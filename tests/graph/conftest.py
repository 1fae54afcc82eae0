"""The graph as the tests see it: the ontology and every data file in one in-memory pyoxigraph store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from soilkg.paths import Project
from soilkg.store import load_memory


@pytest.fixture(scope="session")
def graph(project: Project) -> ox.Store:
    files = [f for f in project.source_files() if not f.is_relative_to(project.shapes)]
    store, findings = load_memory(project, files)
    assert not findings, "\n".join(f"{f.where()}: {f.message}" for f in findings)
    return store
