"""Read a document's text (plain text or Markdown) into its parts: the title block, the numbered
paragraphs with their section headings, and the footnotes with the paragraph each is called from.
`soilkg new source` writes these parts as data/document/<slug>.ttl.

What the parser understands (the layout of UN meeting documents, as text or Markdown):
- the title block: every line before the table of contents or the first section heading (or the
  first paragraph); a Markdown `# Title` there is the document's title;
- a table of contents (a "TABLE OF CONTENTS" line, then entries ending in paragraph or page numbers):
  skipped, but its entries give the section headings their printed capitalisation;
- section headings: `I. INTRODUCTION`, `A. Monitoring` or Markdown `## ...`;
- numbered paragraphs `1. text`, running over several lines and on after a footnote block at a page
  break (the parts are joined with one space);
- footnotes `¹ text` (superscript digits), Markdown `[^1]: text`, or plain `1 text` lines after a rule
  (`---`, `___`); footnote marks in the text as superscript digits, `[^1]` or `<sup>1</sup>`.

Texts are normalised as data/README.md says: footnote marks removed, italics markers removed, and the
`<...>` around URLs removed. Anything the parser cannot place is an error with its line, never dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from soilkg.errors import SoilkgError

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

_PARAGRAPH = re.compile(r"^(\d{1,4})\.\s+(\S.*)$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_NUMBERED_HEADING = re.compile(r"^((?:[IVXLC]+|[A-Z])\.\s+\S.{0,150})$")
_TOC_START = re.compile(r"^(table\s+of\s+)?contents$", re.IGNORECASE)
_TOC_ENTRY = re.compile(r"^(.+?)[\s.]+\d+(\s*[–-]\s*\d+)?$")
_TOC_LABEL = re.compile(r"^(paragraphs?|pages?)$", re.IGNORECASE)
_RULE = re.compile(r"^(-{3,}|_{3,}|\*{3,})$")
_FOOTNOTE_SUPERSCRIPT = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(\S.*)$")
_FOOTNOTE_MARKDOWN = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_FOOTNOTE_PLAIN = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_MARK = re.compile(rf"[{SUPERSCRIPT_DIGITS}]+|\[\^(\d+)\]|<sup>\s*(\d+)\s*</sup>")
_ITALICS = (re.compile(r"\*\*([^*\n]+?)\*\*"), re.compile(r"\*([^*\n]+?)\*"),
            re.compile(r"(?<![\w])_([^_\n]+?)_(?![\w])"))
_ANGLE_URL = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")


# A heading or line that speaks about the document rather than naming it: never its title.
_NOT_TITLE = re.compile(r"\b(disclaimer|notice|note to (the )?readers?|not an? (real|official)|made up|"
                        r"do not (cite|copy)|for (official|internal) use|restricted|confidential|distribution|"
                        r"original\s*:|table of contents)\b", re.IGNORECASE)
# The heading's other lines: the session, the place and dates, the agenda item, the symbol.
_NOT_TITLE_LINE = re.compile(r"(^item\s+\d|session$|\d{4}$|^[A-Z]+(/[A-Z0-9.]+)+$)", re.IGNORECASE)


def _is_title(line: str) -> bool:
    return bool(line.strip()) and not _NOT_TITLE.search(line) and not line.rstrip().endswith((".", ":"))


def document_title(headings: list[str], block: list[str]) -> str:
    """The document's title: its first Markdown heading that names it (a disclaimer or notice heading does
    not), else the last line of its heading block that is not a disclaimer, a session, a place and date or
    an agenda item; else the last line."""
    for heading in headings:
        if _is_title(heading):
            return heading
    for line in reversed(block):
        if _is_title(line) and not _NOT_TITLE_LINE.search(line.strip()):
            return line
    return block[-1]


@dataclass
class Passage:
    """A numbered paragraph or footnote: its number, normalised text and the line it starts on."""

    number: int
    line: int
    parts: list[str] = field(default_factory=list)
    section: str = ""  # paragraphs: the heading they stand under
    marks: list[tuple[int, int]] = field(default_factory=list)  # paragraphs: (footnote number, line)

    @property
    def text(self) -> str:
        return normalise(" ".join(p.strip() for p in self.parts if p.strip()))

    @property
    def footnotes(self) -> list[int]:
        """The footnotes this paragraph calls, in order, each once."""
        return list(dict.fromkeys(number for number, _line in self.marks))


@dataclass
class SourceText:
    title_block: list[str]  # the heading, line by line
    title: str  # a Markdown `# Title` of the title block, else its last line
    paragraphs: list[Passage]
    footnotes: list[Passage]
    called_from: dict[int, int]  # footnote number -> number of the paragraph carrying its mark

    @property
    def agenda_item(self) -> str:
        """The agenda item the heading names ("Item 8.4 of the Provisional Agenda"), or ""."""
        for line in self.title_block:
            match = re.match(r"^item\s+(\d+(?:\.\d+)*)\s+of\s+the\s+", line, re.IGNORECASE)
            if match:
                return match.group(1)
        return ""


def unmarked(text: str) -> str:
    """The text without footnote marks, italics markers and <...> around URLs; spacing as written."""
    text = _MARK.sub("", text)
    for pattern in _ITALICS:
        text = pattern.sub(r"\1", text)
    return _ANGLE_URL.sub(r"\1", text)


def normalise(text: str) -> str:
    """The data's verbatim convention: `unmarked`, with runs of spaces and tabs as one space."""
    return re.sub(r"[ \t]+", " ", unmarked(text)).strip()


