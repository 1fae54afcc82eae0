"""Reporters' named queries: one ``.rq`` file each in ``server/queries/``, with a header.

Header format (SIB sparql-examples style metadata, kept in comments so the file stays a valid query)::

    # title: Publications since a date
    # description: Every publication that appeared on or after a date, with year, DOI and publisher.
    # description: (further description lines are joined)
    # param: since | xsd:date | 2024-01-01 | Only publications from this date on
    # keywords: publications, report

Each ``param`` line is ``name | datatype (xsd:... or iri) | default | description``; the query uses
``?name``. Parameters are bound as RDF terms (pyoxigraph ``substitutions``), never pasted as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from soilkg.namespaces import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Parameter:
    name: str
    datatype: str  # "iri" or an xsd: datatype such as "xsd:date"
    default: str | None
    description: str

    def term(self, value: str) -> ox.NamedNode | ox.Literal:
        """The RDF term for a user-supplied value (raises ValueError when it is not valid)."""
        if self.datatype == "iri":
            return ox.NamedNode(expand_curie(value))
        if self.datatype in ("xsd:string", "string"):
            return ox.Literal(value)
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
    """Evaluate a named SELECT query on a store, with the union of named graphs as default graph."""
    result = store.query(query.sparql, substitutions=bindings(query, values or {}),
                         use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions), f"{query.name} must be a SELECT query"
    return result
