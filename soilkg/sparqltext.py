"""SPARQL text read as tokens: strings, comments and IRIs are single tokens, never searched inside.

The API's guard (soilkg.api.guard) judges a query from these tokens, and the named queries
(soilkg.queries) find where to bind their parameters with them. It sits below both, so that the
library of named queries does not depend on the API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Order matters: long strings before short ones, IRIs before the '<' operator.
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:
               (?:[\w\-\u00c0-\uffff:%.\\]*[\w\-\u00c0-\uffff:%\\])?)
  | (?P<word>[A-Za-z_][\w\-]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int


def tokens(text: str) -> list[Token]:
    """Significant tokens (no whitespace or comments)."""
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            out.append(Token(kind, match.group(), match.start()))
    return out


def where_group_offset(text: str) -> int:
    """Offset just after the '{' that opens a SELECT or ASK query's WHERE group."""
    toks = tokens(text)
    start = 0
    for n, tok in enumerate(toks):
        if tok.kind == "word" and tok.text.upper() == "WHERE":
            start = n
            break
    for tok in toks[start:]:
        if tok.text == "{":
            return tok.start + 1
    raise ValueError("the query has no WHERE group")
