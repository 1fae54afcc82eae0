"""The source-text parser on the real source document: its paragraphs, footnotes and title block equal
those of data/document/cgrfa-20-item-8-4.ttl. Markdown and plain-text footnotes; bad input is refused
with its line and how to fix it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from soilkg.curation.source_text import parse_source_text
from soilkg.errors import SoilkgError
from tests.cycle.conftest import REPO, SOURCE_TEXT

DATA = REPO / "data" / "document" / "cgrfa-20-item-8-4.ttl"
PARTS = """PREFIX skg: <https://w3id.org/soilkg/ontology#>
SELECT ?part ?text ?section ?calledFrom WHERE {
  ?part skg:text ?text .
  OPTIONAL { ?part skg:section ?section }
  OPTIONAL { ?part skg:calledFrom/skg:number ?calledFrom }
}"""


def _data_parts() -> dict[str, tuple[str, str | None, int | None]]:
    store = ox.Store()
    store.load(path=str(DATA), format=ox.RdfFormat.TURTLE)
    result = store.query(PARTS)
    assert isinstance(result, ox.QuerySolutions)
    return {row["part"].value.rsplit("/", 1)[-1]: (
        row["text"].value,
        row["section"].value if row["section"] is not None else None,
        int(row["calledFrom"].value) if row["calledFrom"] is not None else None,
    ) for row in result}


def test_real_document_yields_the_parts_of_the_data() -> None:
    parsed = parse_source_text(SOURCE_TEXT.read_text(encoding="utf-8"), SOURCE_TEXT.name)
    data = _data_parts()
    got: dict[str, tuple[str, str | None, int | None]] = {
        f"p{p.number}": (p.text, p.section, None) for p in parsed.paragraphs}
    got |= {f"fn{f.number}": (f.text, None, parsed.called_from[f.number]) for f in parsed.footnotes}
    got["p0"] = ("\n".join(parsed.title_block), None, None)
    assert len(parsed.paragraphs) == 11 and len(parsed.footnotes) == 20
    assert got == data
    assert parsed.agenda_item == "8.4"
    # Paragraphs list the footnotes they call, in order (paragraph 4 calls 3 to 6).
    assert parsed.paragraphs[3].footnotes == [3, 4, 5, 6]


MARKDOWN = """# Synthetic meeting document

Item 3 of the Provisional Agenda

## I. Introduction

1. A *synthetic* first paragraph[^1] that runs
over two lines.
2. A second paragraph citing <https://example.org/synthetic>.[^2]

## II. Activities

3. A third paragraph.

[^1]: Synthetic footnote one.
[^2]: Synthetic footnote two,
    continued on an indented line.
"""

PLAIN_RULE = """SYNTHETIC DOCUMENT

1. First paragraph.¹

2. Second paragraph.²
---
1 Plain footnote one.
2 Plain footnote two.
"""


def test_markdown_footnotes_headings_and_title() -> None:
    parsed = parse_source_text(MARKDOWN, "synthetic.md")
    assert parsed.title == "Synthetic meeting document"
    assert parsed.title_block == ["Synthetic meeting document", "Item 3 of the Provisional Agenda"]
    assert parsed.agenda_item == "3"
    assert [(p.number, p.section) for p in parsed.paragraphs] == [
        (1, "I. Introduction"), (2, "I. Introduction"), (3, "II. Activities")]
    assert parsed.paragraphs[0].text == "A synthetic first paragraph that runs over two lines."
    assert parsed.paragraphs[1].text == "A second paragraph citing https://example.org/synthetic."
    assert [f.text for f in parsed.footnotes] == ["Synthetic footnote one.",
                                                  "Synthetic footnote two, continued on an indented line."]
    assert parsed.called_from == {1: 1, 2: 2}


def test_plain_footnotes_after_a_rule() -> None:
    parsed = parse_source_text(PLAIN_RULE, "synthetic.txt")
    assert [f.text for f in parsed.footnotes] == ["Plain footnote one.", "Plain footnote two."]
    assert parsed.called_from == {1: 1, 2: 2}
    assert parsed.title == "SYNTHETIC DOCUMENT"


@pytest.mark.parametrize("text,line,words", [
    ("TITLE\n\nNo numbers here at all.\n", None, "no numbered paragraphs"),
    ("TITLE\n\n1. One.\n2. Two.\n2. Two again.\n", 5, "numbered twice (first on line 4)"),
    ("TITLE\n\n1. One.\n3. Three.\n", 4, "paragraph 3 follows paragraph 1"),
    ("TITLE\n\n1. One with a mark.⁴\n", 3, "has the footnote mark 4, but the text has no footnote 4"),
    ("TITLE\n\n1. One.\n\n¹ A footnote nothing calls.\n", 5, "footnote 1 is called from no paragraph"),
    ("TITLE\n\n1. One.¹\n\n¹ Note.\n\n¹ Note again.\n", 7, "footnote 1 is given twice"),
    ("TITLE\n\n1. One.\n\nII. HEADING\n\nStray text.\n\n2. Two.\n", 7, "not inside a numbered paragraph"),
    ("1. A paragraph and no heading above it.\n", None, "no title block"),
])
def test_bad_input_is_refused_with_its_line(text: str, line: int | None, words: str) -> None:
    with pytest.raises(SoilkgError) as raised:
        parse_source_text(text, "bad.txt")
    message = raised.value.message
    assert words in message
    assert message.startswith(f"bad.txt:{line}:" if line else "bad.txt:")
    assert raised.value.exit_code == 2
