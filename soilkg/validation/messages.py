"""SHACL results rewritten for people: the shape's own sh:message, then what was found instead,
then "did you mean" when a close, existing alternative is known."""

from __future__ import annotations

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH, SKOS
from rdflib.term import Node

from soilkg.namespaces import SKG
from soilkg.urls import is_ours
from soilkg.validation.context import Context
from soilkg.validation.suggest import close_iris, country_by_text, did_you_mean
from soilkg.validation.terms import compact, describe

COUNTRY_NS = "https://w3id.org/soilkg/id/country/"


def default_message(component: Node | None, path: Node | None) -> str:
    """For constraints whose shape lacks sh:message (every shape of ours has one; tests enforce it)."""
    name = compact(str(component)).replace("sh:", "").replace("ConstraintComponent", "") if component else "SHACL"
    where = f"`{compact(str(path))}`" if isinstance(path, URIRef) else "this resource"
    return f"{where} breaks the {name} constraint of its shape."


def rewrite(message: str, *, component: Node | None, shape: Node | None, value: Node | None,
            focus: Node | None, shapes: Graph, data: Graph, ctx: Context) -> str:
    text = message.strip()
    if value is None or value == focus:
        return text if text.endswith((".", "?", "!")) else text + "."
    text = text.rstrip(". ") + f"; got {describe(value)}"
    expected = shapes.value(shape, SH["class"]) if shape is not None else None
    if component == SH.ClassConstraintComponent and isinstance(expected, URIRef):
        return text + _class_hint(value, expected, data, ctx)
    return text + "."


def _class_hint(value: Node, expected: URIRef, data: Graph, ctx: Context) -> str:
    """Why a value is not of the expected class, and which existing resource was probably meant."""
    instances = [str(s) for s in data.subjects(RDF.type, expected) if isinstance(s, URIRef)]
    if isinstance(value, Literal):
        guess = _by_label(str(value), expected, data)
        if guess is None and expected == SKG.Country and (code := country_by_text(str(value))):
            guess = COUNTRY_NS + code
        return ", which is text, not a link to a resource." + (did_you_mean([guess]) if guess else "")
    types = [t for t in data.objects(value, RDF.type) if isinstance(t, URIRef)]
    if types:
        return ", which is a " + " and ".join(f"`{compact(str(t))}`" for t in types) + "."
    if isinstance(value, URIRef) and is_ours(str(value)):
        folder = str(value)[: str(value).rfind("/") + 1]
        candidates = set(instances) | set(ctx.defined(folder))
        return ", which no file defines." + did_you_mean(close_iris(str(value), candidates))
    return "."


def _by_label(text: str, expected: URIRef, data: Graph) -> str | None:
    """A resource of the expected class whose label or acronym is the text (case-insensitive)."""
    wanted = text.strip().casefold()
    for subject in data.subjects(RDF.type, expected):
        for prop in (RDFS.label, SKOS.prefLabel, SKG.acronym):
            if any(str(label).casefold() == wanted for label in data.objects(subject, prop)):
                return str(subject)
    return None
