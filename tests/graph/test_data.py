"""The data holds the source report truly: every file parses, every paragraph and footnote is there
verbatim, cited by some resource and asked about by some competency question, and every figure is
the number its paragraph prints."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from soilkg.locate import index_file
from soilkg.namespaces import ID
from soilkg.paths import Project
from soilkg.provenance import read_file, to_rdflib

from .competency import all_questions
from .source_text import Source, clean, read_source

REPO = Path(__file__).resolve().parents[2]
DATA_FILES = sorted((REPO / "data").rglob("*.ttl"))
REPORT = ID + "document/cgrfa-20-item-8-4"
PREFIXES = {"skg": "https://w3id.org/soilkg/ontology#", "report": REPORT + "/",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
NUMBER_WORDS = {3: "three", 4: "four"}


@pytest.fixture(scope="module")
def source() -> Source:
    return read_source()


def select(store: ox.Store, sparql: str) -> list[dict[str, str]]:
    result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.relative_to(REPO / "data").as_posix() for p in DATA_FILES])
def test_data_file_parses(path: Path) -> None:
    """pyoxigraph reads the file (Turtle with RDF 1.2 annotations) and, once the annotations are rewritten
    as RDF 1.1 reification, rdflib reads the result (pyshacl validates on rdflib graphs); no triple term
    is left."""
    store = read_file(path)
    assert len(store) > 0
    assert not any(isinstance(q.object, ox.Triple) for q in store)
    assert len(to_rdflib(path)) == len(store)


@pytest.mark.parametrize("path", DATA_FILES, ids=[p.relative_to(REPO / "data").as_posix() for p in DATA_FILES])
def test_every_statement_has_a_line(path: Path) -> None:
    """The layout the line locator relies on: each subject at column 0, one property per indented line."""
    index = index_file(path)
    graph = to_rdflib(path)
    unplaced = sorted({(str(s), str(p)) for s, p, _ in graph if isinstance(s, rdflib.URIRef)} - index.predicates.keys())
    assert not unplaced, f"{path.name}: no line found for {unplaced[:3]}; write one property per indented line"


def test_source_has_11_paragraphs_and_20_footnotes(source: Source) -> None:
    assert sorted(source.paragraphs) == list(range(1, 12))
    assert sorted(source.footnotes) == list(range(1, 21))


def test_text_is_verbatim(graph: ox.Store, source: Source) -> None:
    rows = select(graph, """SELECT ?kind ?n ?text WHERE {
        { report:x skg:paragraph ?part . BIND("p" AS ?kind) } UNION { ?part skg:footnoteOf ?doc . BIND("fn" AS ?kind) }
        ?part skg:number ?n ; skg:text ?text . }""".replace("report:x", f"<{REPORT}>"))
    stored = {(r["kind"], int(r["n"])): r["text"] for r in rows}
    wanted = {("p", n): clean(t) for n, t in source.paragraphs.items()}
    wanted |= {("fn", n): clean(t) for n, t in source.footnotes.items()}
    assert stored.keys() == wanted.keys()
    different = [key for key in wanted if stored[key] != wanted[key]]
    assert not different, f"skg:text differs from the source for {different}"


def test_footnotes_are_called_from_the_paragraph_with_their_mark(graph: ox.Store, source: Source) -> None:
    rows = select(graph, "SELECT ?fn ?p WHERE { ?f a skg:Footnote ; skg:number ?fn ; skg:calledFrom/skg:number ?p }")
    assert {int(r["fn"]): int(r["p"]) for r in rows} == source.called_from()


def test_every_paragraph_and_footnote_is_cited_by_a_resource(graph: ox.Store) -> None:
    """Provenance: some resource other than the report's own parts points at each part."""
    rows = select(graph, """SELECT DISTINCT ?part WHERE {
        ?s skg:statedIn ?part .
        FILTER NOT EXISTS { ?s a skg:DocumentParagraph } FILTER NOT EXISTS { ?s a skg:Footnote }
        FILTER NOT EXISTS { ?s a skg:TitleBlock } }""")
    cited = {r["part"].rsplit("/", 1)[1] for r in rows}
    wanted = {f"p{n}" for n in range(1, 12)} | {f"fn{n}" for n in range(1, 21)} | {"p0"}
    assert not wanted - cited, f"no resource is skg:statedIn {sorted(wanted - cited)}"


