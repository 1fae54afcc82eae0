"""The line locator finds subjects and predicates in human-written Turtle."""

from __future__ import annotations

from soilkg.locate import RDF_TYPE, index_text

TEXT = '''@prefix skg: <https://w3id.org/soilkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix report: <https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/> .

# a comment
report:p1
    a skg:DocumentParagraph ;
    skg:text """First line
rdfs:label looks like a predicate but is text
""" ;
    rdfs:label "Paragraph 1"@en , "Paragraphe 1"@fr ;
    skg:number 1 .

<https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/fn1> a skg:Footnote ;
    skg:number 1 .
'''

P1 = "https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/p1"
FN1 = "https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/fn1"
SKG = "https://w3id.org/soilkg/ontology#"


def test_subjects_and_predicates_have_their_lines() -> None:
    index = index_text(TEXT)
    assert index.line_of(P1) == 6
    assert index.line_of(P1, RDF_TYPE) == 7
    assert index.line_of(P1, SKG + "text") == 8
    assert index.line_of(P1, "http://www.w3.org/2000/01/rdf-schema#label") == 11
    assert index.line_of(P1, SKG + "number") == 12
    assert index.line_of(FN1) == 14
    assert index.line_of(FN1, SKG + "number") == 15


def test_unknown_predicate_falls_back_to_subject_line() -> None:
    index = index_text(TEXT)
    assert index.line_of(P1, SKG + "nothing") == 6
    assert index.line_of("https://example.org/absent") is None
