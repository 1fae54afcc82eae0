"""The shapes and checks of the reporting cycle (shapes/cycle.ttl, shapes/checks/figure-update-*.rq) on
hand-written SYNTHETIC files in a copy of the repository: each broken rule is one finding with file, line
and the curator's message; the written-right files are clean."""

from __future__ import annotations

import json

from tests.cycle.conftest import Repo

PREFIXES = """@prefix skg: <https://w3id.org/soilkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix figure: <https://w3id.org/soilkg/id/figure/> .
@prefix statuschange: <https://w3id.org/soilkg/id/status-change/> .
@prefix webpage: <https://w3id.org/soilkg/id/web-page/> .
@prefix publication: <https://w3id.org/soilkg/id/publication/> .
@prefix programme: <https://w3id.org/soilkg/id/programme/> .
@prefix report: <https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/> .
"""


def _figure(slug: str, updates: str, as_of: str) -> str:
    return f"""# SYNTHETIC test figure.
{PREFIXES}
figure:{slug}
    a skg:ReportedFigure ;
    rdfs:label "Synthetic {slug}"@en ;
    skos:prefLabel "Synthetic {slug}"@en ;
    skg:updates figure:{updates} ;
    skg:value 700 ;
    skg:unit "trainers"@en ;
    skg:measures "synthetic"@en ;
    skg:about programme:global-soil-doctors ;
    skg:asOf "{as_of}"^^xsd:date ;
    skg:statedIn report:p10 .
"""


def _findings(repo: Repo, *files: str) -> list[dict[str, object]]:
    done = repo.run("validate", *files, "--format", "json")
    assert "Traceback" not in done.stderr
    return list(json.loads(done.stdout)["findings"])


def test_update_dated_before_the_value_it_updates(repo: Repo) -> None:
    figures = repo.root / "data" / "figure"
    (figures / "synthetic-a.ttl").write_text(_figure("synthetic-a", "global-soil-doctors-trainers", "2026-06-30"))
    (figures / "synthetic-b.ttl").write_text(_figure("synthetic-b", "synthetic-a", "2026-01-31"))
    assert _findings(repo, "data/figure/synthetic-a.ttl") == []
    # A rule across two files: checked when both are loaded (the whole graph, as `soilkg build` does).
    findings = _findings(repo)
    assert [(f["rule"], f["file"], f["line"]) for f in findings] == [
        ("figure-update-as-of", "data/figure/synthetic-b.ttl", 22)]
    assert "before the value it updates (2026-06-30" in str(findings[0]["message"])


def test_series_does_not_fork(repo: Repo) -> None:
    figures = repo.root / "data" / "figure"
    (figures / "synthetic-a.ttl").write_text(_figure("synthetic-a", "global-soil-doctors-trainers", "2026-06-30"))
    (figures / "synthetic-c.ttl").write_text(_figure("synthetic-c", "global-soil-doctors-trainers", "2026-07-31"))
    findings = _findings(repo)
    assert [(f["rule"], f["file"]) for f in findings] == [("figure-updated-twice", "data/figure/synthetic-c.ttl")]
    assert "a series has one latest value" in str(findings[0]["message"])


def test_update_without_date(repo: Repo) -> None:
    path = repo.root / "data" / "figure" / "synthetic-d.ttl"
    path.write_text(_figure("synthetic-d", "global-soil-doctors-trainers", "2026-06-30").replace(
        '    skg:asOf "2026-06-30"^^xsd:date ;\n', ""))
    findings = _findings(repo, "data/figure/synthetic-d.ttl")
    assert [f["rule"] for f in findings] == ["FigureUpdate-asOf"], findings
    assert "needs the date the value held" in str(findings[0]["message"])


def test_status_change_and_web_page_need_their_parts(repo: Repo) -> None:
    (repo.root / "data" / "status-change").mkdir()
    (repo.root / "data" / "status-change" / "synthetic.ttl").write_text(f"""# SYNTHETIC status change.
{PREFIXES}
statuschange:synthetic
    a skg:StatusChange ;
    rdfs:label "Synthetic status change"@en ;
    skg:statusOf publication:sop-nematodes ;
    skg:newStatus skg:published ;
    skg:statedIn report:p7 .
""")
    (repo.root / "data" / "web-page").mkdir()
    (repo.root / "data" / "web-page" / "synthetic.ttl").write_text(f"""# SYNTHETIC web page.
{PREFIXES}
webpage:synthetic
    a skg:WebPage ;
    rdfs:label "Synthetic page"@en ;
    skg:url <https://example.org/synthetic> ;
    skg:accessed "May 2026" ;
    skg:statedIn webpage:synthetic .
""")
    status = _findings(repo, "data/status-change/synthetic.ttl")
    assert [f["rule"] for f in status] == ["StatusChange-date"]
    assert "needs the one date it took effect" in str(status[0]["message"])
    page = _findings(repo, "data/web-page/synthetic.ttl")
    assert "WebPage-accessed" in [f["rule"] for f in page], page
