"""A case study in a country the source document does not name (Kenya): validation gives the command
that adds it, `soilkg new country` writes it from ISO 3166-1 with `dct:source dataset:iso-3166` (the registry
record; the ISO web page older files cite still validates), and
`soilkg new case-study --country KEN` writes it too. All through the real CLI in a sandbox."""

from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from soilkg.namespaces import SKG
from tests.curation.sandbox import Sandbox

CASE = "data/case-study/valid-full.ttl"
KEN = URIRef("https://w3id.org/soilkg/id/country/KEN")
ISO_REGISTRY = URIRef("https://w3id.org/soilkg/id/dataset/iso-3166")
ISO_PAGE = "<https://www.iso.org/iso-3166-country-codes.html>"  # what earlier versions of the command wrote
# Nairobi County: inside Kenya's extent, so only the country is at stake.
IN_KENYA = {"country:GHA": "country:KEN", "geo:lat 6.6885": "geo:lat -1.2921", "geo:long -1.6244": "geo:long 36.8219"}


def _move_to_kenya(box: Sandbox) -> None:
    path = box.root / CASE
    text = path.read_text(encoding="utf-8")
    for old, new in IN_KENYA.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def _findings(box: Sandbox, *files: str) -> list[dict[str, object]]:
    result = box.run("validate", *files, "--format", "json")
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    assert result.returncode == (1 if findings else 0), result.stdout + result.stderr
    return findings


def test_kenya_fails_with_the_fixing_command_then_new_country_fixes_it(fresh_sandbox: Sandbox) -> None:
    _move_to_kenya(fresh_sandbox)
    before = _findings(fresh_sandbox, CASE)
    assert [f["rule"] for f in before] == ["undefined-reference"], before
    assert "run `soilkg new country KEN`" in str(before[0]["message"])
    assert "Did you mean" not in str(before[0]["message"])

    created = fresh_sandbox.run("new", "country", "ke")  # alpha-2, lower case: resolved to KEN
    assert created.returncode == 0, created.stderr
    assert "data/country/KEN.ttl" in created.stdout
    graph = Graph().parse(fresh_sandbox.root / "data" / "country" / "KEN.ttl")
    assert graph.value(KEN, DCTERMS.source) == ISO_REGISTRY
    assert graph.value(KEN, SKG.statedIn) is None, "Kenya is not in the source document"
    assert graph.value(KEN, SKG.m49) == Literal("404")
    assert Literal("Kenia", lang="es") in set(graph.objects(KEN, SKOS.prefLabel))
    assert _findings(fresh_sandbox, CASE, "data/country/KEN.ttl") == []

    again = fresh_sandbox.run("new", "country", "Kenya")
    assert again.returncode == 0 and "already exists" in again.stdout


def test_a_country_needs_one_of_the_two_sources_and_bad_codes_keep_did_you_mean(fresh_sandbox: Sandbox) -> None:
    assert fresh_sandbox.run("new", "country", "KEN").returncode == 0
    path = fresh_sandbox.root / "data" / "country" / "KEN.ttl"
    written = path.read_text(encoding="utf-8")
    path.write_text(written.replace("    dct:source dataset:iso-3166 .", '    skg:m49 "404" .'), encoding="utf-8")
    unsourced = _findings(fresh_sandbox, "data/country/KEN.ttl")
    assert [f["rule"] for f in unsourced] == ["SourcedCountry"], unsourced
    assert "dct:source dataset:iso-3166" in str(unsourced[0]["message"])
    # A file an earlier version of the command wrote (the ISO web page as its source) still validates.
    path.write_text(written.replace("dataset:iso-3166 .", f"{ISO_PAGE} ."), encoding="utf-8")
    assert _findings(fresh_sandbox, "data/country/KEN.ttl") == []

    case = fresh_sandbox.root / CASE
    case.write_text(case.read_text(encoding="utf-8").replace("country:GHA", "country:GHN"), encoding="utf-8")
    typo = _findings(fresh_sandbox, CASE)
    assert any("Did you mean `country:GHA`" in str(f["message"]) for f in typo), typo
    assert not any("soilkg new country" in str(f["message"]) for f in typo), typo

    bad = fresh_sandbox.run("new", "country", "Kenia-land")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "not an ISO 3166-1 country" in bad.stderr


def test_new_case_study_in_kenya_writes_the_country_too(fresh_sandbox: Sandbox) -> None:
    created = fresh_sandbox.run("new", "case-study", "--no-input", "--title", "Agroforestry in Machakos",
                                "--country", "KEN", "--orcid", "0000-0002-1825-0097", "--name", "Josiah Carberry")
    assert created.returncode == 0, created.stderr
    assert "data/country/KEN.ttl too" in created.stdout
    assert (fresh_sandbox.root / "data" / "country" / "KEN.ttl").is_file()
    findings = _findings(fresh_sandbox, "data/case-study/agroforestry-in-machakos.ttl", "data/country/KEN.ttl")
    assert not any("country:KEN" in str(f["message"]) for f in findings), findings
    ghana = fresh_sandbox.run("new", "case-study", "--no-input", "--title", "Compost in Kumasi", "--country", "GHA")
    assert ghana.returncode == 0 and "too" not in ghana.stdout, "Ghana has its file already"


def test_written_names_and_codes_match_the_hand_made_ghana() -> None:
    from pathlib import Path

    from soilkg.curation.country_file import country_turtle

    gha = URIRef("https://w3id.org/soilkg/id/country/GHA")
    made = Graph().parse(data=country_turtle("GHA"), format="turtle")
    # The data file annotates its statements with their sources (RDF 1.2 `{| ... |}`): pyoxigraph reads it.
    kept = ox.Store()
    kept.load(path=str(Path(__file__).resolve().parents[2] / "data" / "country" / "GHA.ttl"),
              format=ox.RdfFormat.TURTLE)
    for prop in (SKOS.prefLabel, SKG.iso3166Alpha2, SKG.iso3166Alpha3, SKG.m49):
        written = {(str(o), getattr(o, "language", None)) for o in made.objects(gha, prop)}
        hand_made = {(q.object.value, getattr(q.object, "language", None))
                     for q in kept.quads_for_pattern(ox.NamedNode(str(gha)), ox.NamedNode(str(prop)), None)
                     if isinstance(q.object, (ox.NamedNode, ox.Literal))}
        assert written and written == hand_made, prop
