"""SPARQL text read as tokens: strings, comments and IRIs are single tokens, never searched inside.

The API's guard (soilkg.api.guard) judges a query from these tokens, and the named queries
(soilkg.queries) find where to bind their parameters with them. It sits below both, so that the
library of named queries does not depend on the API.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Order matters: long strings before short ones, IRIs before the '<' operator.
IRI = r"<[^<>\"{}|^`\\\x00-\x20]*>"
# One match per significant token: whitespace and comments are skipped inside the match (finditer
# steps and match objects are most of the cost of reading a query), and `end` ends the text.
_TOKEN = re.compile(
    r"""
    (?:\s+|\#[^\n\r]*)*
    (?:
      (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    | (?P<iri>""" + IRI + r""")
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<pname>(?:[A-Za-z\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*)?:
               (?:[\w\-\u00c0-\uffff:%.\\]*[\w\-\u00c0-\uffff:%\\])?)
    | (?P<word>[A-Za-z_][\w\-]*)
    | (?P<other>.)
    | (?P<end>\Z)
    )
    """,
    re.VERBOSE | re.DOTALL,
)
_KIND = {index: name for name, index in _TOKEN.groupindex.items()}
PROLOGUE_WORDS = ("PREFIX", "BASE")


class Token(NamedTuple):
    kind: str  # string, iri, var, pname, word or other
    text: str
    start: int


def tokens(text: str, *, prologue_only: bool = False) -> list[Token]:
    """Significant tokens (no whitespace or comments). `prologue_only`: stop after the first word
    that is not PREFIX or BASE (the query form, for a query), for readers that need only the head."""
    out = []
    for match in _TOKEN.finditer(text):
        index = match.lastindex or 0
        kind = _KIND[index]
        if kind == "end":
            break
        token = Token(kind, match.group(index), match.start(index))
        out.append(token)
        if prologue_only and kind == "word" and token.text.upper() not in PROLOGUE_WORDS:
            break
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
