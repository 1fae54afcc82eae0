"""The validation engine's two modes agree, and single-file runs see the whole graph."""

from __future__ import annotations

import shutil

import pytest

from soilkg.errors import SoilkgError
from soilkg.paths import Project
from soilkg.store import build, load_memory
from soilkg.validation import build_validated, check_store, validate

from .helpers import INVALID, read_fixture


def test_single_file_uses_the_built_store_and_sees_other_files(repo: Project) -> None:
    build_validated(repo)
    # A file that refers to resources of other files only validates if those files are seen.
    assert validate(repo, [repo.root / "data/initiative/recisoil.ttl"]) == []
    fixture = read_fixture(INVALID / "undefined-reference.ttl")
    shutil.copyfile(fixture.path, repo.root / fixture.target)
    [finding] = validate(repo, [repo.root / fixture.target])
    assert finding.rule == "undefined-reference" and "organisation:gsp" in finding.message


def test_renaming_a_resource_reports_the_files_that_pointed_at_it(repo: Project) -> None:
    build_validated(repo)
    gsp = repo.root / "data/organisation/gsp.ttl"
    gsp.write_text(gsp.read_text().replace("organisation:gsp\n", "organisation:global-soil-partnership\n"))
    # Renamed in the file only: one message, there (the IRI and the path disagree).
    [finding] = validate(repo, [gsp])
    assert (finding.file, finding.rule) == ("data/organisation/gsp.ttl", "wrong-resource")
    # The file renamed too: every file that pointed at the old IRI is broken, and told.
    renamed = gsp.with_name("global-soil-partnership.ttl")
    gsp.rename(renamed)
    findings = validate(repo, [renamed])
    by_rule = {(f.file, f.rule) for f in findings}
    assert ("data/network/netsob.ttl", "undefined-reference") in by_rule
    assert ("data/initiative/recisoil.ttl", "undefined-reference") in by_rule
    assert {f.file for f in findings} == {f.file for f in validate(repo) if f.severity.value == "Violation"}


def test_files_deleted_since_the_build_are_gone(repo: Project) -> None:
    build_validated(repo)
    (repo.root / "data/organisation/gsp.ttl").unlink()  # after the build, and not given to validate
    [finding, *_] = validate(repo, [repo.root / "data/network/netsob.ttl"])
    assert finding.rule == "undefined-reference" and "organisation:gsp" in finding.message


def test_files_edited_since_the_build_are_read_from_disk(repo: Project) -> None:
    build_validated(repo)
    fao = repo.root / "data/organisation/fao.ttl"
    # A curator renames FAO's resource (not yet rebuilt), then checks the network that points at the GSP,
    # whose file still names organisation:fao as its host: the GSP file is now the broken one.
    fao.write_text(fao.read_text().replace("organisation:fao\n", "organisation:fao-renamed\n"))
    gsp = repo.root / "data/organisation/gsp.ttl"
    findings = validate(repo, [gsp])
    assert [(f.file, f.rule) for f in findings] == [("data/organisation/gsp.ttl", "undefined-reference")]
    assert validate(repo, [repo.root / "data/network/netsob.ttl"]) == []


def test_check_store_is_the_build_check(repo: Project) -> None:
    store, syntax = load_memory(repo, repo.source_files())
    assert syntax == [] and check_store(store, repo.source_files()) == []
    fixture = read_fixture(INVALID / "Figure-statedIn.ttl")
    shutil.copyfile(fixture.path, repo.root / fixture.target)
    with pytest.raises(SoilkgError) as raised:
        build(repo, check=check_store)
    assert raised.value.exit_code == 1
    assert [(f.file, f.rule) for f in raised.value.findings] == [(fixture.target, "Figure-statedIn")]


def test_build_validated_skips_unchanged_sources(repo: Project) -> None:
    first = build_validated(repo)
    second = build_validated(repo)
    assert first.rebuilt and not second.rebuilt and first.fingerprint == second.fingerprint
    assert build_validated(repo, force=True).rebuilt


def test_fast_listing_matches_project_source_files(repo: Project) -> None:
    demo = repo.demo / "demo.ttl"
    demo.parent.mkdir(parents=True)
    demo.write_text("# demonstration folder present\n")
    for include_demo in (False, True):
        expected = {repo.relative(p) for p in repo.source_files(include_demo=include_demo)}
        assert set(repo.listing(include_demo)) == expected
