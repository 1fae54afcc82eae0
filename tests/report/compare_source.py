"""Compare a regenerated session-20 draft (Markdown) with the source report, paragraph by paragraph: the
source paragraph each draft paragraph comes from, the words of each, and how many sentences.

Run it to refresh the table in tests/report/README.md:
    .venv/bin/python tests/report/compare_source.py .soilkg/reports/cgrfa-20-progress-report.md
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from report_checklist import source_text


@dataclass(frozen=True)
class Row:
    source_number: int
    draft_number: int
    source_words: int
    draft_words: int
    source_sentences: int
    draft_sentences: int
    mode: str  # "written from the graph" | "quoted from the source"


def _words(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text))


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.;:])\s+(?=[A-Z*])", text.strip()) if s])


def source_paragraphs(text: str) -> dict[int, str]:
    """The numbered paragraphs of the source, footnote blocks cut out and page-break run-ons joined."""
    body = text.split("I. INTRODUCTION", 2)[-1]
    lines = [line for line in body.splitlines() if not re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+ ", line)]
    out: dict[int, str] = {}
    current = 0
    for line in lines:
        match = re.match(r"^(\d+)\. (.*)$", line)
        if match:
            current = int(match.group(1))
            out[current] = match.group(2)
        elif current and line.strip() and not re.match(r"^[IVX]+\. ", line):
            out[current] += " " + line.strip()
    return {n: re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]", "", t) for n, t in out.items()}


def draft_paragraphs(md: str) -> list[tuple[int, int, str, str]]:
    """(draft number, source number, text, mode) of each numbered paragraph of the Markdown draft (the source
    paragraph and mode come from the draft's appendix)."""
    origin = {int(n): (int(s), mode) for n, s, mode in
              re.findall(r"(?m)^- \*\*(\d+)\.\*\* \[?Source ¶(\d+)\]?(?:\([^)]*\))?, ([a-z ]+)", md)}
    out = []
    for number, text in re.findall(r"(?m)^\*\*(\d+)\.\*\* (.*)$", md):
        if int(number) not in origin:
            continue
        plain = re.sub(r"<sup>,</sup>|\[\^\d+\]|\\(.)", lambda m: m.group(1) or "", text)
        out.append((int(number), *origin[int(number)][:1], plain, origin[int(number)][1]))
    return out


def comparison(md: str, source: str) -> list[Row]:
    paragraphs = source_paragraphs(source)
    return [Row(s, d, _words(paragraphs[s]), _words(text), _sentences(paragraphs[s]), _sentences(text), mode)
            for d, s, text, mode in sorted(draft_paragraphs(md), key=lambda r: r[1])]


def table(rows: list[Row]) -> str:
    lines = ["| source ¶ | draft ¶ | source words | draft words | ratio | source sentences | draft sentences | how |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r.source_number} | {r.draft_number} | {r.source_words} | {r.draft_words} | "
                     f"{r.draft_words / r.source_words:.2f} | {r.source_sentences} | {r.draft_sentences} | {r.mode} |")
    total_s, total_d = sum(r.source_words for r in rows), sum(r.draft_words for r in rows)
    lines.append(f"| all | | {total_s} | {total_d} | {total_d / total_s:.2f} | | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(comparison(Path(sys.argv[1]).read_text(encoding="utf-8"), source_text())))
