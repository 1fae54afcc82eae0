"""Statement-level sources (soilkg.provenance): each statement names exactly the passages that state it.

The expected passages are read from the source report (tests/graph/source/cgrfa-20-item-8-4.txt), not
from the data: paragraph 4 alone says that NETSOB leads the implementation of the Plan of Action, and
each reported figure is printed in one paragraph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg.namespaces import ID, SKG
from soilkg.paths import Project
from soilkg.provenance import STATED_IN, statement_sources, unsourced
from soilkg.store import load_memory
from soilkg.validation import validate

from .source_text import Source, read_source

REPORT = ID + "document/cgrfa-20-item-8-4/"
NETSOB = ID + "network/netsob"
PLAN = ID + "plan/plan-of-action-2020-2030"

# Each figure and the number as the report prints it, by paragraph.
FIGURES = {
    "global-soil-doctors-trainers": (10, "657 trainers"),
    "global-soil-doctors-soil-doctor-farmers": (10, "1 800 Soil Doctor farmers"),
    "global-soil-doctors-farmers-reached": (10, "over 11 500 farmers"),
    "global-soil-doctors-countries": (10, "in 26 countries"),
    "survey-recipients": (6, "more than 70 000 researchers"),
    "survey-recipient-countries": (6, "over 130 countries"),
    "survey-responses": (6, "more than 2 000 responses"),
    "gsp-other-technical-networks": (8, "three other technical networks"),
    "recisoil-implementing-countries": (11, "four countries, namely Costa Rica, Ghana, Mexico and Togo"),
    "recisoil-joined-countries": (11, "Four other countries have joined"),
}


@pytest.fixture(scope="module")
def sources(graph: ox.Store) -> dict[tuple[str, str, str], list[str]]:
    return statement_sources(graph)


@pytest.fixture(scope="module")
def source() -> Source:
    return read_source()


def test_netsob_leads_the_plan_is_stated_in_paragraph_4_only(sources: dict[tuple[str, str, str], list[str]],
                                                              source: Source) -> None:
    assert "is leading the implementation of the Plan of Action" in source.paragraphs[4]
    key = (NETSOB, str(SKG.leadsImplementationOf), f"<{PLAN}>")
    assert sources[key] == [REPORT + "p4"]


@pytest.mark.parametrize("slug", sorted(FIGURES))
def test_each_figure_is_stated_in_its_one_paragraph(graph: ox.Store, sources: dict[tuple[str, str, str], list[str]],
                                                    source: Source, slug: str) -> None:
    paragraph, printed = FIGURES[slug]
    assert printed in " ".join(source.paragraphs[paragraph].split())
    figure = ID + "figure/" + slug
    facts = {key: value for key, value in sources.items() if key[0] == figure}
    assert (figure, str(SKG.value), next(str(q.object) for q in graph.quads_for_pattern(
        ox.NamedNode(figure), ox.NamedNode(str(SKG.value)), None, None))) in facts
    assert {tuple(v) for v in facts.values()} == {(REPORT + f"p{paragraph}",)}, facts


def test_the_figure_of_three_networks_counts_them(sources: dict[tuple[str, str, str], list[str]]) -> None:
    figure = ID + "figure/gsp-other-technical-networks"
    counted = {key[2] for key in sources if key[0] == figure and key[1] == str(SKG.counts)}
    assert counted == {f"<{ID}network/{n}>" for n in ("inbs", "insoilfer", "insop")}


def test_no_statement_of_data_is_without_a_source(graph: ox.Store) -> None:
    missing = [f"{st.graph} {st.subject} {st.predicate} {st.object}" for st in unsourced(graph)]
    assert not missing, missing[:5]


def test_no_triple_term_is_left_in_the_store(graph: ox.Store) -> None:
    assert not any(isinstance(q.object, ox.Triple) or isinstance(q.subject, ox.Triple) for q in graph)
    reifiers = list(graph.quads_for_pattern(None, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies"),
                                            None, None))
    assert reifiers == []


def test_annotations_are_rdf_1_1_reification_in_the_file_graph(graph: ox.Store) -> None:
    rows = graph.query(f"""
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?g ?passage WHERE {{ GRAPH ?g {{ ?s a rdf:Statement ; rdf:subject <{NETSOB}> ;
            rdf:predicate <https://w3id.org/soilkg/ontology#website> ; rdf:object ?o ;
            <{STATED_IN.value}> ?passage }} }}""")
    assert isinstance(rows, ox.QuerySolutions)
    found = [(r["g"].value, r["passage"].value) for r in rows]
    assert found == [("https://w3id.org/soilkg/source/data/network/netsob.ttl", REPORT + "fn5")]


def test_the_acronym_is_an_alt_label(graph: ox.Store) -> None:
    result = graph.query('SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#altLabel> "NETSOB" }',
                         use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    assert [row["s"].value for row in result] == [NETSOB]
    acronyms = graph.query("""SELECT ?s ?a WHERE { ?s <https://w3id.org/soilkg/ontology#acronym> ?a
        FILTER NOT EXISTS { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?a } }""",
                           use_default_graph_as_union=True)
    assert isinstance(acronyms, ox.QuerySolutions)
    assert [(r["s"].value, r["a"].value) for r in acronyms] == []


def test_validate_finds_no_unsourced_statement(project: Project) -> None:
    findings = [f for f in validate(project) if f.rule == "statement-sources"]
    assert findings == []


def _sandbox(project: Project, tmp: Path) -> Project:
    root = tmp / "repo"
    for name in ("ontology", "shapes"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).symlink_to(project.root / name)
    shutil.copytree(project.data, root / "data")
    shutil.copy(project.root / "pyproject.toml", root / "pyproject.toml")
    return Project(root)


def test_a_statement_without_source_is_one_finding_on_its_line(project: Project, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    sandbox = _sandbox(project, tmp_path)
    monkeypatch.setenv("SOILKG_BUILD", str(tmp_path / "build"))
    path = sandbox.data / "network" / "netsob.ttl"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "skg:collaboratesWith network:glosolan" in line)
    lines[number - 1] = "    skg:collaboratesWith network:glosolan ;"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for files in (None, [path]):
        findings = [f for f in validate(sandbox, files) if f.rule == "statement-sources"]
        assert [(f.file, f.line) for f in findings] == [("data/network/netsob.ttl", number)]
        assert "`skg:collaboratesWith network:glosolan {| skg:statedIn report:" in findings[0].message


def test_an_annotation_citing_no_passage_is_a_finding(project: Project, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    sandbox = _sandbox(project, tmp_path)
    monkeypatch.setenv("SOILKG_BUILD", str(tmp_path / "build"))
    path = sandbox.data / "network" / "netsob.ttl"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("network:glosolan {| skg:statedIn report:p7 |}",
                                 "network:glosolan {| skg:statedIn report:p77 |}"), encoding="utf-8")
    findings = [f for f in validate(sandbox) if f.value == REPORT + "p77"]
    assert [(f.rule, f.file) for f in findings] == [("statement-sources", "data/network/netsob.ttl")]
    assert "which no file defines" in findings[0].message


def test_loading_keeps_the_asserted_triple(project: Project) -> None:
    store, findings = load_memory(project, [project.data / "network" / "netsob.ttl"])
    assert findings == []
    assert list(store.quads_for_pattern(ox.NamedNode(NETSOB), ox.NamedNode(str(SKG.leadsImplementationOf)),
                                        ox.NamedNode(PLAN), None))


def test_the_named_query_applies_the_same_rule_as_python(graph: ox.Store, project: Project,
                                                         sources: dict[tuple[str, str, str], list[str]]) -> None:
    """`statement-sources` (SPARQL 1.1, for any engine) and soilkg.provenance agree on every statement."""
    from soilkg import queries

    query = queries.parse_query_file(project.queries / "statement-sources.rq")
    pairs = sorted({(s, p) for s, p, _ in sources if not s.startswith("_:")})
    got: dict[tuple[str, str, str], list[str]] = {}
    for subject, predicate in pairs:
        for row in queries.run(graph, query, {"subject": subject, "predicate": predicate}):
            got.setdefault((subject, predicate, str(row["object"])), []).append(row["passage"].value)
    wanted = {key: value for key, value in sources.items() if not key[0].startswith("_:")}
    assert {key: sorted(value) for key, value in got.items()} == wanted
