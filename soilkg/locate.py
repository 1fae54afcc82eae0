"""Find the line where a resource (and one of its properties) is written in a Turtle file.

Parsers drop positions, so we read the file as text. Our files are written one statement
block per subject, subject at column 0 and properties indented below it, which makes the
position of every subject and predicate recoverable without a second parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from soilkg.namespaces import RDF_TYPE
from soilkg.sourcefile import read_lenient

_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)
_BASE = re.compile(r"^\s*(?:@base|BASE)\s+<([^>]*)>", re.IGNORECASE)
_TERM = re.compile(r"<[^>\s]*>|[A-Za-z][\w.-]*:[^\s;,.()\[\]]*(?:\.[^\s;,()\[\]]+)*|:[^\s;,.()\[\]]+|\ba\b")



_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|<[^>\s]*>')
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'')


@dataclass
class Frame:
    """A blank node written inline, `subject predicate [ ... ]` (such as one impact of a case study):
    where it opens, the lines of its own properties, and the IRIs and texts it holds (to tell which
    of several blank nodes under the same predicate a store's blank node is)."""

    subject: str
    predicate: str
    line: int
    predicates: dict[str, int] = field(default_factory=dict)
    terms: set[str] = field(default_factory=set)


@dataclass
class LineIndex:
    """Subject IRI -> first line; (subject, predicate) -> first line; inline blank nodes in file
    order. Lines count from 1."""

    subjects: dict[str, int] = field(default_factory=dict)
    predicates: dict[tuple[str, str], int] = field(default_factory=dict)
    frames: list[Frame] = field(default_factory=list)
    # Namespace IRI -> line of the @prefix that declares it; lines of subjects written as blank
    # nodes at the margin (`[ a skg:CaseStudy ...` or `_:x a ...`), in file order.
    prefix_lines: dict[str, int] = field(default_factory=dict)
    anonymous_subjects: list[int] = field(default_factory=list)
    first_statement: int | None = None

    def blank_node_line(self, subject: str, predicate: str, holds: set[str], inner: str | None = None) -> int | None:
        """The line of the blank node under `subject predicate [ ... ]` that best matches `holds` (the
        IRIs and texts the blank node has); its `inner` property's line when given and written there.
        None when the file writes no such blank node (then fall back to the predicate's line)."""
        frames = [f for f in self.frames if f.subject == subject and f.predicate == predicate]
        if not frames:
            return None
        best = max(frames, key=lambda f: len(f.terms & holds))  # the first of equals: file order
        return best.predicates.get(inner, best.line) if inner is not None else best.line

    def line_of(self, subject: str | None, predicate: str | None = None) -> int | None:
        if subject is None:
            return None
        if predicate is not None and (subject, predicate) in self.predicates:
            return self.predicates[(subject, predicate)]
        return self.subjects.get(subject)


def expand(term: str, prefixes: dict[str, str], base: str = "") -> str | None:
    """A Turtle term as an IRI, or None when it is not an IRI (literal, blank node, keyword)."""
    if term == "a":
        return RDF_TYPE
    if term.startswith("<") and term.endswith(">"):
        inner = term[1:-1]
        return inner if ":" in inner or not base else base + inner
    if ":" in term and not term.startswith(("_:", '"', "'")):
        prefix, _, local = term.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local.replace("\\", "")
    return None


def index_text(text: str) -> LineIndex:
    prefixes: dict[str, str] = {}
    base = ""
    index = LineIndex()
    subject: str | None = None
    in_long_string = False
    depth = 0  # of inline blank nodes `[ ... ]`
    current: str | None = None  # the subject's predicate a `[` opened now belongs to
    frame: Frame | None = None  # the inline blank node being read
    for number, raw in enumerate(text.splitlines(), start=1):
        # Skip the inside of triple-quoted literals: their lines are not statements.
        if raw.count('"""') % 2 == 1 or raw.count("'''") % 2 == 1:
            was_inside = in_long_string
            in_long_string = not in_long_string
            if was_inside:
                continue
        elif in_long_string:
            continue
        line = raw.split(" #", 1)[0] if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        if match := _PREFIX.match(line):
            prefixes[match.group(1) or ""] = match.group(2)
            index.prefix_lines.setdefault(match.group(2), number)
            continue
        if match := _BASE.match(line):
            base = match.group(1)
            continue
        starts_at_margin = not line[0].isspace()
        if index.first_statement is None:
            index.first_statement = number
        if starts_at_margin and line.startswith(("[", "_:")):
            index.anonymous_subjects.append(number)
        tokens = _TERM.findall(line)
        named_subject = starts_at_margin and bool(tokens) and not line.startswith(("[", "(", '"'))
        if starts_at_margin:
            depth, frame, current = 0, None, None
        if named_subject:
            subject = expand(tokens[0], prefixes, base)
            if subject is not None:
                index.subjects.setdefault(subject, number)
        leading = _leading_predicate(line, tokens, starts_at_margin, prefixes, base)
        if frame is not None:
            _note(frame, number, line, tokens, leading, prefixes, base)
        elif leading is not None:
            current = leading
        owner = subject if named_subject or not starts_at_margin else None  # `[ ... ]` as a subject: not ours
        depth, frame = _brackets(index, _QUOTED.sub('""', line), number, depth, frame, owner, current)
        if frame is not None and frame.line == number:
            _note(frame, number, line, tokens, None, prefixes, base)
        if not tokens:
            continue
        if named_subject:
            tokens = tokens[1:]
        elif starts_at_margin:
            continue
        if subject is None or not tokens:
            continue
        stripped = line.lstrip()
        # An indented line opens with a predicate unless it continues an object list.
        if not starts_at_margin and stripped[0] in "\"'0123456789-+[(":
            continue
        predicate = expand(tokens[0], prefixes, base)
        if predicate is not None:
            index.predicates.setdefault((subject, predicate), number)
    return index


def _leading_predicate(line: str, tokens: list[str], starts_at_margin: bool, prefixes: dict[str, str],
                       base: str) -> str | None:
    """The predicate a line opens with (after the subject on a subject's first line), if any."""
    stripped = line.lstrip()
    if not tokens or stripped[0] in "\"'0123456789-+[(]":
        return None
    position = 1 if starts_at_margin else 0
    return expand(tokens[position], prefixes, base) if len(tokens) > position else None


def _brackets(index: LineIndex, bare: str, number: int, depth: int, frame: Frame | None, subject: str | None,
              current: str | None) -> tuple[int, Frame | None]:
    """Follow `[` and `]` outside texts and IRIs (`bare` has them blanked out); a `[` at depth 0
    opens a new blank node of `subject current`."""
    for char in bare:
        if char == "[":
            depth += 1
            if depth == 1 and subject is not None and current is not None:
                frame = Frame(subject, current, number)
                index.frames.append(frame)
        elif char == "]" and depth > 0:
            depth -= 1
            if depth == 0:
                frame = None
    return depth, frame


def _note(frame: Frame, number: int, line: str, tokens: list[str], leading: str | None,
          prefixes: dict[str, str], base: str) -> None:
    """Record a line inside a blank node: its property's line, the IRIs and texts it holds."""
    if leading is not None:
        frame.predicates.setdefault(leading, number)
    frame.terms.update(iri for t in tokens if (iri := expand(t, prefixes, base)) is not None)
    frame.terms.update(a or b for a, b in _STRING.findall(line))


_cache: dict[tuple[str, int, int], LineIndex] = {}


def index_file(path: Path) -> LineIndex:
    """The line index of a file, cached by (path, size, mtime) so repeated look-ups are free."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _cache:
        _cache[key] = index_text(read_lenient(path))
    return _cache[key]
