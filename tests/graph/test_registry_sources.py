"""Every statement is sourced by what states it (issue 20, point 7).

Identifiers and names taken from registries are stated by the registry (a `skg:Registry` of data/dataset/,
declared once per property or IRI space), not by a paragraph that does not print them; readings beyond
the text carry `skg:reading`; the report's missing paragraphs are recorded. The expectations are read from
the source report (tests/graph/source/cgrfa-20-item-8-4.txt) where it has something to say."""

from __future__ import annotations

from collections import defaultdict

import pyoxigraph as ox
import pytest

from soilkg import queries
from soilkg.namespaces import ID, SKG, SKOS
from soilkg.paths import Project
from soilkg.provenance import statement_sources

from .source_text import SOURCE, Source, clean, read_source

REPORT = ID + "document/cgrfa-20-item-8-4/"
DATASET = ID + "dataset/"
GHANA = ID + "country/GHA"
RECISOIL = ID + "initiative/recisoil"
READING = str(SKG.reading)
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

Sources = dict[tuple[str, str, str], list[str]]


@pytest.fixture(scope="module")
def sources(graph: ox.Store) -> Sources:
    return statement_sources(graph)


@pytest.fixture(scope="module")
def source() -> Source:
    return read_source()


def _named_query(graph: ox.Store, project: Project, subject: str, predicate: str) -> set[str]:
    query = queries.parse_query_file(project.queries / "statement-sources.rq")
    return {row["passage"].value for row in queries.run(graph, query, {"subject": subject, "predicate": predicate})}


def test_ghana_m49_is_stated_by_the_m49_registry(graph: ox.Store, project: Project, sources: Sources,
                                                 source: Source) -> None:
    assert "288" not in source.paragraphs[11]
    assert sources[(GHANA, str(SKG.m49), '"288"')] == [DATASET + "un-m49"]
    assert _named_query(graph, project, GHANA, str(SKG.m49)) == {DATASET + "un-m49"}


def test_ghana_recisoil_implementation_is_paragraph_11(graph: ox.Store, project: Project, sources: Sources,
                                                       source: Source) -> None:
    assert "four countries, namely Costa Rica, Ghana, Mexico and Togo" in source.paragraphs[11]
    assert sources[(RECISOIL, str(SKG.implementedIn), f"<{GHANA}>")] == [REPORT + "p11"]
    assert _named_query(graph, project, RECISOIL, str(SKG.implementedIn)) >= {REPORT + "p11"}


REGISTRY_OF = {"iso3166Alpha2": "iso-3166", "iso3166Alpha3": "iso-3166", "m49": "un-m49"}
SPACES = {"http://www.wikidata.org/entity/": "wikidata", "https://sws.geonames.org/": "geonames",
          "http://aims.fao.org/aos/agrovoc/": "agrovoc", "http://metadata.un.org/sdg/": "un-sdg-kos"}


def test_every_identifier_is_stated_by_its_registry(sources: Sources) -> None:
    """No code or mapping of the data is left to a paragraph; each names its registry."""
    wrong = []
    checked = 0
    for (subject, predicate, obj), found in sources.items():
        local = predicate.rsplit("#", 1)[-1]
        if local in REGISTRY_OF:
            wanted = REGISTRY_OF[local]
        elif predicate.startswith(str(SKOS)) and predicate.endswith("Match"):
            wanted = next(r for space, r in SPACES.items() if obj.startswith(f"<{space}"))
        else:
            continue
        checked += 1
        if found != [DATASET + wanted]:
            wrong.append((subject, local, obj, found))
    assert checked > 50 and wrong == []