def _marks(text: str) -> list[int]:
    found = []
    for match in _MARK.finditer(text):
        digits = match.group(1) or match.group(2) or match.group(0).translate(_FROM_SUPERSCRIPT)
        found.append(int(digits))
    return found


def _heading(line: str) -> str | None:
    markdown = _MD_HEADING.match(line)
    if markdown:
        return markdown.group(2).strip()
    numbered = _NUMBERED_HEADING.match(line)
    if numbered and not line.rstrip().endswith((".", ",", ";", ":")):
        return numbered.group(1).strip()
    return None


class _Reader:
    """One pass over the body (after the title block and the table of contents)."""

    def __init__(self, name: str, lines: list[str], toc: dict[str, str]) -> None:
        self.name = name
        self.lines = lines
        self.toc = toc
        self.paragraphs: list[Passage] = []
        self.footnotes: dict[int, Passage] = {}
        self.section = ""
        self.paragraph: Passage | None = None  # the paragraph text continues into
        self.footnote: Passage | None = None  # the footnote a directly following line continues
        self.after_rule = False  # plain "1 text" footnotes only after a rule line

    def fail(self, line: int, message: str) -> SoilkgError:
        return SoilkgError(f"{self.name}:{line}: {message}", exit_code=2)

    def read(self, start: int) -> None:
        blank_before = False
        for index in range(start, len(self.lines)):
            number = index + 1
            raw = self.lines[index]
            line = raw.strip()
            if not line:
                blank_before = True
                continue
            continued = self.footnote is not None and (not blank_before or raw[:1] in (" ", "\t"))
            blank_before = False
            if self._footnote(line, number):
                continue
            if continued and self.footnote is not None:
                self.footnote.parts.append(line)
                continue
            self.footnote = None
            if _RULE.match(line):
                self.after_rule = True
                continue
            heading = _heading(line)
            if heading is not None and not _PARAGRAPH.match(line):
                self.section = self.toc.get(_key(heading), heading)
                self.paragraph, self.after_rule = None, False
                continue
            paragraph = _PARAGRAPH.match(line)
            if paragraph:
                self._paragraph(int(paragraph.group(1)), paragraph.group(2), number)
                continue
            if self.paragraph is None:
                raise self.fail(number, f"this text is not inside a numbered paragraph: \"{line[:60]}\". Number "
                                        "it (\"4. ...\"), make it a heading (\"II. FAO ACTIVITIES\" or \"## ...\"), "
                                        "or delete it if it is not part of the document.")
            # A paragraph running on, possibly after a footnote block at a page break.
            self.after_rule = False
            self.paragraph.parts.append(line)
            self.paragraph.marks.extend((mark, number) for mark in _marks(line))

    def _footnote(self, line: str, number: int) -> bool:
        match = (_FOOTNOTE_MARKDOWN.match(line) or _FOOTNOTE_SUPERSCRIPT.match(line)
                 or (_FOOTNOTE_PLAIN.match(line) if self.after_rule else None))
        if match is None:
            return False
        fn = int(match.group(1).translate(_FROM_SUPERSCRIPT))
        if fn in self.footnotes:
            raise self.fail(number, f"footnote {fn} is given twice (first on line {self.footnotes[fn].line}). "
                                    "Renumber or remove one of them.")
        self.footnote = self.footnotes[fn] = Passage(fn, number, [match.group(2)])
        return True

    def _paragraph(self, n: int, text: str, number: int) -> None:
        seen = {p.number: p for p in self.paragraphs}
        if n in seen:
            raise self.fail(number, f"paragraph {n} is numbered twice (first on line {seen[n].line}). "
                                    "Correct the number of one of them.")
        if self.paragraphs and n != self.paragraphs[-1].number + 1:
            previous = self.paragraphs[-1].number
            raise self.fail(number, f"paragraph {n} follows paragraph {previous}: paragraphs are numbered one "
                                    f"after another. Is paragraph {previous + 1} missing from the text, or is "
                                    "this line a numbered list inside a paragraph (write it as \"(a) ...\")?")
        self.paragraph = Passage(n, number, [text], section=self.section,
                                 marks=[(mark, number) for mark in _marks(text)])
        self.paragraphs.append(self.paragraph)
        self.footnote, self.after_rule = None, False


