"""A reporting cycle with every kind a progress report speaks of, through the real CLI on a copy of the
repository (issue 19, points 2-5 and 7): a publication announced as being finalized and now published
stays one resource; a case study records the date it was published and the passage that reports it;
networks, programmes, decisions and their paragraphs, COP and GSP meetings and first values of figures
each have their command; every date flag takes a day, a month or a year. All values are SYNTHETIC."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg.namespaces import ID, RDF, SKG
from tests.cycle.conftest import Repo
from tests.scenario.scenario import FILLED, REVIEWER

DOC = "synthetic-cycle-note"
NOTE = """# Disclaimer

# SYNTHETIC cycle note (test data)

Item 8.4 of the Provisional Agenda

## I. Updates

1. SYNTHETIC. The standard operating procedure for nematodes was published in April 2026 (doi
10.5555/synthetic-sop), the one for mesofauna at https://example.org/synthetic/sop-mesofauna and one for
springtails at https://example.org/synthetic/springtails.
2. SYNTHETIC. The GSP launched a network in April 2026; COP 16 invited FAO again (CBD/COP/DEC/16/99).
3. SYNTHETIC. RECISOIL is now implemented in five countries; a case study was published.
"""
P1, P2, P3 = (f"document:{DOC}/p{n}" for n in (1, 2, 3))
REVIEWED = {**FILLED, "skg:reviewStatus skg:draft": "skg:reviewer <https://orcid.org/0000-0001-2345-6789> ;\n"
                                                    "    skg:reviewStatus skg:reviewed"}

# (arguments, files written or added to), in order: later commands cite what earlier ones wrote.
COMMANDS: list[tuple[tuple[str, ...], tuple[str, ...]]] = [
    (("new", "source", "{note}", "--slug", DOC, "--date", "2026-05"), (f"data/document/{DOC}.ttl",)),
    (("new", "status", "--of", "publication:sop-nematodes", "--status", "published", "--date", "2026-04",
      "--doi", "10.5555/synthetic-sop", "--source", P1),
     ("data/status-change/sop-nematodes-published.ttl", "data/publication/sop-nematodes.ttl")),
    (("new", "publication", "--completes", "publication:sop-soil-mesofauna", "--issued", "2026-04-20", "--url",
      "https://example.org/synthetic/sop-mesofauna", "--source", P1),
     ("data/status-change/sop-soil-mesofauna-published.ttl", "data/publication/sop-soil-mesofauna.ttl")),
    (("new", "publication", "--title", "SYNTHETIC procedure for springtails", "--year", "2026", "--kind", "sop",
      "--url", "https://example.org/synthetic/springtails", "--source", P1),
     ("data/publication/synthetic-procedure-for-springtails.ttl",)),
    (("new", "publication", "--title", "SYNTHETIC background study", "--year", "2026", "--kind",
      "background-study-paper", "--series-number", "99", "--url", "https://example.org/synthetic/springtails",
      "--source", P1), ("data/publication/synthetic-background-study.ttl",)),
    (("new", "network", "--name", "SYNTHETIC International Network on Soil Testing", "--acronym", "SYNNET",
      "--launched-by", "gsp", "--date", "2026-04", "--aim", "to test the cycle", "--contributes-to",
      "initiative:international-initiative-soil-biodiversity", "--source", P2), ("data/network/synnet.ttl",)),
    (("new", "initiative", "--kind", "programme", "--name", "SYNTHETIC Soil Testing Programme", "--run-by", "gsp",
      "--date", "2026", "--status", "ongoing", "--country", "Ghana", "--source", P2),
     ("data/programme/synthetic-soil-testing-programme.ttl",)),
    (("new", "meeting", "--body", "cbd-cop", "--session", "16", "--place", "Synthetic City", "--start",
      "2026-02-10", "--end", "2026-02-20", "--activity", "invited FAO again", "--source", P2),
     ("data/meeting/cbd-cop-16.ttl",)),
    (("new", "meeting", "--body", "gsp", "--session", "13", "--start", "2026-03", "--source", P2),
     ("data/meeting/gsp-plenary-assembly-13.ttl",)),
    (("new", "decision", "--symbol", "CBD/COP/DEC/16/99", "--meeting", "cbd-cop-16", "--source", P2),
     ("data/decision/cbd-cop-dec-16-99.ttl",)),
    (("new", "decision-paragraph", "--decision", "decision:cbd-cop-dec-16-99", "--number", "4", "--invites", "fao",
      "--through", "gsp", "--invitation", "to continue to facilitate the implementation", "--source", P2),
     ("data/decision/cbd-cop-dec-16-99.ttl",)),
    (("new", "decision-paragraph", "--decision", "decision:cbd-cop-dec-15-28", "--number", "12", "--invites", "fao",
      "--invitation", "to report again", "--source", P2), ("data/decision/cbd-cop-dec-15-28.ttl",)),
    (("new", "figure", "--updates", "figure:recisoil-implementing-countries", "--value", "5", "--counts", "CRI",
      "--counts", "Ghana", "--counts", "MEX", "--counts", "TGO", "--counts", "Armenia", "--as-of", "2026-04",
      "--source", P3), ("data/figure/recisoil-implementing-countries-2026-04.ttl",)),
    (("new", "figure", "--about", "network:synnet", "--unit", "members", "--measures",
      "members of the synthetic network", "--value", "12", "--as-of", "2026", "--source", P2, "--slug",
      "synnet-members"), ("data/figure/synnet-members.ttl",)),
]


def _store(repo: Repo) -> ox.Store:
    return ox.Store.read_only(str((repo.root / ".soilkg" / "store").resolve()))


def _ask(store: ox.Store, pattern: str) -> bool:
    result = store.query(f"PREFIX skg: <{SKG}> PREFIX dct: <http://purl.org/dc/terms/> PREFIX rdf: <{RDF}> "
                         f"ASK {{ GRAPH ?g {{ {pattern} }} }}")
    assert isinstance(result, ox.QueryBoolean)
    return bool(result)


@pytest.fixture(scope="module")
def cycle(module_repo: Repo) -> Repo:
    note = module_repo.root.parent / f"{DOC}.md"
    note.write_text(NOTE, encoding="utf-8")
    for args, written in COMMANDS:
        done = module_repo.ok(*(a.replace("{note}", str(note)) for a in args))
        assert "Valid." in done.stdout, done.stdout
        for shown in written:
            assert f"Wrote {shown}" in done.stdout or f"Added to {shown}" in done.stdout, (args, done.stdout)
    module_repo.ok("new", "case-study", "--no-input", "--title", "SYNTHETIC cycle case study", "--slug",
                   "synthetic-cycle-case", "--country", "Ghana", "--orcid", "0000-0002-1825-0097", "--name",
                   "Josiah Carberry (fictitious)", "--practice", "biofertilizers")
    path = module_repo.root / "data" / "case-study" / "synthetic-cycle-case.ttl"
    text = path.read_text(encoding="utf-8")
    for old, new in REVIEWED.items():
        text = text.replace(old, new)
    path.write_text(text + REVIEWER, encoding="utf-8")
    done = module_repo.ok("new", "status", "--of", "case-study:synthetic-cycle-case", "--status", "published",
                          "--date", "2026-05-04", "--source", P3)
    assert "Added to data/case-study/synthetic-cycle-case.ttl" in done.stdout
    module_repo.ok("build")
    return module_repo


def test_the_whole_graph_validates_after_the_cycle(cycle: Repo) -> None:
    done = cycle.run("validate", "--format", "json")
    findings = json.loads(done.stdout)["findings"]
    assert done.returncode == 0 and [f for f in findings if f["severity"] == "Violation"] == [], findings


def test_published_sop_is_the_same_resource(cycle: Repo) -> None:
    store = _store(cycle)
    sop = f"<{ID}publication/sop-nematodes>"
    assert _ask(store, f'{sop} skg:doi "10.5555/synthetic-sop" ; skg:year "2026"^^<http://www.w3.org/2001/'
                       'XMLSchema#gYear> ; a skg:StandardOperatingProcedure')
    assert not (cycle.root / "data" / "publication" / "synthetic-sop.ttl").exists()
    # The new facts are stated by the new passage, the old ones still by paragraph 7 of the report.
    assert _ask(store, f"""?r rdf:subject {sop} ; rdf:predicate skg:doi ; skg:statedIn <{ID}document/{DOC}/p1> .
                        ?o rdf:subject {sop} ; rdf:predicate skg:status ;
                           skg:statedIn <{ID}document/cgrfa-20-item-8-4/p7>""")
    mesofauna = f"<{ID}publication/sop-soil-mesofauna>"
    assert _ask(store, f'{mesofauna} skg:website <https://example.org/synthetic/sop-mesofauna> ; '
                       f'dct:issued "2026-04-20"^^<http://www.w3.org/2001/XMLSchema#date>')
    assert _ask(store, f"?c skg:statusOf {mesofauna} ; skg:newStatus skg:published ; skg:date ?d")
    assert _ask(store, f"<{ID}publication/synthetic-procedure-for-springtails> a skg:StandardOperatingProcedure")
    assert _ask(store, f"<{ID}publication/synthetic-background-study> a skg:BackgroundStudyPaper ; "
                       "skg:seriesNumber 99")


def test_status_change_dated_by_month(cycle: Repo) -> None:
    text = (cycle.root / "data/status-change/sop-nematodes-published.ttl").read_text(encoding="utf-8")
    assert 'skg:date "2026-04"^^xsd:gYearMonth' in text and "skg:previousStatus skg:beingFinalized" in text


def test_case_study_has_its_date_and_passage(cycle: Repo) -> None:
    store = _store(cycle)
    case = f"<{ID}case-study/synthetic-cycle-case>"
    assert _ask(store, f'{case} skg:reviewStatus skg:published ; dct:issued "2026-05-04"^^'
                       f'<http://www.w3.org/2001/XMLSchema#date> ; skg:mentionedIn <{ID}document/{DOC}/p3>')
    # The template's commented hints became the statements, in their place.
    text = (cycle.root / "data/case-study/synthetic-cycle-case.ttl").read_text(encoding="utf-8")
    assert '\n    dct:issued "2026-05-04"^^xsd:date ;\n' in text and "# dct:issued" not in text
    assert "# skg:mentionedIn" not in text and text.count("skg:mentionedIn <") == 1


def test_new_kinds_are_in_the_store(cycle: Repo) -> None:
    store = _store(cycle)
    assert _ask(store, f"<{ID}network/synnet> a skg:Network ; skg:launchedBy <{ID}organisation/gsp> ; "
                       "skg:startDate \"2026-04\"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>")
    assert _ask(store, f"<{ID}programme/synthetic-soil-testing-programme> a skg:Programme ; "
                       f"skg:implementedIn <{ID}country/GHA>")
    assert _ask(store, f"<{ID}decision/cbd-cop-dec-16-99/p4> skg:invites <{ID}organisation/fao> ; "
                       f"skg:paragraphOf <{ID}decision/cbd-cop-dec-16-99>")
    assert _ask(store, f"<{ID}decision/cbd-cop-dec-15-28> skg:paragraph <{ID}decision/cbd-cop-dec-15-28/p12>")
    assert _ask(store, f"<{ID}decision/cbd-cop-dec-16-99> skg:decisionOf <{ID}meeting/cbd-cop-16>")
    assert _ask(store, f"<{ID}figure/synnet-members> skg:value 12 ; skg:about <{ID}network/synnet>")
    assert not _ask(store, f"<{ID}figure/synnet-members> skg:updates ?earlier")


def test_meetings_follow_the_bodys_sessions(cycle: Repo) -> None:
    gsp = (cycle.root / "data/meeting/gsp-plenary-assembly-13.ttl").read_text(encoding="utf-8")
    assert 'rdfs:label "13th GSP Plenary Assembly"@en' in gsp
    cop = (cycle.root / "data/meeting/cbd-cop-16.ttl").read_text(encoding="utf-8")
    assert '"Sixteenth meeting of the Conference of the Parties to the Convention on Biological Diversity"@en' in cop
    assert 'skg:acronym "COP 16"' in cop and 'skg:activity "invited FAO again"@en' in cop


def test_figure_update_counts_only_its_own_countries(cycle: Repo) -> None:
    text = (cycle.root / "data/figure/recisoil-implementing-countries-2026-04.ttl").read_text(encoding="utf-8")
    assert "(Costa Rica, Ghana, Mexico, Togo and Armenia)" in text
    assert "Costa Rica, Ghana, Mexico and Togo" not in text  # the earlier value's list is not copied
    assert "skg:counts country:CRI , country:GHA , country:MEX , country:TGO , country:ARM" in text


def _triples(text: str) -> set[str]:
    """Asserted triples without blank nodes (annotations add reifiers, which are blank nodes)."""
    return {str(t) for t in ox.parse(text.encode("utf-8"), ox.RdfFormat.TURTLE)
            if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)
            and t.predicate.value != f"{RDF}reifies"}


def test_old_statements_keep_their_source(cycle: Repo) -> None:
    text = (cycle.root / "data/decision/cbd-cop-dec-15-28.ttl").read_text(encoding="utf-8")
    original = (Path(__file__).resolve().parents[2] / "data/decision/cbd-cop-dec-15-28.ttl").read_text(
        encoding="utf-8")
    added = _triples(text) - _triples(original)
    assert _triples(original) <= _triples(text)
    assert all(t.startswith(f"<{ID}decision/cbd-cop-dec-15-28") for t in added), added
    assert "dec15-28:p12" in text  # the file's own prefix for its paragraphs


def test_a_case_study_published_by_month_without_a_passage(repo: Repo) -> None:
    """The template's commented `# dct:issued` hint is not a date already given: `new status` fills it (here with
    a month); with no --source the `# skg:mentionedIn` hint stays a comment."""
    repo.ok("new", "case-study", "--no-input", "--title", "SYNTHETIC case study published by month", "--slug",
            "synthetic-month-case", "--country", "Togo", "--orcid", "0000-0002-1825-0097", "--name",
            "Josiah Carberry (fictitious)", "--practice", "bioremediation")
    path = repo.root / "data" / "case-study" / "synthetic-month-case.ttl"
    text = path.read_text(encoding="utf-8")
    assert "    # dct:issued " in text and "    # skg:mentionedIn " in text  # the template's hints
    for old, new in REVIEWED.items():
        text = text.replace(old, new)
    path.write_text(text + REVIEWER, encoding="utf-8")
    done = repo.ok("new", "status", "--of", "case-study:synthetic-month-case", "--status", "published",
                   "--date", "2027-11")
    assert "Added to data/case-study/synthetic-month-case.ttl" in done.stdout and "Valid." in done.stdout
    text = path.read_text(encoding="utf-8")
    assert '\n    dct:issued "2027-11"^^xsd:gYearMonth ;\n' in text and "# dct:issued" not in text
    assert "    # skg:mentionedIn " in text and "\n    skg:mentionedIn" not in text
    assert "skg:reviewStatus skg:published" in text
