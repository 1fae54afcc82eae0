"""Done when: the draft for the 20th session carries every figure, publication and footnote citation of
the source document, in Markdown, HTML and DOCX. The checklist comes from the source text at test time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from report_checklist import checklist, docx_text, missing, source_text


def visible_text(fmt: str, path: Path) -> str:
    if fmt == "docx":
        return docx_text(path)
    raw = path.read_text(encoding="utf-8")
    if fmt == "html":
        return lxml_html.fromstring(raw).text_content()
    return re.sub(r"\\(.)", r"\1", raw)  # Markdown escapes (\*, \_, \[) are not part of the text


def test_checklist_is_built_from_the_source() -> None:
    items = checklist(source_text())
    # The source's own identifiers, so the test cannot pass on an empty list.
    assert "CBD/COP/DEC/15/28" in items["decision"]
    assert "UNEP/CBD/COP/DEC/VI/5" in items["decision"]
    assert "GSPPA: XII/2024/9" in items["document"]
    assert {"10.4060/cc9423en", "10.4060/cd0147en", "10.4060/cd0155en"} <= items["doi"]
    assert items["handle"] == {"20.500.14283/cc4082en"}
    assert {"657", "1 800", "11 500", "26", "70 000", "130", "2 000", "2002", "2024", "2025"} <= items["number"]
    assert len(items["url"]) == 16


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_draft_carries_every_citation_and_figure(reports: dict[str, Path], fmt: str) -> None:
    items = checklist(source_text())
    assert missing(items, visible_text(fmt, reports[fmt])) == {}


def test_missing_reports_what_is_absent() -> None:
    """The checker itself finds an absent identifier (and does not match 26 inside 2026)."""
    items = {"decision": {"CBD/COP/DEC/15/28"}, "number": {"26"}}
    assert missing(items, "CBD/COP/DEC/15/28 in 2026") == {"number": ["26"]}
