"""Find the line where a resource (and one of its properties) is written in a Turtle file.

Parsers drop positions, so we read the file as text. Our files are written one statement
block per subject, subject at column 0 and properties indented below it, which makes the
position of every subject and predicate recoverable without a second parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_PREFIX = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)
_BASE = re.compile(r"^\s*(?:@base|BASE)\s+<([^>]*)>", re.IGNORECASE)
_TERM = re.compile(r"<[^>\s]*>|[A-Za-z][\w.-]*:[^\s;,.()\[\]]*(?:\.[^\s;,()\[\]]+)*|:[^\s;,.()\[\]]+|\ba\b")

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass
class LineIndex:
    """Subject IRI -> first line; (subject, predicate) -> first line. Lines count from 1."""

    subjects: dict[str, int] = field(default_factory=dict)
    predicates: dict[tuple[str, str], int] = field(default_factory=dict)

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
            continue
        if match := _BASE.match(line):
            base = match.group(1)
            continue
        starts_at_margin = not line[0].isspace()
        tokens = _TERM.findall(line)
        if not tokens:
            continue
        if starts_at_margin and not line.startswith(("[", "(", '"')):
            subject = expand(tokens[0], prefixes, base)
            if subject is not None:
                index.subjects.setdefault(subject, number)
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


_cache: dict[tuple[str, int, int], LineIndex] = {}


def index_file(path: Path) -> LineIndex:
    """The line index of a file, cached by (path, size, mtime) so repeated look-ups are free."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _cache:
        _cache[key] = index_text(path.read_text(encoding="utf-8", errors="replace"))
    return _cache[key]