def test_each_registry_names_its_version(graph: ox.Store) -> None:
    rows = graph.query("""PREFIX skg: <https://w3id.org/soilkg/ontology#>
        SELECT ?registry ?version WHERE { ?registry a skg:Registry . OPTIONAL { ?registry skg:version ?version } }""",
                       use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    found = {row["registry"].value.rsplit("/", 1)[-1]: row["version"] for row in rows}
    assert set(found) == {"iso-3166", "un-m49", "wikidata", "geonames", "agrovoc", "un-sdg-kos"}
    assert all(v is not None for v in found.values())
    from importlib.metadata import version

    assert found["iso-3166"].value == f"pycountry {version('pycountry')}"  # the copy the names were read from
    assert "datasets/country-codes table (2026)" in found["un-m49"].value


def _readings(graph: ox.Store) -> dict[tuple[str, str, str], str]:
    rows = graph.query(f"""SELECT ?s ?p ?o ?reading WHERE {{
        ?st <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o ; <{READING}> ?reading }}""",
                       use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    return {(r["s"].value, r["p"].value, str(r["o"])): r["reading"].value for r in rows}


def test_the_readings_the_issue_lists_are_marked(graph: ox.Store, source: Source) -> None:
    readings = _readings(graph)
    org, threat, dec = ID + "organisation/", ID + "threat/", ID + "decision/cbd-cop-dec-15-28/"
    # Footnotes 16-17 say "FAO Commission ..."; that FAO hosts it is a reading, as for the GSP.
    assert (org + "cgrfa", str(SKG.hostedBy), f"<{org}fao>") in readings
    for kind in ("underuse", "misuse", "overuse"):
        assert (threat + f"{kind}-of-fertilizers", str(SKOS.broader), f"<{threat}unsustainable-fertilizer-use>") \
            in readings
    # Footnote 4 says "paragraphs 1 and 7"; which of the two adopts and which invites is a reading.
    assert "paragraphs 1 and 7" in source.footnotes[4]
    assert (dec + "p1", str(SKG.adopts), f"<{ID}plan/plan-of-action-2020-2030>") in readings
    assert (dec + "p7", str(SKG.invites), f"<{org}fao>") in readings
    # The report groups are the graph's own: every paragraph's group is a reading.
    groups = [key for key in readings if key[1] == str(SKG.reportGroup)]
    assert sorted(int(k[0].rsplit("/p", 1)[1]) for k in groups) == list(range(3, 12))
    # Untitled works: their descriptive labels are readings.
    for slug in ("sop-enzyme-activity", "soil-organisms-special-issue-survey-results",
                 "netsob-literature-review-papers"):
        assert any(k[0] == ID + "publication/" + slug and k[1].endswith("#label") for k in readings), slug


def test_overuse_is_not_given_the_impacts_of_unsustainable_use(graph: ox.Store, source: Source) -> None:
    text = clean(source.paragraphs[8])
    assert "impacts of unsustainable fertilizer use leading to soil biodiversity losses" in text
    rows = graph.query(f"""SELECT ?d WHERE {{ <{ID}threat/overuse-of-fertilizers> <{SKOS.definition}> ?d }}""",
                       use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    (definition,) = [r["d"].value for r in rows]
    assert "impact" not in definition and "harm" not in definition and "losses" not in definition


def test_every_scheme_membership_is_a_reading(graph: ox.Store) -> None:
    """The schemes (themes, threats, practices, organism groups, land uses) are the graph's own."""
    readings = _readings(graph)
    rows = graph.query(f"SELECT ?s ?scheme WHERE {{ GRAPH ?g {{ ?s <{SKOS.inScheme}> ?scheme }} "
                       "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/soilkg/source/data/')) }")
    assert isinstance(rows, ox.QuerySolutions)
    members = [(r["s"].value, str(SKOS.inScheme), str(r["scheme"])) for r in rows]
    assert len(members) > 40
    assert [m for m in members if m not in readings] == []


def test_no_two_resources_are_an_exact_match_of_one_concept(graph: ox.Store) -> None:
    """skos:exactMatch is transitive: two resources exactly matching one concept would be the same thing."""
    rows = graph.query(f"SELECT ?s ?o WHERE {{ GRAPH ?g {{ ?s <{SKOS.exactMatch}> ?o }} }}")
    assert isinstance(rows, ox.QuerySolutions)
    by_concept: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        by_concept[row["o"].value].add(row["s"].value)
    assert {c: s for c, s in by_concept.items() if len(s) > 1} == {}
    for pair in (("theme/soil-pollution", "threat/soil-pollution"),
                 ("theme/bioremediation", "practice/bioremediation")):
        concept = {o for o, subjects in by_concept.items() if ID + pair[1] in subjects}
        assert concept, pair  # the threat and the practice keep the exact match; the themes are close matches
        close = graph.query(f"ASK {{ <{ID}{pair[0]}> <{SKOS.closeMatch}> <{concept.pop()}> }}",
                            use_default_graph_as_union=True)
        assert close


def _heading() -> list[str]:
    """The source's lines before its first section: the title block and the table of contents."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    return [line.rstrip() for line in lines[:lines.index("I. INTRODUCTION")] if line.strip()]


def test_the_document_records_its_missing_paragraphs(graph: ox.Store, source: Source) -> None:
    assert "II. FAO activities\t3–13" in _heading() and max(source.paragraphs) == 11
    rows = graph.query(f"SELECT ?n WHERE {{ <{ID}document/cgrfa-20-item-8-4> <{SKG.missingParagraph}> ?n }}",
                       use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    assert sorted(int(r["n"].value) for r in rows) == [12, 13]


def test_the_title_block_keeps_the_table_of_contents(graph: ox.Store) -> None:
    """The title block's text is the source's heading and table of contents, line by line, so that it
    states the missing paragraphs."""
    rows = graph.query(f"SELECT ?t WHERE {{ <{REPORT}p0> <{SKG.text}> ?t }}", use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    assert [r["t"].value.splitlines() for r in rows] == [_heading()]
