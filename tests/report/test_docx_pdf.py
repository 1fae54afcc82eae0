"""The DOCX has real footnotes: Word's footnotes part, and LibreOffice prints them in the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _footnote_texts(docx: Path) -> dict[int, str]:
    with zipfile.ZipFile(docx) as archive:
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    return {int(n.get(W + "id")): "".join(t.text or "" for t in n.iter(W + "t")).strip()
            for n in root.iter(W + "footnote") if int(n.get(W + "id")) > 0}


def test_docx_has_a_footnotes_part_with_every_note(reports: dict[str, Path]) -> None:
    docx = reports["docx"]
    with zipfile.ZipFile(docx) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml").decode()
    assert "footnotes+xml" in types and "relationships/footnotes" in rels
    notes = _footnote_texts(docx)
    assert sorted(notes) == list(range(1, 21))  # the source's 20 footnotes, numbered by first call
    references = {int(i) for i in re.findall(r'<w:footnoteReference w:id="(\d+)"', body)}
    assert references == set(notes)
    # Citations live in the footnotes, not in the body text.
    assert "UNEP/CBD/COP/DEC/VI/5, paragraph 13." in notes.values()
    assert "CBD/COP/DEC/15/28, paragraphs 1 and 7." in notes.values()
    assert "10.4060/cc9423en" not in re.sub(r"<[^>]+>", "", body)


@pytest.fixture(scope="session")
def pdf_text(reports: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice and pdftotext are needed to check the PDF")
    out = tmp_path_factory.mktemp("pdf")
    profile = out / "profile"  # a profile of our own: no clash with a running LibreOffice
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(reports["docx"])], check=True, capture_output=True, timeout=180)
    pdf = out / (reports["docx"].stem + ".pdf")
    assert pdf.is_file()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text


@pytest.mark.libreoffice
def test_pdf_shows_the_footnotes(reports: dict[str, Path], pdf_text: str) -> None:
    text = re.sub(r"\s+", " ", pdf_text)
    notes = _footnote_texts(reports["docx"])
    for number, note in notes.items():
        # The footnote's opening words, printed after its number at the foot of a page.
        opening = re.sub(r"\s+", " ", note)[:25]
        assert re.search(rf"\b{number} ?{re.escape(opening)}", text), (number, opening)
    assert "GSPPA: XII/2024/9, Annex 1" in text
