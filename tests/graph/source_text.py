"""The source report's paragraphs and footnotes, read from the plain-text copy beside the tests.

The copy (``source/cgrfa-20-item-8-4.txt``) is the text the data was written from. Paragraphs start
``N. ``, footnotes start with superscript digits; paragraphs 7 and 9 continue after a footnote block
(page break). ``clean`` applies the three edits data/README.md documents for ``skg:text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "source" / "cgrfa-20-item-8-4.txt"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARK = re.compile(f"[{SUPERSCRIPTS}]+")
_PARAGRAPH = re.compile(r"^(\d+)\. (.*)$")
_FOOTNOTE = re.compile(f"^([{SUPERSCRIPTS}]+) (.*)$")
_HEADINGS = {"I. INTRODUCTION", "II. FAO ACTIVITIES"}


def mark_number(mark: str) -> int:
    return int("".join(str(SUPERSCRIPTS.index(c)) for c in mark))


def clean(text: str) -> str:
    """Footnote marks, italics asterisks and the <...> around URLs removed."""
    text = _MARK.sub("", text).replace("*", "")
    return re.sub(r"<(https?://[^>]+)>", r"\1", text)


@dataclass
class Source:
    paragraphs: dict[int, str] = field(default_factory=dict)  # raw, with marks
    footnotes: dict[int, str] = field(default_factory=dict)

    def called_from(self) -> dict[int, int]:
        """Footnote number -> the paragraph whose text carries its mark."""
        return {mark_number(m.group(0)): n for n, text in self.paragraphs.items() for m in _MARK.finditer(text)}


def read_source(path: Path = SOURCE) -> Source:
    lines = path.read_text(encoding="utf-8").splitlines()
    source = Source()
    current: int | None = None
    for raw in lines[lines.index("I. INTRODUCTION"):]:
        line = raw.strip()
        if not line or line in _HEADINGS:
            continue
        if match := _PARAGRAPH.match(line):
            current = int(match.group(1))
            source.paragraphs[current] = match.group(2)
        elif match := _FOOTNOTE.match(line):
            source.footnotes[mark_number(match.group(1))] = match.group(2)
        elif current is not None:
            source.paragraphs[current] += " " + line  # the paragraph runs on after a page break
    return source
