"""A reporter edits the regenerated session-20 draft rather than rewriting it: FAO's wording of names,
numbers and decisions, and paragraphs that keep the source's structure and about its length
(tests/report/README.md has the table, made by compare_source.py)."""

from __future__ import annotations

import re
from pathlib import Path

from compare_source import comparison
from report_checklist import source_text


def _paragraphs(md: str) -> list[str]:
    return re.findall(r"(?m)^\*\*\d+\.\*\* (.*)$", md)


def test_no_name_spelled_out_again_after_its_acronym(reports: dict[str, Path]) -> None:
    md = reports["md"].read_text(encoding="utf-8")
    introduced = 0
    for paragraph in _paragraphs(md):
        for match in re.finditer(r"(?:[Tt]he )?((?:[A-Z][\w-]*|and|of|on|for|the)(?: (?:[A-Z][\w-]*|and|of|on|for|"
                                 r"the|Use|Soil))*) \(([A-Z][A-Za-z]{1,9})\)", paragraph):
            introduced += 1
            assert match.group(1) not in paragraph[match.end():], (match.group(2), paragraph)
    assert introduced >= 8  # NETSOB, GSP, FAO, GLOSOB, ITPS, INBS, INSOILFER, INSOP, ... are introduced


def test_fao_wording(reports: dict[str, Path]) -> None:
    text = re.sub(r"\\(.)", r"\1", reports["md"].read_text(encoding="utf-8"))
    assert "is placed within" not in text
    assert "was established in 2020" not in text  # the Plan of Action is adopted, not established
    assert "adopted, through decision 15/28," in text
    prose = " ".join(_paragraphs(text))  # the appendix lists names one after another ("CBD, CBD COP ...")
    assert not re.search(r"\b(\w+)[:,]? \1\b", prose, re.IGNORECASE), re.search(r"\b(\w+)[:,]? \1\b", prose, re.I)
    for written in ("1 800", "11 500", "70 000", "2 000", "more than 11 500", "more than 70 000"):
        assert written in text
    assert not re.search(r"\b(1800|11500|70000)\b", text)


def test_structure_and_length_follow_the_source(reports: dict[str, Path]) -> None:
    """Each paragraph written from statements is 0.8-1.3 times its source paragraph's length; quoted ones are
    counted apart (tests/report/README.md lists them)."""
    rows = comparison(reports["md"].read_text(encoding="utf-8"), source_text())
    assert sorted(r.source_number for r in rows) == list(range(1, 12))  # each source paragraph once
    written = [r for r in rows if r.mode == "written from the graph"]
    assert len(written) == 10
    for row in written:
        assert 0.8 <= row.draft_words / row.source_words <= 1.3, row


def test_no_structure_restated_no_fact_twice_no_hash(reports: dict[str, Path]) -> None:
    md = reports["md"].read_text(encoding="utf-8")
    for phrase in (" is part of ", " acts through ", " is run by ", " works in collaboration with ", "Figures for ",
                   " collaborates with "):
        assert phrase not in md, phrase
    assert not re.search(r"\b[0-9a-f]{24,}\b", md)  # no blank-node hash
    assert "w3id.org/soilkg/id/" not in md and "w3id.org/soilkg/ontology" not in md  # no internal IRI
    for paragraph in _paragraphs(md):
        words = re.findall(r"\w+", re.sub(r"\[\^\d+\]|<sup>,</sup>", "", paragraph).lower())
        shingles = [" ".join(words[i:i + 7]) for i in range(len(words) - 6)]
        repeated = {s for s in shingles if shingles.count(s) > 1}
        assert not repeated, (repeated, paragraph)  # seven words said twice: a fact said twice


def test_sentences_of_the_source_that_the_graph_can_say_as_it_does(reports: dict[str, Path]) -> None:
    """Four of FAO's ways of putting a sentence: works published for one body are introduced by it and
    their kind (source ¶9); the doer's acronym is not said again inside the name of what it did (¶6); a
    predicate that is a list of its own ends its sentence, the next is said with 'also' (¶7); after an
    invitation, each answer but the first is said as a further one, in the source's order (¶9)."""
    md = reports["md"].read_text(encoding="utf-8")
    assert "In 2024, FAO published the Commission's background study papers on *Sustainable use" in md
    assert "NETSOB designed the global survey on " in md and "NETSOB designed the NETSOB" not in md
    assert re.search(r"improving the mapping capabilities of Parties, [^.]*\.\[\^\d+\] NETSOB and GLOSOLAN are also "
                     r"harmonizing methodologies", md)
    answers = re.search(r"Decision 15/28 also invited [^.]*\. In 2024, FAO published [^\n]*? The GSP is also "
                        r"contributing soil biodiversity insights [^.]*\. NETSOB is also publishing several scientific "
                        r"papers [^\n]*?NETSOB is also compiling case studies", md)
    assert answers, "paragraph 9's answers to the invitation, each after the first with 'also'"
