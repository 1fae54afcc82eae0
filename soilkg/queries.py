"""Reporters' named queries: one ``.rq`` file each in ``server/queries/``, with a header.

Header format (SIB sparql-examples style metadata, kept in comments so the file stays a valid query)::

    # title: Publications since a date
    # description: Every publication that appeared on or after a date, with year, DOI and publisher.
    # description: (further description lines are joined)
    # param: since | xsd:date | 2024-01-01 | Only publications from this date on
    # keywords: publications, report

Each ``param`` line is ``name | datatype (xsd:... or iri) | default | description``; the query uses
``?name``. Parameters are bound as RDF terms, never pasted as text: ``inline`` writes the terms
(serialized by pyoxigraph) in a ``VALUES`` block that opens the WHERE group, the same for the embedded
store and any other engine. So use each parameter in the query's top-level group, not only in a
sub-select; a parameter left empty stays unbound (write the query so that this means "all").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from soilkg.namespaces import PREFIXES
from soilkg.sparqltext import where_group_offset  # the tokenizer that skips strings and IRIs

# Lexical forms we check before binding, so a bad value is a clear 400 and not an empty answer.
_LEXICAL = {
    "xsd:date": (re.compile(r"^-?\d{4}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$"), "a date such as 2024-01-01"),
    "xsd:gYear": (re.compile(r"^-?\d{4}$"), "a year such as 2024"),
    "xsd:integer": (re.compile(r"^[+-]?\d+$"), "a whole number"),
    "xsd:decimal": (re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"), "a decimal number"),
    "xsd:boolean": (re.compile(r"^(true|false|1|0)$"), "true or false"),
}


# A parameter IRI must name something this graph or the web could hold: `nonsense:foo` (an unknown
# prefix read as a scheme) is refused rather than silently matching nothing.
IRI_SCHEMES = ("http://", "https://", "urn:")


def _is_calendar_date(value: str) -> bool:
    """Whether YYYY-MM-DD (with an optional zone) is a day of the calendar (2024-13-01 and 2023-02-29 are not)."""
    try:
        date.fromisoformat(value[:10].lstrip("-"))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Parameter:
    name: str
    datatype: str  # "iri" or an xsd: datatype such as "xsd:date"
    default: str | None
    description: str

    def term(self, value: str) -> ox.NamedNode | ox.Literal:
        """The RDF term for a user-supplied value (raises ValueError when it is not valid)."""
        if self.datatype == "iri":
            iri = expand_curie(value.strip())
            if not iri.startswith(IRI_SCHEMES):
                raise ValueError(f"`{self.name}` must be a full http(s) IRI or a prefixed name with a known prefix "
                                 f"(such as network:netsob, decision:cbd-cop-dec-15-28 or skg:adopts), not `{value}`")
            return ox.NamedNode(iri)  # raises ValueError for characters an IRI cannot hold
        if self.datatype in ("xsd:string", "string"):
            return ox.Literal(value)
        if self.datatype in _LEXICAL:
            pattern, hint = _LEXICAL[self.datatype]
            if not pattern.match(value.strip()):
                raise ValueError(f"`{self.name}` must be {hint}, not `{value}`")
            value = value.strip()
            if self.datatype == "xsd:date" and not _is_calendar_date(value):
                raise ValueError(f"`{self.name}` must be {hint}, not `{value}`: there is no such day")
        datatype = expand_curie(self.datatype)
        literal = ox.Literal(value, datatype=ox.NamedNode(datatype))
        return literal


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    sparql: str
    path: Path
    parameters: tuple[Parameter, ...] = ()
    keywords: tuple[str, ...] = field(default=())


def expand_curie(value: str) -> str:
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    return value


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        key, sep, value = line[1:].strip().partition(":")
        if sep:
            meta.setdefault(key.strip().lower(), []).append(value.strip())
    params = []
    for spec in meta.get("param", []):
        parts = [p.strip() for p in spec.split("|")]
        parts += [""] * (4 - len(parts))
        params.append(Parameter(parts[0], parts[1] or "xsd:string", parts[2] or None, parts[3]))
    keywords = tuple(k.strip() for k in ",".join(meta.get("keywords", [])).split(",") if k.strip())
    return NamedQuery(
        name=path.stem,
        title=" ".join(meta.get("title", [path.stem])),
        description=" ".join(meta.get("description", [])),
        sparql=text,
        path=path,
        parameters=tuple(params),
        keywords=keywords,
    )


def load_all(folder: Path) -> dict[str, NamedQuery]:
    return {q.name: q for q in (parse_query_file(p) for p in sorted(folder.glob("*.rq")))}


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def bindings(query: NamedQuery, values: dict[str, str]) -> dict[ox.Variable, Term]:
    """RDF terms for the given parameter values, falling back to each parameter's default."""
    out: dict[ox.Variable, Term] = {}
    for param in query.parameters:
        raw = values.get(param.name, param.default)
        if raw is not None and raw != "":
            out[ox.Variable(param.name)] = param.term(raw)
    return out


def run(store: ox.Store, query: NamedQuery, values: dict[str, str] | None = None) -> ox.QuerySolutions:
    """Evaluate a named SELECT query on a store, with the union of named graphs as default graph.

    Parameters are bound by ``inline`` (as over HTTP): pyoxigraph's ``substitutions`` only accepts
    variables that the query projects, which a GROUP BY query with a filter parameter does not.
    """
    result = store.query(inline(query, values or {}), use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions), f"{query.name} must be a SELECT query"
    return result

def inline(query: NamedQuery, values: dict[str, str]) -> str:
    """The query text with its parameters bound by a VALUES block opening the WHERE group.

    The terms are written by pyoxigraph from RDF term objects (N-Triples syntax, escaped), so a
    parameter value can never change the query's structure.
    """
    bound = bindings(query, values)
    if not bound:
        return query.sparql
    at = where_group_offset(query.sparql)
    names = " ".join(str(v) for v in bound)
    terms = " ".join(str(t) for t in bound.values())
    return f"{query.sparql[:at]} VALUES ({names}) {{ ({terms}) }} {query.sparql[at:]}"
