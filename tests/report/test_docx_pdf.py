"""The DOCX has real footnotes: Word's footnotes part, and LibreOffice prints them in the PDF."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from docx_pdf import footnote_texts, misplaced


def test_docx_has_a_footnotes_part_with_every_note(reports: dict[str, Path]) -> None:
    docx = reports["docx"]
    with zipfile.ZipFile(docx) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml").decode()
    assert "footnotes+xml" in types and "relationships/footnotes" in rels
    notes = footnote_texts(docx)
    assert sorted(notes) == list(range(1, 21))  # the source's 20 footnotes, numbered by first call
    references = {int(i) for i in re.findall(r'<w:footnoteReference w:id="(\d+)"', body)}
    assert references == set(notes)
    # Citations live in the footnotes, not in the body text.
    assert "UNEP/CBD/COP/DEC/VI/5, paragraph 13." in notes.values()
    assert "CBD/COP/DEC/15/28, paragraphs 1 and 7." in notes.values()
    assert "10.4060/cc9423en" not in re.sub(r"<[^>]+>", "", body)


@pytest.mark.libreoffice
def test_pdf_prints_each_footnote_under_its_sentence(reports: dict[str, Path], tmp_path: Path) -> None:
    """LibreOffice's PDF of the session-20 draft: one footnote per reference, each at the foot of the page of
    the sentence that cites it (the session-21 draft: tests/scenario/test_cycles.py)."""
    assert misplaced(reports["docx"], tmp_path) == []
