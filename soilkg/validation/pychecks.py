"""Named checks that need Python: the file-structure and ownership rules (one file, one resource),
ISO 3166 codes (pycountry), value rules (soilkg.validation.values) and unknown or misspelt terms
(did you mean, over the ontology and well-known vocabularies)."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
from rdflib import Literal, URIRef

from soilkg.namespaces import ID, RDF_TYPE, SKG
from soilkg.validation.context import Context, Hit
from soilkg.validation.filestructure import file_structure
from soilkg.validation.ownership import ownership
from soilkg.validation.sources import statement_sources
from soilkg.validation.suggest import (
    close_countries,
    close_iris,
    country_by_text,
    did_you_mean,
    is_country_code,
    namespace_of,
    well_known_terms,
)
from soilkg.validation.terms import compact
from soilkg.validation.values import currency_code, language_code, orcid_checksum

COUNTRY = ID + "country/"
ALPHA2 = str(SKG.iso3166Alpha2)
ALPHA3 = str(SKG.iso3166Alpha3)


def _rows(ctx: Context, query: str) -> ox.QuerySolutions:
    result = ctx.store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return result


def country_code(ctx: Context) -> list[Hit]:
    """Country IRIs end in an ISO 3166-1 alpha-3 code; their code properties agree with pycountry."""
    hits = []
    rows = _rows(ctx, f"SELECT DISTINCT ?graph ?focus ?path ?value WHERE {{ GRAPH ?graph {{ ?focus ?path ?value }} "
                      f"FILTER(STRSTARTS(STR(?value), \"{COUNTRY}\") || ?path IN (<{ALPHA2}>, <{ALPHA3}>)) }}")
    for row in rows:
        graph, value, path = row["graph"].value, row["value"], row["path"].value
        if not ctx.in_scope(graph):
            continue
        focus = URIRef(row["focus"].value) if isinstance(row["focus"], ox.NamedNode) else None
        if isinstance(value, ox.NamedNode):
            code = value.value[len(COUNTRY):]
            if is_country_code(code):
                continue
            message = (f"`{compact(value.value)}` is not an ISO 3166-1 alpha-3 country code; country IRIs end in "
                       f"the three capital letters of ISO 3166-1 (such as `country:GHA`).")
            # Countries the graph already has come first: a typo is most likely one of them.
            named = country_by_text(code)
            suggestions = ([COUNTRY + named] if named else close_iris(value.value, ctx.defined(COUNTRY))
                           or [COUNTRY + c for c in close_countries(code)])
            message += did_you_mean(suggestions)
            hits.append(Hit("country-code", graph, focus, message, path=path, value=URIRef(value.value)))
        elif isinstance(value, ox.Literal):
            hits.extend(_code_literal(graph, focus, path, value.value))
    return hits


def _code_literal(graph: str, focus: URIRef | None, path: str, code: str) -> list[Hit]:
    import pycountry

    field = "alpha_2" if path == ALPHA2 else "alpha_3"
    country = None
    if code == code.upper():
        country = pycountry.countries.get(alpha_2=code) if field == "alpha_2" else pycountry.countries.get(alpha_3=code)
    if country is not None:
        if focus is not None and str(focus).startswith(COUNTRY) and field == "alpha_3" \
                and str(focus)[len(COUNTRY):] != code:
            return [Hit("country-code", graph, focus,
                        f"The alpha-3 code \"{code}\" does not match the IRI `{compact(str(focus))}`. "
                        "A country's IRI ends in its own alpha-3 code.", path=path, value=Literal(code))]
        return []
    size = 2 if field == "alpha_2" else 3
    named = country_by_text(code)
    hint = f" Did you mean \"{getattr(pycountry.countries.lookup(named), field)}\"?" if named else ""
    return [Hit("country-code", graph, focus,
                f"\"{code}\" is not an ISO 3166-1 {field.replace('_', '-')} code. Write the {size} capital "
                f"letters ISO 3166-1 gives the country.{hint}", path=path, value=Literal(code))]


def unknown_term(ctx: Context) -> list[Hit]:
    """A property or class in our namespace the ontology does not define, or a misspelt term of a
    well-known vocabulary (rdfs:lable): the triple would be kept but nothing would ever read it."""
    known = ctx.ontology_terms
    checked = set(ctx.graphs_under("data/", "examples/"))
    # One pass for the distinct terms; only the rare bad ones are then looked up where they are used.
    properties = [row["p"] for row in _rows(ctx, "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } }")]
    classes = [row["c"] for row in _rows(ctx, "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?s a ?c } }")]
    hits = []
    for terms, role in ((properties, "property"), (classes, "class")):
        for term in terms:
            if not isinstance(term, ox.NamedNode) or (problem := _term_problem(term.value, role, known)) is None:
                continue
            message, suggestions = problem
            pattern = f"?focus <{term.value}> ?o" if role == "property" else f"?focus a <{term.value}>"
            used = _rows(ctx, f"SELECT ?graph (SAMPLE(?focus) AS ?f) WHERE {{ GRAPH ?graph {{ {pattern} }} }} "
                              "GROUP BY ?graph")
            for row in used:
                graph = row["graph"].value
                if graph in checked and ctx.in_scope(graph):
                    owner = URIRef(row["f"].value) if isinstance(row["f"], ox.NamedNode) else None
                    hits.append(Hit("unknown-term", graph, owner, message,
                                    path=term.value if role == "property" else RDF_TYPE,
                                    suggestions=tuple(suggestions) if role == "property" else ()))
    return hits


def _term_problem(iri: str, role: str, known: frozenset[str]) -> tuple[str, list[str]] | None:
    if iri.startswith(str(SKG)):
        candidates: frozenset[str] = known
        where = "the ontology (ontology/*.ttl)"
    elif (namespace := namespace_of(iri)) is not None:
        candidates = well_known_terms()[namespace]
        where = f"the vocabulary <{namespace}>"
    else:
        return None
    if iri in candidates:
        return None
    message = (f"The {role} `{compact(iri)}` is not defined in {where}, so nothing reads it. "
               "Fix its spelling (names are case-sensitive).")
    if role == "property":  # by convention properties start in lower case, classes in upper case
        candidates = frozenset(c for c in candidates if c.rsplit("#", 1)[-1].rsplit("/", 1)[-1][:1].islower())
    suggestions = close_iris(iri, candidates)
    return message + did_you_mean(suggestions), suggestions


PYTHON_CHECKS: dict[str, Callable[[Context], list[Hit]]] = {
    "file-structure": file_structure,
    "ownership": ownership,
    "orcid-check-digit": orcid_checksum,
    "currency-code": currency_code,
    "language-code": language_code,
    "country-code": country_code,
    "unknown-term": unknown_term,
    "statement-sources": statement_sources,
}

