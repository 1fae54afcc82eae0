"""The reference for query writers in ontology/README.md (issue 20, point 8), datasette-style: every class
and property of the ontology has its entry, the generated part is current, and its example queries answer.
Each failure says which command regenerates the file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, Graph, URIRef

from soilkg.docs_ontology import PATTERNS, README, updated, write
from soilkg.namespaces import SKG
from soilkg.ontology_reference import BEGIN, COMMAND, END, curie
from soilkg.paths import Project
from soilkg.sitegen import SiteInfo

TOLD = f"Run `{COMMAND}` and commit ontology/README.md."
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


def _terms(project: Project) -> list[str]:
    """Read with rdflib, apart from the generator: what the reference must cover."""
    ontology = Graph()
    for path in sorted((project.root / "ontology").glob("*.ttl")):
        ontology.parse(path, format="turtle")
    return sorted({str(s) for t in TERM_TYPES for s in ontology.subjects(RDF.type, t)
                   if isinstance(s, URIRef) and str(s).startswith(str(SKG))})


def _generated(project: Project) -> str:
    text = (project.root / README).read_text(encoding="utf-8")
    assert BEGIN in text and END in text, f"{README} has no generated reference. {TOLD}"
    return text.split(BEGIN, 1)[1].split(END, 1)[0]


def test_every_class_and_property_has_its_entry(project: Project) -> None:
    part = _generated(project)
    terms = _terms(project)
    assert len(terms) > 100
    missing = [curie(t) for t in terms if f"#### `{curie(t)}`" not in part]
    assert missing == [], f"{README} lacks an entry for {', '.join(missing)}. {TOLD}"


def test_the_reference_is_current(project: Project, graph: ox.Store) -> None:
    assert write(project, graph, check=True), f"{README} is stale. {TOLD}"


@pytest.mark.parametrize("name", ["implementedIn", "joinedBy", "counts", "presentedAt", "resultsOf", "authors"])
def test_what_reporters_needed_has_an_example(project: Project, name: str) -> None:
    part = _generated(project)
    entry = part.split(f"#### `skg:{name}`", 1)[1].split("<a id=", 1)[0]
    assert "- example: `" in entry and f" skg:{name} " in entry, entry
    assert "- domain: " in entry and "- range: " in entry and "- named queries: " in entry


def test_the_authors_example_is_the_ordered_list(project: Project) -> None:
    entry = _generated(project).split("#### `skg:authors`", 1)[1].split("<a id=", 1)[0]
    assert "skg:authors ( person:csorba-c person:hackl-e person:reichenauer-t" in entry


def test_the_named_queries_that_use_a_term_are_listed(project: Project) -> None:
    entry = _generated(project).split("#### `skg:implementedIn`", 1)[1].split("<a id=", 1)[0]
    assert "`countries-by-programme`" in entry  # it writes VALUES (... (skg:implementedIn "implementing") ...)


@pytest.mark.parametrize("index", range(len(PATTERNS)))
def test_each_common_pattern_answers(graph: ox.Store, project: Project, index: int) -> None:
    text, sparql = PATTERNS[index]
    assert sparql in _generated(project)
    result = graph.query(sparql, use_default_graph_as_union=True)
    assert not isinstance(result, ox.QueryBoolean), text
    rows = list(result)
    assert rows, text


def test_the_language_filter_keeps_one_label_per_theme(graph: ox.Store) -> None:
    sparql = PATTERNS[0][1]
    rows = graph.query(sparql, use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    labels = [(r["theme"].value, r["label"].language) for r in rows]
    assert len(labels) == len({theme for theme, _ in labels}) >= 20 and {lang for _, lang in labels} == {"en"}
    unfiltered = graph.query(sparql.replace('FILTER(lang(?label) = "en")', ""), use_default_graph_as_union=True)
    assert isinstance(unfiltered, ox.QuerySolutions)
    assert len(list(unfiltered)) == 6 * len(labels)  # six languages without the filter


def test_the_authors_pattern_gives_the_citation_order(graph: ox.Store) -> None:
    sparql = next(q for text, q in PATTERNS if "skg:authors ?list" in q)
    rows = graph.query(sparql, use_default_graph_as_union=True)
    assert isinstance(rows, ox.QuerySolutions)
    paper = "https://w3id.org/soilkg/id/publication/background-study-paper-74"
    order = [r["author"].value.rsplit("/", 1)[-1] for r in rows if r["work"].value == paper]
    # Footnote 16: "Csorba, C., Hackl, E., Reichenauer, T., van der Putten, W. & Sessitsch, A."
    assert order == ["csorba-c", "hackl-e", "reichenauer-t", "van-der-putten-w", "sessitsch-a"]


def test_adding_data_keeps_the_examples_shown(project: Project, graph: ox.Store, tmp_path: Path) -> None:
    """An example stays while the data has it: a new file sorting first does not make the file stale."""
    store = ox.Store()
    store.extend(graph)
    earlier = ox.NamedNode("https://w3id.org/soilkg/id/country/AAA")
    store.add(ox.Quad(earlier, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(SKG.Country)),
                      ox.NamedNode("https://w3id.org/soilkg/source/data/country/AAA.ttl")))
    assert write(project, store, check=True)


def test_the_command_tells_a_stale_file_and_rewrites_it(project: Project, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for name in ("ontology", "data", "server"):
        shutil.copytree(project.root / name, root / name)
    shutil.copy(project.root / "pyproject.toml", root / "pyproject.toml")
    readme = root / README
    text = readme.read_text(encoding="utf-8")
    readme.write_text(updated(text, f"{BEGIN}\n(nothing)\n{END}"), encoding="utf-8")
    env = {**os.environ, "SOILKG_ROOT": str(root), "SOILKG_BUILD": str(tmp_path / "build")}
    command = [sys.executable, "-m", "soilkg.cli", "docs", "ontology"]
    checked = subprocess.run([*command, "--check"], env=env, capture_output=True, text=True, timeout=300)
    assert checked.returncode == 1 and COMMAND in checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr
    written = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert written.returncode == 0, written.stderr
    assert readme.read_text(encoding="utf-8") == text


def test_a_query_uses_what_it_names_not_what_its_comments_or_strings_say() -> None:
    from soilkg.ontology_reference import used_iris

    sparql = """# skg:inComment
PREFIX s: <https://w3id.org/soilkg/ontology#>
SELECT ?x WHERE { ?x a s:Country ; <https://w3id.org/soilkg/ontology#m49> "s:inString" . }"""
    assert used_iris(sparql) >= {str(SKG.Country), str(SKG.m49), str(RDF.type)}
    assert not used_iris(sparql) & {str(SKG.inComment), str(SKG.inString)}


def test_the_site_reference_shows_the_example_and_the_queries(real_site: SiteInfo, project: Project) -> None:
    """The catalogue's Reference (ontology/properties/ and the class pages) shows what the README shows."""
    properties = (real_site.path / "ontology" / "properties" / "index.html").read_text(encoding="utf-8")
    section = properties.split('id="skg-implementedIn"', 1)[1].split("</section>", 1)[0]
    assert "initiative:recisoil skg:implementedIn country:" in section
    assert 'href="../../queries/index.html#countries-by-programme"' in section
    country = (real_site.path / "ontology" / "country" / "index.html").read_text(encoding="utf-8")
    entry = _generated(project).split("#### `skg:Country`", 1)[1].split("<a id=", 1)[0]
    shown = entry.split("- example: `", 1)[1].split("`", 1)[0]
    assert escape(shown) in country
