"""The kinds of resource, in one table: each kind's folder (data/<folder>/, and the IRI prefix
https://w3id.org/soilkg/id/<folder>/), its class, its group on the catalogue page, its place in the
site's navigation and timeline, and its list page's columns and filters.

Everything that needs a kind reads it here: soilkg/namespaces.py (IRI prefixes), the validator's
file-structure rule (the class a file under data/<folder>/ must define), the site generator
(navigation, catalogue groups, timeline, list columns, newest-first order; its list's title
`kind.<folder>` is the class's skg:pluralLabel). Adding a kind is one entry below plus its class in
ontology/soilkg.ttl (English label and plural), its other five languages' labels and plurals in
ontology/translations.ttl and its shape in shapes/resources.ttl; tests/core/test_kinds.py says which
of those a new entry still lacks (CONTRIBUTING.md, "A page kind").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of a kind's list page. `header` is its i18n key; `cell` names what fills it: a cell of
    soilkg/sitegen/kinds.py (CELLS), or `links:<property>` / `literal:<property>` for the skg: property's
    linked resources or literal values."""

    header: str
    cell: str
    filter: bool = False  # also a filter above the list


@dataclass(frozen=True)
class Kind:
    folder: str
    cls: str  # local name of its skg: class
    group: str | None = None  # i18n key of its group on the catalogue page; None: not listed there
    nav: int | None = None  # its place in the site's navigation (1 first); None: not in it
    timeline: int | None = None  # its place among the home page timeline's kinds; None: not on it
    columns: tuple[Column, ...] | None = None  # None: DEFAULT_COLUMNS
    newest_first: bool = False  # its list is ordered by date, newest first (else by name)


def _c(header: str, cell: str, filter: bool = False) -> Column:  # noqa: A002 - the field's own name
    return Column(header, cell, filter)


# A kind without its own columns: what it is, when, and in what state.
DEFAULT_COLUMNS = (_c("name", "name"), _c("type", "type", True), _c("year", "year"), _c("status", "status", True))

POLICY, WHO, WHERE = "group.policy", "group.who", "group.where"
KNOWLEDGE, PRACTICE = "group.knowledge", "group.practice"

# In the catalogue page's order (groups in the order they first appear).
KIND_TABLE: tuple[Kind, ...] = (
    Kind("decision", "PolicyDecision", POLICY, nav=1, timeline=1, columns=(
        _c("col.symbol", "symbol"), _c("col.title", "title"), _c("col.meeting", "links:decisionOf", True),
        _c("year", "year", True), _c("col.paragraphs", "paragraphs"), _c("col.official_text", "official"))),
    Kind("plan", "PlanOfAction", POLICY),
    Kind("framework", "PolicyFramework", POLICY),
    Kind("sdg-target", "SDGTarget", POLICY),
    Kind("network", "Network", WHO, nav=2, timeline=7, columns=(
        _c("col.acronym", "acronym"), _c("name", "title"), _c("col.launched", "launched"),
        _c("col.focus", "focus", True))),
    Kind("programme", "Programme", WHO, nav=3, timeline=6, columns=(
        _c("name", "name"), _c("col.launched", "launched"), _c("status", "status", True),
        _c("col.run_by", "links:runBy"), _c("col.focus", "focus", True))),
    Kind("initiative", "Initiative", WHO, nav=4, timeline=5, columns=(
        _c("name", "name"), _c("col.launched", "launched"), _c("status", "status", True),
        _c("col.run_by", "links:runBy"), _c("col.focus", "focus", True))),
    Kind("organisation", "Organisation", WHO, nav=5, columns=(
        _c("col.acronym", "acronym"), _c("name", "title"), _c("col.hosted_by", "links:hostedBy"))),
    Kind("actor-group", "ActorGroup", WHO),
    Kind("person", "Person", WHO),
    Kind("country", "Country", WHERE, nav=8, columns=(_c("name", "title"), _c("what_happens", "what_happens"))),
    Kind("publication", "Publication", KNOWLEDGE, nav=6, timeline=3, newest_first=True, columns=(
        _c("col.title", "title"), _c("year", "year", True), _c("col.series", "series", True),
        _c("col.identifier", "identifier"), _c("status", "status", True), _c("theme", "themes", True))),
    Kind("document", "MeetingDocument", KNOWLEDGE, timeline=4, columns=(
        _c("col.symbol", "symbol"), _c("col.title", "title"), _c("col.meeting", "links:preparedFor"))),
    Kind("periodical", "Periodical", KNOWLEDGE),
    Kind("dataset", "Dataset", KNOWLEDGE),
    Kind("survey", "Survey", KNOWLEDGE),
    Kind("meeting", "Meeting", KNOWLEDGE, nav=7, timeline=2, newest_first=True, columns=(
        _c("name", "name"), _c("date", "when"), _c("col.place", "literal:place"),
        _c("col.held_by", "links:heldBy", True))),
    Kind("case-study", "CaseStudy", PRACTICE, nav=9, newest_first=True, columns=(
        _c("col.title", "title"), _c("country", "links:country", True), _c("status", "status", True),
        _c("theme", "themes", True))),
    # Controlled vocabularies for case studies (SKOS concepts, mapped to AGROVOC where certain).
    Kind("practice", "Practice", PRACTICE),
    Kind("theme", "Theme", PRACTICE),
    Kind("organism-group", "OrganismGroup", PRACTICE),
    Kind("threat", "Threat", PRACTICE),
    Kind("land-use", "LandUse", PRACTICE),
    Kind("figure", "ReportedFigure", PRACTICE, newest_first=True, columns=(
        _c("value", "figure_value"), _c("measures", "literal:measures"), _c("as_of", "as_of"),
        _c("col.about", "links:about", True))),
    # The reporting cycle (ontology/cycle.ttl): web pages cited as sources, dated status changes.
    Kind("web-page", "WebPage"),
    Kind("status-change", "StatusChange"),
)

BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KIND_TABLE}


def columns_of(folder: str) -> tuple[Column, ...]:
    kind = BY_FOLDER.get(folder)
    return kind.columns if kind and kind.columns is not None else DEFAULT_COLUMNS


def catalogue_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(group key, folders) in the catalogue page's order."""
    groups: dict[str, list[str]] = {}
    for kind in KIND_TABLE:
        if kind.group:
            groups.setdefault(kind.group, []).append(kind.folder)
    return tuple((key, tuple(folders)) for key, folders in groups.items())


def in_navigation() -> tuple[str, ...]:
    return tuple(k.folder for k in sorted((k for k in KIND_TABLE if k.nav), key=lambda k: k.nav or 0))


def on_timeline() -> tuple[str, ...]:
    return tuple(k.folder for k in sorted((k for k in KIND_TABLE if k.timeline), key=lambda k: k.timeline or 0))
