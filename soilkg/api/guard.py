"""Look at a SPARQL request before it runs: its form, updates, SERVICE calls and FROM graphs.

We tokenize rather than search the raw text, so a keyword inside a string, a comment or an IRI
(``"SERVICE"``, ``# LOAD``, ``<http://x/service>``) is never mistaken for the real thing, and
prefixed names (``ex:service``) and variables (``?from``) are single tokens. The engine's own
parser still has the last word on syntax; this only refuses what must never run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from soilkg.api.problems import ApiError

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

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int


@dataclass
class Inspection:
    form: str  # SELECT, CONSTRUCT, DESCRIBE or ASK
    prefixes: dict[str, str] = field(default_factory=dict)
    services: list[str] = field(default_factory=list)
    from_graphs: list[str] = field(default_factory=list)
    from_named: list[str] = field(default_factory=list)


def tokens(text: str) -> list[Token]:
    """Significant tokens (no whitespace or comments)."""
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind not in ("ws", "comment"):
            out.append(Token(kind, match.group(), match.start()))
    return out


def _line_col(text: str, offset: int) -> dict[str, int]:
    before = text[:offset]
    return {"line": before.count("\n") + 1, "column": offset - (before.rfind("\n") + 1) + 1}


def _resolve(token: Token, prefixes: dict[str, str], base: str) -> str | None:
    if token.kind == "iri":
        inner = token.text[1:-1]
        return inner if (":" in inner or not base) else base + inner
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else None
    return None


def read_only_refusal(what: str) -> ApiError:
    return ApiError(403, "read_only",
                    f"This endpoint is read-only: {what} is refused. The data is changed by editing the "
                    "Turtle files in the repository (see CONTRIBUTING), never through the API.")


def inspect(text: str, *, allowed_services: Iterable[str] = (), known_graphs: Iterable[str] | None = None,
            extra_prefixes: dict[str, str] | None = None) -> Inspection:
    """The query's form and the IRIs it names; raises ApiError for what we refuse to run."""
    toks = tokens(text)
    prefixes: dict[str, str] = dict(extra_prefixes or {})
    base = ""
    i = 0
    # Prologue: BASE and PREFIX declarations.
    while i < len(toks) and toks[i].text.upper() in ("PREFIX", "BASE"):
        if toks[i].text.upper() == "BASE" and i + 1 < len(toks) and toks[i + 1].kind == "iri":
            base = toks[i + 1].text[1:-1]
            i += 2
        elif i + 2 < len(toks) and toks[i + 1].kind == "pname" and toks[i + 2].kind == "iri":
            prefixes[toks[i + 1].text[:-1]] = toks[i + 2].text[1:-1]
            i += 3
        else:
            break
    if i >= len(toks):
        raise ApiError(400, "malformed_query", "The query is empty: write SELECT, CONSTRUCT, DESCRIBE or ASK.")
    head = toks[i].text.upper()
    if head in UPDATE_WORDS:
        raise read_only_refusal(f"a SPARQL update ({head})")
    if toks[i].kind != "word" or head not in QUERY_FORMS:
        raise ApiError(400, "malformed_query",
                       f"Expected SELECT, CONSTRUCT, DESCRIBE or ASK, found `{toks[i].text}`.",
                       _line_col(text, toks[i].start))
    found = Inspection(form=head, prefixes=prefixes)
    allowed = {s.rstrip("/") for s in allowed_services}
    graphs = set(known_graphs) if known_graphs is not None else None
    for j in range(i + 1, len(toks)):
        word = toks[j].text.upper() if toks[j].kind == "word" else ""
        if word in UPDATE_WORDS and word != "ADD" and j + 1 < len(toks) and toks[j + 1].text.upper() == "DATA":
            raise read_only_refusal(f"a SPARQL update ({word} DATA)")
        if word == "SERVICE":
            _check_service(text, toks, j, prefixes, base, allowed, found)
        elif word == "FROM":
            _check_from(text, toks, j, prefixes, base, graphs, found)
    return found


def _check_service(text: str, toks: list[Token], j: int, prefixes: dict[str, str], base: str,
                   allowed: set[str], found: Inspection) -> None:
    k = j + 1
    if k < len(toks) and toks[k].text.upper() == "SILENT":
        k += 1
    where = _line_col(text, toks[j].start)
    target = _resolve(toks[k], prefixes, base) if k < len(toks) else None
    if target is None:
        raise ApiError(403, "service_refused",
                       "SERVICE must name a fixed endpoint IRI; a variable or unknown prefix is refused.", where)
    found.services.append(target)
    if target.rstrip("/") not in allowed:
        hint = (f" Allowed here: {', '.join(sorted(allowed))}." if allowed else
                " Federated queries are switched off on this server; an operator can allow trusted endpoints"
                " with `soilkg serve --allow-service agrovoc|wikidata|unsdg|URL`.")
        raise ApiError(403, "service_refused", f"SERVICE <{target}> is not allowed.{hint}",
                       {**where, "service": target})


def _check_from(text: str, toks: list[Token], j: int, prefixes: dict[str, str], base: str,
                graphs: set[str] | None, found: Inspection) -> None:
    k = j + 1
    named = k < len(toks) and toks[k].text.upper() == "NAMED"
    if named:
        k += 1
    target = _resolve(toks[k], prefixes, base) if k < len(toks) else None
    where = _line_col(text, toks[j].start)
    if target is None:
        raise ApiError(400, "malformed_query", "FROM must be followed by a graph IRI.", where)
    (found.from_named if named else found.from_graphs).append(target)
    if graphs is not None and target not in graphs:
        raise ApiError(403, "graph_refused",
                       f"FROM{' NAMED' if named else ''} <{target}> is not a graph of this store; nothing is "
                       "fetched from elsewhere. List the graphs with "
                       "`SELECT DISTINCT ?g WHERE { GRAPH ?g {} }`.", {**where, "graph": target})


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