def test_every_paragraph_and_footnote_has_a_competency_question() -> None:
    covered = {item for question in all_questions() for item in question.covers}
    wanted = {f"p{n}" for n in range(1, 12)} | {f"fn{n}" for n in range(1, 21)}
    assert not wanted - covered, f"no competency question covers {sorted(wanted - covered)}"
    unknown = covered - wanted - {"title block"}
    assert not unknown, f"'# paragraph:' names parts the report does not have: {sorted(unknown)}"


def test_data_uses_only_terms_the_ontology_defines(graph: ox.Store) -> None:
    rows = select(graph, """SELECT DISTINCT ?term WHERE {
        { ?s ?term ?o } UNION { ?s a ?term } UNION { ?s skg:comparator|skg:status ?term }
        FILTER(STRSTARTS(STR(?term), STR(skg:)))
        FILTER NOT EXISTS { ?term rdfs:label ?label } }""")
    assert not rows, f"terms used but not defined in ontology/: {[r['term'] for r in rows]}"


def test_every_resource_has_provenance_and_an_english_label(graph: ox.Store) -> None:
    rows = select(graph, f"""SELECT DISTINCT ?s WHERE {{
        ?s a ?class . FILTER(STRSTARTS(STR(?s), "{ID}"))
        FILTER(NOT EXISTS {{ ?s skg:statedIn ?part }} || NOT EXISTS {{ ?s rdfs:label ?l FILTER(LANG(?l) = "en") }})
        FILTER NOT EXISTS {{ ?s a <{PREFIXES['skg']}CaseStudy> }} }}""")
    assert not rows, f"resources without skg:statedIn or an English rdfs:label: {[r['s'] for r in rows]}"


def test_every_figure_is_printed_in_its_paragraph(graph: ox.Store, source: Source) -> None:
    rows = select(graph, """SELECT ?figure ?value ?comparator ?n WHERE {
        ?figure a skg:ReportedFigure ; skg:value ?value ; skg:comparator ?comparator ;
            skg:statedIn/skg:number ?n . }""")
    assert len(rows) >= 10
    for row in rows:
        value, text = int(row["value"]), clean(source.paragraphs[int(row["n"])])
        printed = NUMBER_WORDS.get(value) or f"{value:,}".replace(",", " ")
        found = re.search(rf"(?i)(more than |over )?\b{printed}\b", text)
        assert found, f"{row['figure']}: {printed} is not in paragraph {row['n']}"
        more = row["comparator"].endswith("#moreThan")
        assert more == bool(found.group(1)), f"{row['figure']}: comparator does not match the text"


def test_every_identifier_in_a_footnote_is_on_the_resource_it_cites(graph: ox.Store, source: Source) -> None:
    """URLs, DOIs and handles of footnotes are the skg:website / skg:doi / skg:handle of what they cite."""
    rows = select(graph, """SELECT ?n ?id WHERE { ?f a skg:Footnote ; skg:number ?n ; skg:cites ?r .
        { ?r skg:website ?id } UNION { ?r skg:doi ?id } UNION { ?r skg:handle ?id } }""")
    held: dict[int, set[str]] = {}
    for row in rows:
        held.setdefault(int(row["n"]), set()).add(row["id"])
    for number, text in source.footnotes.items():
        for url in re.findall(r"<(https?://[^>]+)>", text):
            assert url in held.get(number, set()), f"footnote {number}: {url} is on no resource it cites"
        for doi in re.findall(r"doi\.org/(10\.\S+?)>", text):
            assert doi in held[number], f"footnote {number}: DOI {doi} missing"
        for handle in re.findall(r"handle/(20\.\S+?)>", text):
            assert handle in held[number], f"footnote {number}: handle {handle} missing"


def test_project_source_files_include_the_data(project: Project) -> None:
    assert set(DATA_FILES) <= set(project.source_files())