def _key(heading: str) -> str:
    return re.sub(r"\s+", " ", heading).strip().casefold()


def _title_end(lines: list[str], first_paragraph: int) -> int:
    """Where the title block ends: at the table of contents, or at the headings just above paragraph 1."""
    for index in range(first_paragraph):
        if _TOC_START.match(lines[index].strip()):
            return index
    end = first_paragraph
    index = first_paragraph - 1
    while index >= 0:
        line = lines[index].strip()
        if line and _heading(line) is None:
            break
        if line:
            end = index
        index -= 1
    return end


def _table_of_contents(lines: list[str], start: int) -> tuple[dict[str, str], int]:
    """The entries of a table of contents starting at `start` (its title line), and where the body starts."""
    if start >= len(lines) or not _TOC_START.match(lines[start].strip()):
        return {}, start
    entries: dict[str, str] = {}
    index = start + 1
    while index < len(lines):
        line = lines[index].strip()
        entry = _TOC_ENTRY.match(line)
        if line and not _TOC_LABEL.match(line) and entry is None:
            break
        if entry is not None:
            title = re.sub(r"\s+", " ", entry.group(1)).strip()
            entries[_key(title)] = title
        index += 1
    return entries, index


def parse_source_text(text: str, name: str = "the text") -> SourceText:
    """The parts of a document's text; SoilkgError (exit code 2) naming `name`:line when it cannot."""
    lines = text.lstrip("\ufeff").splitlines()
    first = next((i for i, line in enumerate(lines) if _PARAGRAPH.match(line.strip())), None)
    if first is None:
        raise SoilkgError(f"{name}: no numbered paragraphs found. Each paragraph of the document starts on its "
                          "own line with its number and a full stop: \"1. The International Initiative ...\".",
                          exit_code=2)
    title_end = _title_end(lines, first)
    toc, body = _table_of_contents(lines, title_end)
    block = [_MD_HEADING.sub(r"\2", line.strip()) for line in lines[:title_end] if line.strip()]
    headings = [m.group(2).strip() for line in lines[:title_end] if (m := _MD_HEADING.match(line.strip()))
                and len(m.group(1)) == 1]
    reader = _Reader(name, lines, toc)
    reader.read(body)
    title_marks = {mark for line in block for mark in _marks(line)}
    called_from: dict[int, int] = {}
    for paragraph in reader.paragraphs:
        for mark, line in paragraph.marks:
            if mark not in reader.footnotes:
                raise reader.fail(line, f"paragraph {paragraph.number} has the footnote mark {mark}, but the text "
                                        f"has no footnote {mark}. Add the footnote (\"{_superscript(mark)} ...\" or "
                                        f"\"[^{mark}]: ...\"), or remove the mark.")
            called_from.setdefault(mark, paragraph.number)
    for number, footnote in sorted(reader.footnotes.items()):
        if number not in called_from and number not in title_marks:
            raise reader.fail(footnote.line, f"footnote {number} is called from no paragraph: no paragraph carries "
                                             f"its mark ({_superscript(number)} or [^{number}]). Add the mark "
                                             "where the footnote is called, or remove the footnote.")
    if not block:
        raise SoilkgError(f"{name}: no title block before the first paragraph. Keep the document's heading "
                          "(organisation, body, agenda item, session, title) at the top of the text.", exit_code=2)
    return SourceText(
        # The printed heading with its table of contents (tabs kept, as the text lays it out).
        title_block=[normalise(line) for line in block] + [unmarked(line.rstrip()) for line in lines[title_end:body]
                                                           if line.strip()],
        title=normalise(document_title(headings, block)),
        paragraphs=reader.paragraphs,
        footnotes=[reader.footnotes[n] for n in sorted(reader.footnotes)],
        called_from=called_from,
    )


def _superscript(number: int) -> str:
    return "".join(SUPERSCRIPT_DIGITS[int(d)] for d in str(number))
