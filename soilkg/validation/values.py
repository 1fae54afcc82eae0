"""Value rules a reviewer would expect that need Python: the ORCID iD check digit (ISO 7064 11,2),
ISO 4217 currency codes and ISO 639 language codes (pycountry). The rules SPARQL can say live in
shapes/checks/case-study-*.rq (positive area, costs not negative, reviewer other than compiler,
no start in the future, ...). Each looks only at values of the right form: a malformed value has
its own message from the shapes."""

from __future__ import annotations

import re

import pycountry
import pyoxigraph as ox
from rdflib import Literal, URIRef

from soilkg.namespaces import DCT, SKG
from soilkg.validation.context import Context, Hit
from soilkg.validation.terms import compact

ORCID = re.compile(r"^https://orcid\.org/(\d{4})-(\d{4})-(\d{4})-(\d{3}[\dX])$")
_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:-([A-Z]{2}))?$")


def orcid_check_digit(digits: str) -> str:
    """The check character of the 15 base digits of an ORCID iD (ISO 7064 MOD 11-2)."""
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def _curated(ctx: Context) -> list[str]:
    return [g for g in ctx.graphs_under("data/", "examples/") if ctx.in_scope(g)]


def orcid_checksum(ctx: Context) -> list[Hit]:
    """One finding per wrong iD per file, on the first line that uses it."""
    hits = []
    for graph in _curated(ctx):
        seen: set[str] = set()
        for quad in ctx.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            value = quad.object
            if not isinstance(value, ox.NamedNode) or value.value in seen or not (match := ORCID.match(value.value)):
                continue
            seen.add(value.value)
            body = "".join(match.groups())
            expected = orcid_check_digit(body[:15])
            if body[15] == expected:
                continue
            focus = URIRef(quad.subject.value) if isinstance(quad.subject, ox.NamedNode) else None
            hits.append(Hit("orcid-check-digit", graph, focus,
                            f"The ORCID iD <{value.value}> is not a valid iD: its last character should be "
                            f"\"{expected}\", not \"{body[15]}\" (ISO 7064 check digit), so a digit was mistyped and "
                            "the iD points to someone else or to no one. Copy the iD again from the person's ORCID "
                            "record (https://orcid.org).", path=quad.predicate.value, value=URIRef(value.value)))
    return hits


def currency_code(ctx: Context) -> list[Hit]:
    hits = []
    for graph in _curated(ctx):
        for quad in ctx.store.quads_for_pattern(None, ox.NamedNode(str(SKG.costCurrency)), None, ox.NamedNode(graph)):
            code = quad.object.value if isinstance(quad.object, ox.Literal) else ""
            if not re.fullmatch(r"[A-Z]{3}", code) or pycountry.currencies.get(alpha_3=code) is not None:
                continue  # the shape tells a malformed code
            focus = URIRef(quad.subject.value) if isinstance(quad.subject, ox.NamedNode) else None
            hits.append(Hit("currency-code", graph, focus,
                            f"\"{code}\" is not an ISO 4217 currency code. Write the code of the currency the cost was "
                            "paid in, such as \"USD\", \"EUR\", \"GHS\" or \"XOF\".",
                            path=quad.predicate.value, value=Literal(code)))
    return hits


def language_code(ctx: Context) -> list[Hit]:
    hits = []
    for graph in _curated(ctx):
        for quad in ctx.store.quads_for_pattern(None, ox.NamedNode(str(DCT.language)), None, ox.NamedNode(graph)):
            text = quad.object.value if isinstance(quad.object, ox.Literal) else ""
            if (match := _LANGUAGE.match(text)) is None:
                continue  # the shape tells a malformed code
            language, region = match.groups()
            known = (pycountry.languages.get(alpha_2=language) if len(language) == 2
                     else pycountry.languages.get(alpha_3=language))
            if known is not None and (region is None or pycountry.countries.get(alpha_2=region) is not None):
                continue
            focus = URIRef(quad.subject.value) if isinstance(quad.subject, ox.NamedNode) else None
            what = f"\"{language}\" is not an ISO 639 language code" if known is None else \
                f"\"{region}\" is not an ISO 3166-1 country code"
            hits.append(Hit("language-code", graph, focus,
                            f"`{compact(str(DCT.language))}` \"{text}\": {what}. Write the language the case study "
                            "is written in, such as \"en\", \"fr\", \"es\" or \"pt-BR\".",
                            path=quad.predicate.value, value=Literal(text)))
    return hits
