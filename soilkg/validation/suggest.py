""""Did you mean ...": close matches for mistyped IRIs, ontology terms and countries."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import cache

import pycountry
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

from soilkg.namespaces import ID
from soilkg.validation.terms import compact

# Vocabularies whose terms rdflib lists in full: a predicate in one of these namespaces that the
# list does not hold is a typo (rdfs:lable, skos:prefLable), not a new term.
WELL_KNOWN = (RDF, RDFS, OWL, SKOS, DCTERMS, PROV, FOAF, ORG, DCAT, SDO, XSD)


@cache
def well_known_terms() -> dict[str, frozenset[str]]:
    """Namespace IRI -> every term rdflib knows in it."""
    return {str(ns._NS): frozenset(str(term) for term in dir(ns)) for ns in WELL_KNOWN}


def namespace_of(iri: str) -> str | None:
    for namespace in well_known_terms():
        if iri.startswith(namespace):
            return namespace
    return None


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def close_iris(wrong: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """Candidates close to `wrong`, compared on what follows the namespace (the part people type)."""
    by_local: dict[str, list[str]] = {}
    for iri in candidates:
        if iri != wrong:
            by_local.setdefault(_local(iri).lower(), []).append(iri)
    matches = difflib.get_close_matches(_local(wrong).lower(), list(by_local), n=limit, cutoff=0.6)
    return [iri for local in matches for iri in by_local[local]][:limit]


def same_kind(iri: str, candidates: Iterable[str]) -> list[str]:
    """Candidates in the same folder (kind) as a resource IRI of ours."""
    if not iri.startswith(ID):
        return list(candidates)
    folder = iri[: iri.rfind("/") + 1]
    return [c for c in candidates if c.startswith(folder)]


def country_by_text(text: str) -> str | None:
    """The alpha-3 code of a country named or coded by `text` ("Ghana", "GH", "GHA"), if any."""
    try:
        country = pycountry.countries.lookup(text.strip())
    except LookupError:
        return None
    return str(country.alpha_3)


def is_country_code(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code.upper()) is not None and code == code.upper()


def close_countries(code: str) -> list[str]:
    """Alpha-3 codes that differ from `code` by one typed character, most plausible first."""
    codes = [str(c.alpha_3) for c in pycountry.countries]
    return difflib.get_close_matches(code.upper(), codes, n=3, cutoff=0.6)


def missing_country(iri: str) -> str | None:
    """For an undefined `country:KEN` whose code is a real ISO 3166-1 alpha-3 code: the command that
    adds it (the message gives the fix, bioregistry style). None for anything else."""
    country_ns = ID + "country/"
    code = iri[len(country_ns):] if iri.startswith(country_ns) else ""
    country = pycountry.countries.get(alpha_3=code) if code == code.upper() else None
    if country is None:
        return None
    name = country.name
    return (f"`country:{code}` ({name}) is used here, but no file defines it: the source document does not name "
            f"this country. To add it, run `soilkg new country {code}` (it writes data/country/{code}.ttl from "
            "ISO 3166-1).")


def did_you_mean(iris: list[str]) -> str:
    if not iris:
        return ""
    return " Did you mean " + " or ".join(f"`{compact(i)}`" for i in iris) + "?"


_PART = re.compile(r"/(p|fn)(\d+)$")


def parts_summary(part: str, candidates: Iterable[str]) -> str:
    """For a paragraph or footnote IRI that does not exist: what its document has, such as "its
    document has paragraphs 1-8 and footnotes 1-3" ("" when `part` is not a document part)."""
    if not _PART.search(part):
        return ""
    owner = part[: part.rfind("/") + 1]
    numbers: dict[str, list[int]] = {"p": [], "fn": []}
    for iri in candidates:
        match = _PART.search(iri)
        if match and iri.startswith(owner) and "/" not in iri[len(owner):] and int(match.group(2)) > 0:
            numbers[match.group(1)].append(int(match.group(2)))
    said = [f"{noun} {min(found)}–{max(found)}" if len(found) > 1 else f"{noun[:-1]} {found[0]}"
            for noun, found in (("paragraphs", numbers["p"]), ("footnotes", numbers["fn"])) if found]
    return f"its document has {' and '.join(said)}" if said else "its document has no such parts"

