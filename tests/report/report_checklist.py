"""The checklist a generated report must carry, built from the source document's own text at test time."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

# The repository's copy of the source report (tests/graph checks it is the text the data came from):
# CI runs in a clone elsewhere, so no absolute path to the shared folder.
SOURCE = Path(__file__).resolve().parents[1] / "graph" / "source" / "cgrfa-20-item-8-4.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


def checklist(text: str) -> dict[str, set[str]]:
    """Every DOI, handle, decision symbol, document symbol, URL and number the source prints."""
    urls = {u.rstrip(".,;") for u in re.findall(r"https?://[^\s<>]+", text)}
    without_urls = re.sub(r"https?://[^\s<>]+", " ", text)
    return {
        "doi": {d.rstrip(".,;") for d in re.findall(r"10\.\d{4,9}/[^\s<>]+", text)},
        "handle": {h.rstrip(".,;") for h in re.findall(r"20\.500\.\d+/[^\s<>]+", text)},
        "decision": set(re.findall(r"(?:UNEP/)?CBD/COP/DEC/[0-9IVXLC]+/?\d*", text)),
        "document": set(re.findall(r"[A-Z]{3,}: [IVXLC]+/\d{4}/\d+", text)),
        "url": urls,
        # Numbers of the title block and the body (not the table of contents, whose "3–13" the text never
        # reaches): thousands written with a space (1 800), years, counts, decimals (Target 2.4); paragraph
        # numbers at the start of a line and one-digit numbers are left out.
        "number": set(re.findall(r"(?<![\d.])\d{1,3}(?: \d{3})+(?![\d])|(?<![\d.])\d+\.\d+(?![\d.])"
                                 r"|(?<![\d.])\d{2,4}(?![\d])", _numbered_text(without_urls))),
    }


def _numbered_text(text: str) -> str:
    header, _, rest = text.partition("TABLE OF CONTENTS")
    body = rest.split("I. INTRODUCTION", 1)[1]
    return header + re.sub(r"(?m)^\d+\. ", "", body)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def docx_text(path: Path) -> str:
    """All text of the body and of the footnotes part, with hyperlink targets (a link's URL is its text)."""
    out: list[str] = []
    with zipfile.ZipFile(path) as archive:
        for name in ("word/document.xml", "word/footnotes.xml"):
            root = etree.fromstring(archive.read(name))
            for paragraph in root.iter(W + "p"):
                out.append("".join(t.text or "" for t in paragraph.iter(W + "t")))
    return normalise("\n".join(out))


def _found(kind: str, value: str, text: str) -> bool:
    if kind == "number":  # a whole number, not digits inside another (26 is not found in 2026)
        return re.search(rf"(?<![\d.]){re.escape(value)}(?![\d])", text) is not None
    return value in text


def missing(items: dict[str, set[str]], text: str) -> dict[str, list[str]]:
    text = normalise(text)
    out = {kind: sorted(v for v in values if not _found(kind, v, text)) for kind, values in items.items()}
    return {kind: values for kind, values in out.items() if values}
