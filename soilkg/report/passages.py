"""Each sentence cites its own passage: which passages state a statement, and one footnote per passage.

The passages come from ``soilkg.provenance.statement_sources`` (statement-level sources with the default
rule applied); a footnote names the passage as a reader would look it up: a document's paragraph, footnote
or title block, a web page with its access date, or a publication with its DOI or handle.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pyoxigraph as ox

from soilkg.namespaces import SKG
from soilkg.provenance import statement_sources
from soilkg.report.cite import publication_runs
from soilkg.report.gather import QueryRunner, Row
from soilkg.report.model import Footnote, Mode, Run
from soilkg.report.subjects import head_noun
from soilkg.report.text import human_date

NT_LITERAL = re.compile(r'^"(.*)"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?$', re.DOTALL)
NT_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
PARTS = {str(SKG.DocumentParagraph): "paragraph", str(SKG.Footnote): "footnote", str(SKG.TitleBlock): "title block"}


class Passages:
    """The passages behind statements, and the footnotes a draft collects as its sentences cite them."""

    def __init__(self, store: ox.Store, runner: QueryRunner) -> None:
        self.runner = runner
        self.by_statement = statement_sources(store)
        self.by_pair: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.by_lexical: dict[tuple[str, str, str], list[str]] = {}
        for (subject, predicate, obj), passages in self.by_statement.items():
            pair = self.by_pair[(subject, predicate)]
            pair.extend(p for p in passages if p not in pair)
            literal = NT_LITERAL.match(obj)
            if literal:
                self.by_lexical[(subject, predicate, _unescape(literal.group(1)))] = passages
        self.notes: dict[str, Footnote] = {}
        # A document's part cited again is cited short: (document, short runs) per passage.
        self.short_forms: dict[str, tuple[str, list[Run]]] = {}

    def of(self, subject: str, predicate: str, obj: str | None = None) -> list[str]:
        """Passages stating ``subject predicate obj`` (an IRI object), or every value of the predicate."""
        if obj is not None:
            return list(self.by_statement.get((subject, predicate, f"<{obj}>"), []))
        return list(self.by_pair.get((subject, predicate), []))

    def stated_by(self, subject: str, predicate: str, value: str) -> list[str]:
        """Passages stating a statement given as the named queries give it: an IRI or a literal's lexical form."""
        found = self.by_statement.get((subject, predicate, f"<{value}>"))
        return list(found if found is not None else self.by_lexical.get((subject, predicate, value), []))

    def marks(self, *statements: tuple[str, str] | tuple[str, str, str]) -> list[Run]:
        """Footnote marks for the passages stating these statements, each passage once, in a stable order."""
        found: list[str] = []
        for statement in statements:
            for passage in self.of(*statement):
                if passage not in found:
                    found.append(passage)
        for passage in found:
            self.note(passage)
        return [Run(note=p) for p in found]

    def note(self, passage: str) -> Footnote:
        if passage not in self.notes:
            self.notes[passage] = Footnote(key=passage, runs=self._citation(passage), mode=Mode.GENERATED)
        return self.notes[passage]

    def shorten_repeats(self, numbered: list[Footnote]) -> None:
        """After numbering: the first note citing a document gives it in full, later ones in short form."""
        seen: set[str] = set()
        for note in numbered:
            form = self.short_forms.get(note.key)
            if form is None:
                continue
            if form[0] in seen:
                note.runs = form[1]
            seen.add(form[0])

    def _citation(self, passage: str) -> list[Run]:
        merged: Row = {}
        kinds: set[str] = set()
        for row in self.runner.rows("report-passage", passage=passage):
            kinds.add(row.get("kind", ""))
            for key, value in row.items():
                merged.setdefault(key, value)
        part = next((PARTS[k] for k in kinds if k in PARTS), None)
        if part is not None and "document" in merged:
            self.short_forms[passage] = (merged["document"], _document_part(merged, part, short=True))
            return _document_part(merged, part)
        if "accessed" in merged and "url" in merged:  # a web page
            return [Run(f"{merged.get('label', merged['url'])}. "), Run(merged["url"], href=merged["url"]),
                    Run(f" (accessed {human_date(merged['accessed'])}).")]
        if any(k in merged for k in ("doi", "handle", "url", "year", "issued")):  # a publication
            details = {k: v for k, v in merged.items() if k not in ("year", "url")}
            year = merged.get("year") or merged.get("issued", "")[:4]
            details |= ({"year": year} if year else {}) | ({"website": merged["url"]} if "url" in merged else {})
            return publication_runs(details)
        return [Run(merged.get("label", passage) + ".")]


def _unescape(text: str) -> str:
    """The lexical form of an N-Triples literal's quoted text (ECHAR and UCHAR escapes)."""
    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)",
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" and len(m.group(1)) > 1
                  else NT_ESCAPES.get(m.group(1), m.group(1)), text)


def _document_part(row: Row, part: str, short: bool = False) -> list[Run]:
    """'GSPPA: XII/2024/9, paragraph 3.', '*Title* (Twentieth Regular Session ..., item 8.4), paragraph 10.', and
    cited again: '*Progress report* (Twentieth Regular Session, item 8.4), paragraph 4.'"""
    where = part if part == "title block" else f"{part} {row.get('number', '?')}"
    if "symbol" in row:
        return [Run(row["symbol"]), Run(f", {where}.")]
    title = row.get("documentLabel", row["document"])
    meeting = row.get("meetingLabel")
    if short:
        title = head_noun(title)
        meeting = meeting.split(" of the ", 1)[0] if meeting else None
    context = ", ".join(p for p in (meeting, f"item {row['agendaItem']}" if "agendaItem" in row else None) if p)
    return [Run(title, italic=True), Run((f" ({context})" if context else "") + f", {where}.")]


__all__ = ["Passages"]
