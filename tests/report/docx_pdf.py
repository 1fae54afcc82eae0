"""Read a DOCX draft back as LibreOffice prints it: each footnote's text at the foot of the page where the
sentence that cites it stands (shared by the session-20 and the session-21 tests; a module of its own name)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def footnote_texts(docx: Path) -> dict[int, str]:
    """Footnote id -> its text, from word/footnotes.xml (the separators, ids -1 and 0, left out)."""
    with zipfile.ZipFile(docx) as archive:
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    return {int(n.get(W + "id")): "".join(t.text or "" for t in n.iter(W + "t")).strip()
            for n in root.iter(W + "footnote") if int(n.get(W + "id")) > 0}


def references(docx: Path) -> list[tuple[int, str]]:
    """Each footnote reference in reading order: (its id, the words of the body just before it)."""
    with zipfile.ZipFile(docx) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    out: list[tuple[int, str]] = []
    for paragraph in body.iter(W + "p"):
        text = ""
        for node in paragraph.iter(W + "t", W + "footnoteReference"):
            if node.tag == W + "t":
                text += node.text or ""
            else:
                out.append((int(node.get(W + "id")), " ".join(re.findall(r"[^\W\d_]{3,}", text)[-3:])))
    return out


def pdf_pages(docx: Path, out: Path) -> list[str]:
    """The DOCX converted by LibreOffice (its own profile, no clash with a running one), as text per page."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice and shutil.which("pdftotext"), "LibreOffice and pdftotext are installed by .ci/setup"
    profile = out / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(docx)], check=True, capture_output=True, timeout=240)
    pdf = out / (docx.stem + ".pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [re.sub(r"\s+", " ", page) for page in text.split("\f")]


def misplaced(docx: Path, out: Path) -> list[str]:
    """What is wrong with the footnotes as printed: a footnote id used twice, a footnote whose text is not at
    the foot of the page that holds the words before its reference. Empty when every note is right."""
    notes = footnote_texts(docx)
    refs = references(docx)
    problems = [f"footnote id {i} referenced {n} times" for i in set(i for i, _ in refs)
                if (n := sum(1 for j, _ in refs if j == i)) > 1]
    pages = pdf_pages(docx, out)
    # LibreOffice numbers footnotes 1, 2, ... in reference order; ids were written in that order.
    for number, (key, before) in enumerate(refs, start=1):
        opening = re.sub(r"\s+", " ", notes.get(key, ""))[:30]
        printed = [i for i, page in enumerate(pages) if re.search(rf"(?<!\d){number} ?{re.escape(opening)}", page)]
        if not printed:
            problems.append(f"footnote {number} ({opening!r}) is not printed")
        elif before and not any(all(word in pages[i] for word in before.split())
                                for i in (printed[0], printed[0] - 1) if i >= 0):
            problems.append(f"footnote {number} ({opening!r}) is printed on page {printed[0] + 1}, not under "
                            f"the sentence ending {before!r}")
    return problems
