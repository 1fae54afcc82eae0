"""Look at a SPARQL request before it runs: its form, updates, SERVICE calls and FROM graphs.

We tokenize rather than search the raw text, so a keyword inside a string, a comment or an IRI
(``"SERVICE"``, ``# LOAD``, ``<http://x/service>``) is never mistaken for the real thing, and
prefixed names (``ex:service``) and variables (``?from``) are single tokens. The engine's own
parser still has the last word on syntax; this only refuses what must never run.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from soilkg.api.problems import ApiError
from soilkg.sparqltext import IRI, Token, tokens

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


@dataclass
class Inspection:
    form: str  # SELECT, CONSTRUCT, DESCRIBE or ASK
    prefixes: dict[str, str] = field(default_factory=dict)
    services: list[str] = field(default_factory=list)
    from_graphs: list[str] = field(default_factory=list)
    from_named: list[str] = field(default_factory=list)
    from_spans: list[tuple[int, int]] = field(default_factory=list)  # where the FROM clauses are written
    needs_base: bool = False  # a relative IRI (`<s>`, `<>`) and no BASE of the query's own


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
                    "Turtle files in the repository (see CONTRIBUTING.md), never through the API.")


# Parsed texts kept for reuse: reporters and dashboards send the same query text again and again,
# and tokenizing is a visible share of the server's time per request. Bounded in count and text size.
SCAN_CACHE_SIZE = 512
SCAN_CACHE_MAX_CHARS = 16_384


@dataclass(frozen=True)
class _Named:
    """A SERVICE or FROM clause: the IRI it names (None: a variable or unknown prefix) and where it is."""

    target: str | None
    where: dict[str, int]
    named: bool = False  # FROM NAMED
    span: tuple[int, int] = (0, 0)  # the clause's characters in the text, FROM to the end of its IRI


@dataclass(frozen=True)
class _Scan:
    form: str
    prefixes: dict[str, str]
    services: tuple[_Named, ...]
    froms: tuple[_Named, ...]
    needs_base: bool


def inspect(text: str, *, allowed_services: Iterable[str] = (), known_graphs: Container[str] | None = None,
            extra_prefixes: dict[str, str] | None = None) -> Inspection:
    """The query's form and the IRIs it names; raises ApiError for what we refuse to run."""
    found = _scan_cached(text) if not extra_prefixes and len(text) <= SCAN_CACHE_MAX_CHARS else \
        _scan(text, extra_prefixes)
    result = Inspection(form=found.form, prefixes=dict(found.prefixes), needs_base=found.needs_base)
    allowed = {s.rstrip("/") for s in allowed_services}
    for service in found.services:
        _check_service(service, allowed, result)
    for clause in found.froms:
        _check_from(clause, known_graphs, result)
    return result


@lru_cache(maxsize=SCAN_CACHE_SIZE)
def _scan_cached(text: str) -> _Scan:
    return _scan(text, None)


# Words the body is read for. A token's text in upper case is a part of the whole text in upper case
# (str.upper maps each character on its own), so a text without these has no such token, and only
# its prologue and form need reading: most queries (the whole reading was a fifth of the server's
# time for each new text, profiled: bench/README.md).
BODY_WORDS = ("SERVICE", "FROM", "DATA", "BASE")
_IRI = re.compile(IRI)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")


def _scan(text: str, extra_prefixes: dict[str, str] | None) -> _Scan:
    """What the text says, whatever the server allows: form, prefixes, SERVICE and FROM clauses."""
    upper = text.upper()
    whole = any(word in upper for word in BODY_WORDS)
    toks = tokens(text, prologue_only=not whole)
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
    services: list[_Named] = []
    froms: list[_Named] = []
    for j in range(i + 1, len(toks)):
        if toks[j].kind != "word":
            continue
        word = toks[j].text.upper()
        if word in UPDATE_WORDS and word != "ADD" and j + 1 < len(toks) and toks[j + 1].text.upper() == "DATA":
            raise read_only_refusal(f"a SPARQL update ({word} DATA)")
        if word == "SERVICE":
            k = j + 2 if j + 1 < len(toks) and toks[j + 1].text.upper() == "SILENT" else j + 1
            target = _resolve(toks[k], prefixes, base) if k < len(toks) else None
            services.append(_Named(target, _line_col(text, toks[j].start)))
        elif word == "FROM":
            named = j + 1 < len(toks) and toks[j + 1].text.upper() == "NAMED"
            k = j + 2 if named else j + 1
            target = _resolve(toks[k], prefixes, base) if k < len(toks) else None
            end = toks[k].start + len(toks[k].text) if k < len(toks) else len(text)
            froms.append(_Named(target, _line_col(text, toks[j].start), named, (toks[j].start, end)))
    return _Scan(head, prefixes, tuple(services), tuple(froms), _needs_base(text, toks if whole else None))


def _needs_base(text: str, toks: list[Token] | None) -> bool:
    """A relative IRI and no BASE word (`toks`: every token, when the text has the letters of BASE).
    IRIs are found in the raw text: one inside a comment or string adds a BASE that changes nothing."""
    if toks is not None and any(t.kind == "word" and t.text.upper() == "BASE" for t in toks):
        return False
    return any(not _SCHEME.match(iri, 1) for iri in _IRI.findall(text))


def without_from(text: str, found: Inspection) -> str:
    """The query with its FROM and FROM NAMED clauses blanked out (same length, so positions in error messages
    stay right): a request that names its dataset overrides the query's (SPARQL 1.1 Protocol 2.1.4), and an
    engine that adds a request's graphs to the query's FROM instead (Virtuoso) then gets it right too."""
    for start, end in found.from_spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _check_service(service: _Named, allowed: set[str], found: Inspection) -> None:
    if service.target is None:
        raise ApiError(403, "service_refused",
                       "SERVICE must name a fixed endpoint IRI; a variable or unknown prefix is refused.",
                       dict(service.where))
    found.services.append(service.target)
    if service.target.rstrip("/") not in allowed:
        hint = (f" Allowed here: {', '.join(sorted(allowed))}." if allowed else
                " Federated queries are switched off on this server; an operator can allow trusted endpoints"
                " with `soilkg serve --allow-service agrovoc|wikidata|unsdg|URL`.")
        raise ApiError(403, "service_refused", f"SERVICE <{service.target}> is not allowed.{hint}",
                       {**service.where, "service": service.target})


def _check_from(clause: _Named, graphs: Container[str] | None, found: Inspection) -> None:
    if clause.target is None:
        raise ApiError(400, "malformed_query", "FROM must be followed by a graph IRI.", dict(clause.where))
    (found.from_named if clause.named else found.from_graphs).append(clause.target)
    found.from_spans.append(clause.span)
    if graphs is not None and clause.target not in graphs:
        raise ApiError(403, "graph_refused",
                       f"FROM{' NAMED' if clause.named else ''} <{clause.target}> is not a graph of this store; "
                       "nothing is fetched from elsewhere. List the graphs with "
                       "`SELECT DISTINCT ?g WHERE { GRAPH ?g {} }`.", {**clause.where, "graph": clause.target})

