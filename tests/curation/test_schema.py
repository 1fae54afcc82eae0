"""The one case-study schema (soilkg/curation/schema.py) agrees with the shapes, the ontology, the
Turtle template and the curator guide: every required field has its sh:minCount shape and every
such shape its field, the same vocabularies, values and datatypes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from rdflib import RDFS, XSD, Graph, URIRef

from soilkg.curation.guide import GUIDE, field_table, with_table
from soilkg.curation.render import prefix_iri, render
from soilkg.curation.schema import (
    CASE_STUDY_FIELDS,
    DIRECTIONS,
    IMPACT_AREAS,
    IMPACT_FIELDS,
    LICENSES,
    NOT_PROPERTIES,
    SECTIONS,
    STATUSES,
    Field,
    Kind,
    section_fields,
)
from soilkg.curation.shape_rules import Rules, field_rules, property_rules, read_shapes
from soilkg.curation.template import Answers, template
from soilkg.namespaces import KINDS, SKG
from soilkg.paths import Project

REPO = Path(__file__).resolve().parents[2]
SHAPES = read_shapes(REPO / "shapes")
# Properties of the case study that are no spreadsheet column or form field: impacts have columns of
# their own (impact_N_*), and a demonstration is marked by `soilkg import --demo`.
NOT_FIELDS = {str(SKG.impact), str(SKG.demonstration)}


def expand(prop: str) -> str:
    prefix, _, local = prop.partition(":")
    return prefix_iri(prefix) + local


def disagreements(fields: tuple[Field, ...], rules: dict[str, Rules]) -> list[str]:
    """What a list of fields says that the shapes' rules (by column) do not, field by field."""
    wrong = []
    for spec in fields:
        if spec.column in NOT_PROPERTIES:
            continue
        rule = rules[spec.column]
        if spec.required != bool(rule.required):
            wrong.append(f"{spec.column}: required={spec.required}, the shapes' sh:minCount says {bool(rule.required)}")
        if spec.kind is Kind.CONCEPT and rule.cls and rule.cls != str(SKG[KINDS[spec.vocabulary]]):
            wrong.append(f"{spec.column}: vocabulary data/{spec.vocabulary}/, the shapes' sh:class is {rule.cls}")
        if (spec.kind is Kind.NUMBER) != bool(rule.number):
            wrong.append(f"{spec.column}: kind {spec.kind.value}, the shapes {'do' if rule.number else 'do not'} "
                         "ask for a number")
        if (spec.kind is Kind.DATE) != bool(rule.date):
            wrong.append(f"{spec.column}: kind {spec.kind.value}, the shapes {'do' if rule.date else 'do not'} "
                         "ask for a date")
        if str(SKG.Impact) == rule.cls or (rule.datatypes and spec.kind is Kind.TEXT
                                            and rule.datatypes != {"http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}):
            wrong.append(f"{spec.column}: a text with a language, the shapes' datatypes are {rule.datatypes}")
    return wrong


CASE_RULES, IMPACT_RULES = field_rules(SHAPES)


def test_schema_agrees_with_the_shapes() -> None:
    assert disagreements(CASE_STUDY_FIELDS, CASE_RULES) == []
    assert disagreements(IMPACT_FIELDS, IMPACT_RULES) == []


def test_the_check_finds_a_field_that_disagrees() -> None:
    optional_title = tuple(dataclasses.replace(f, required=False) if f.column == "title" else f
                           for f in CASE_STUDY_FIELDS)
    assert disagreements(optional_title, CASE_RULES) == [
        "title: required=False, the shapes' sh:minCount says True"]
    wrong_vocabulary = tuple(dataclasses.replace(f, vocabulary="threat") if f.column == "practices" else f
                             for f in CASE_STUDY_FIELDS)
    assert len(disagreements(wrong_vocabulary, CASE_RULES)) == 1
    text_latitude = tuple(dataclasses.replace(f, kind=Kind.PLAIN) if f.column == "latitude" else f
                          for f in CASE_STUDY_FIELDS)
    assert len(disagreements(text_latitude, CASE_RULES)) == 1


@pytest.mark.parametrize(("target", "fields"), [("case-study", CASE_STUDY_FIELDS), ("impact", IMPACT_FIELDS)])
def test_every_shape_has_its_field_and_every_field_its_property(target: str, fields: tuple[Field, ...]) -> None:
    shaped = property_rules(SHAPES, target)
    own = {expand(f.prop) for f in fields if f.column not in NOT_PROPERTIES}
    assert sorted(set(shaped) - own - NOT_FIELDS) == [], "a shape with no field in the schema"
    required = {p for p, rule in shaped.items() if rule.required}
    assert required - NOT_FIELDS == {expand(f.prop) for f in fields if f.required and f.column not in NOT_PROPERTIES}
    if target == "case-study":
        assert required & NOT_FIELDS == {str(SKG.impact)}, "at least one impact: impact 1's fields are required"
        checked = property_rules(SHAPES, target, own)  # with the date and DOI forms of shapes/core.ttl
        assert own - set(checked) <= {expand("skg:theme"), expand("skg:costNote")}, \
            "a field no shape checks (skg:theme is checked for every resource by shapes/core.ttl)"


def test_controlled_values_are_the_shapes_values() -> None:
    assert set(CASE_RULES["license"].values) == set(LICENSES.values())
    assert CASE_RULES["status"].values == tuple(str(SKG[s]) for s in STATUSES)
    assert IMPACT_RULES["on"].values == tuple(str(SKG[v]) for v in IMPACT_AREAS.values())
    assert IMPACT_RULES["direction"].values == tuple(str(SKG[v]) for v in DIRECTIONS.values())


def test_patterns_accept_the_schemas_examples() -> None:
    for spec in (*CASE_STUDY_FIELDS, *IMPACT_FIELDS):
        rule = (CASE_RULES if spec in CASE_STUDY_FIELDS else IMPACT_RULES).get(spec.column)
        if rule and rule.pattern and spec.example and spec.kind is not Kind.ORCID:
            assert re.search(rule.pattern, spec.example), (spec.column, rule.pattern, spec.example)


def test_every_property_is_in_the_ontology_with_its_range() -> None:
    ontology = Graph()
    for path in sorted((REPO / "ontology").glob("*.ttl")):
        ontology.parse(path, format="turtle")
    for spec in (*CASE_STUDY_FIELDS, *IMPACT_FIELDS):
        if not spec.prop:
            continue
        prop = URIRef(expand(spec.prop))
        assert (prop, RDFS.label, None) in ontology, f"{spec.prop} has no label in ontology/"
        ranges = set(ontology.objects(prop, RDFS.range))
        if spec.kind is Kind.CONCEPT and ranges:
            assert ranges == {SKG[KINDS[spec.vocabulary]]}, spec.column
        if spec.kind is Kind.NUMBER and str(prop).startswith(str(SKG)):
            assert ranges == {XSD.decimal}, spec.column


def test_every_field_is_in_a_section_in_order() -> None:
    keys = [key for key, _title in SECTIONS]
    assert {f.section for f in (*CASE_STUDY_FIELDS, *IMPACT_FIELDS)} <= set(keys)
    assert [f.section for f in CASE_STUDY_FIELDS] == sorted((f.section for f in CASE_STUDY_FIELDS), key=keys.index)
    assert section_fields("impacts") == [], "impact fields are IMPACT_FIELDS, one group per impact"


def test_turtle_template_writes_every_field_in_its_section() -> None:
    text = render(template(Project(REPO), Answers(slug="synthetic")))
    headings = [m.group(1) for m in re.finditer(r"# --- (.+) ---", text)]
    assert headings == [title for _key, title in SECTIONS]
    for spec in (*CASE_STUDY_FIELDS, *IMPACT_FIELDS):
        if spec.column not in NOT_PROPERTIES:
            assert re.search(rf"^\s+(# )?{re.escape(spec.prop)} ", text, re.M), spec.column


def test_curator_guide_holds_the_schemas_field_table() -> None:
    guide = (REPO / GUIDE).read_text(encoding="utf-8")
    assert with_table(guide) == guide, "regenerate it: python -m soilkg.curation.guide"
    table = field_table()
    for spec in (*CASE_STUDY_FIELDS, *IMPACT_FIELDS):
        assert f"`{spec.column}`" in table or f"`impact_N_{spec.column}`" in table


def test_template_stays_turtle_with_every_optional_field_uncommented() -> None:
    text = render(template(Project(REPO), Answers(slug="synthetic")))
    hints = re.compile(r"^(\s+)# ([a-zA-Z]+:[A-Za-z]+ .* ;)$", re.M)
    assert len(hints.findall(text)) >= 10
    graph = Graph().parse(data=hints.sub(r"\1\2", text), format="turtle")
    for spec in (*CASE_STUDY_FIELDS, *IMPACT_FIELDS):
        if spec.column not in NOT_PROPERTIES:
            assert (None, URIRef(expand(spec.prop)), None) in graph, spec.column
