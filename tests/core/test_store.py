"""The store builder: one named graph per file, no re-parse when nothing changed, atomic replace."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg import store, storefiles
from soilkg.errors import Severity, SoilkgError
from soilkg.paths import Project

GOOD = """@prefix skg: <https://w3id.org/soilkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix network: <https://w3id.org/soilkg/id/network/> .

network:example
    a skg:Network ;
    rdfs:label "Example network"@en .
"""


@pytest.fixture()
def mini(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    root = tmp_path / "repo"
    (root / "data" / "network").mkdir(parents=True)
    (root / "ontology").mkdir()
    (root / "pyproject.toml").write_text("")
    (root / "data" / "network" / "example.ttl").write_text(GOOD)
    shutil.copy(Path(__file__).parents[2] / "ontology" / "soilkg.ttl", root / "ontology" / "soilkg.ttl")
    monkeypatch.setenv("SOILKG_BUILD", str(tmp_path / "build"))
    return Project(root)


def quads_in(project: Project, relative: str) -> int:
    s = store.open_read_only(project)
    return len(list(s.quads_for_pattern(None, None, None, ox.NamedNode(store.graph_iri(relative)))))


def test_each_file_is_its_own_named_graph(mini: Project) -> None:
    info = store.build(mini)
    assert info.rebuilt and info.files == 2
    assert quads_in(mini, "data/network/example.ttl") == 2
    assert quads_in(mini, "ontology/soilkg.ttl") > 100


def test_unchanged_sources_are_not_parsed_again(mini: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    first = store.build(mini)

    def must_not_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed although nothing changed")

    monkeypatch.setattr(store, "parse_into", must_not_parse)
    second = store.build(mini)
    assert not second.rebuilt and second.fingerprint == first.fingerprint


def test_touched_but_unchanged_file_keeps_the_store(mini: Project) -> None:
    first = store.build(mini)
    path = mini.data / "network" / "example.ttl"
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    assert not store.build(mini).rebuilt
    assert store.build(mini).fingerprint == first.fingerprint


def test_a_changed_file_rebuilds_and_swaps(mini: Project) -> None:
    first = store.build(mini)
    path = mini.data / "network" / "example.ttl"
    path.write_text(GOOD.replace('"Example network"@en', '"Example network"@en , "Réseau"@fr'))
    second = store.build(mini)
    assert second.rebuilt and second.fingerprint != first.fingerprint
    assert quads_in(mini, "data/network/example.ttl") == 3
    assert store.current_store_path(mini).is_symlink()


def test_syntax_error_names_file_line_column_and_keeps_last_good_store(mini: Project) -> None:
    good = store.build(mini)
    bad = mini.data / "network" / "broken.ttl"
    bad.write_text(GOOD.replace("network:example", "network:broken").replace('@en .', '@en'))
    with pytest.raises(SoilkgError) as caught:
        store.build(mini)
    (finding,) = caught.value.findings
    assert finding.file == "data/network/broken.ttl"
    assert finding.line == 7 and finding.column is not None
    assert finding.severity is Severity.VIOLATION
    assert "Turtle syntax error" in finding.message and "Offending text" in finding.message
    assert store.current_store_path(mini).resolve() == good.path
    assert quads_in(mini, "data/network/example.ttl") == 2
    staging = [p for p in (mini.build / "stores").iterdir() if ".building-" in p.name]
    assert staging == []


def test_a_failing_check_keeps_last_good_store(mini: Project) -> None:
    good = store.build(mini)
    (mini.data / "network" / "example.ttl").write_text(GOOD + "\n")

    def reject(_store: ox.Store, _files: list[Path]) -> list[store.Finding]:
        return [store.Finding("data/network/example.ttl", 6, "rejected for the test")]

    with pytest.raises(SoilkgError):
        store.build(mini, check=reject)
    assert store.current_store_path(mini).resolve() == good.path


def test_open_read_only_before_any_build_says_what_to_do(mini: Project) -> None:
    with pytest.raises(SoilkgError, match="soilkg build"):
        store.open_read_only(mini)


def test_a_built_store_keeps_no_spent_write_ahead_log(mini: Project) -> None:
    """Everything is flushed when a build ends; the write-ahead logs RocksDB wrote while loading are
    spent but were deleted only on a later read-write open, which readers never do (125 MB of them in
    the preview store at 5,000 case studies)."""
    info = store.build(mini)
    logs = list(info.path.glob("*.log"))
    assert logs, "RocksDB keeps a (new, empty) log file"
    assert sum(log.stat().st_size for log in logs) == 0, [(log.name, log.stat().st_size) for log in logs]


def test_the_manifest_records_every_store_file(mini: Project) -> None:
    info = store.build(mini)
    record = (store.read_manifest(info.path) or {})[storefiles.RECORD]
    assert isinstance(record, dict)
    assert {p.name for p in info.path.iterdir() if p.suffix == ".sst"} <= set(record)
    assert storefiles.problem(info.path, store.read_manifest(info.path)) is None
    victim = sorted(info.path.glob("*.sst"))[0]
    victim.unlink()
    assert storefiles.problem(info.path, store.read_manifest(info.path)) == f"{victim.name} is missing"


def test_a_store_without_a_record_is_rebuilt_saying_so(mini: Project, capsys: pytest.CaptureFixture[str]) -> None:
    """A store built before the record existed cannot prove itself: it is moved aside and rebuilt, once."""
    first = store.build(mini)
    manifest = store.read_manifest(first.path) or {}
    del manifest[storefiles.RECORD]
    (first.path / store.MANIFEST).write_text(json.dumps(manifest))
    second = store.build(mini)
    assert second.rebuilt and "failed its check" in capsys.readouterr().err
    assert not store.build(mini).rebuilt
