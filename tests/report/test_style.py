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
    assert "adopted by decision 15/28" in text
    assert not re.search(r"\b(\w+)[:,]? \1\b", text, re.IGNORECASE), re.search(r"\b(\w+)[:,]? \1\b", text, re.I)
    for written in ("1 800", "11 500", "70 000", "2 000", "more than 11 500", "more than 70 000"):
        assert written in text
    assert not re.search(r"\b(1800|11500|70000)\b", text)


def test_structure_and_length_follow_the_source(reports: dict[str, Path]) -> None:
    rows = comparison(reports["md"].read_text(encoding="utf-8"), source_text())
    assert sorted(r.source_number for r in rows) == list(range(1, 12))  # each source paragraph once
    for row in rows:
        assert row.draft_words <= 2 * row.source_words, row  # a reporter trims, never halves
        assert row.draft_words >= row.source_words // 2, row  # nothing of substance left out
    assert sum(r.draft_words for r in rows) <= 1.35 * sum(r.source_words for r in rows)
