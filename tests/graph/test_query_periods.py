"""The named queries compare dates as the periods they name (soilkg/periods.py): a status change dated
"2026-03" (a month) ends after one dated "2026-03-01", and lies on or after a `since` of 2026-03-15.
SYNTHETIC resources in a store of the test's own."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from soilkg import periods, queries
from soilkg.paths import Project

EX = "https://example.org/synthetic/"
# Per resource, its status changes' dates: the latest (soilkg.periods.latest) is the current one.
CHANGES = {
    "month-after-its-first-day": ['"2026-03-01"^^xsd:date', '"2026-03"^^xsd:gYearMonth'],
    "year-after-a-day": ['"2025"^^xsd:gYear', '"2025-06-30"^^xsd:date'],
    "day-ends-its-leap-month": ['"2024-02"^^xsd:gYearMonth', '"2024-02-29"^^xsd:date'],
    "day-before-its-month-ends": ['"2026-04"^^xsd:gYearMonth', '"2026-04-29"^^xsd:date'],
    "month-ends-its-year": ['"2023"^^xsd:gYear', '"2023-12"^^xsd:gYearMonth'],
}


def _store() -> ox.Store:
    lines = ["@prefix skg: <https://w3id.org/soilkg/ontology#> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    for name, dates in CHANGES.items():
        lines.append(f"<{EX}{name}> skg:status skg:beingFinalized .")
        for n, date in enumerate(dates):
            lines.append(f"<{EX}{name}/change-{n}> a skg:StatusChange ; skg:statusOf <{EX}{name}> ; "
                         f"skg:newStatus skg:published ; skg:date {date} .")
    store = ox.Store()
    store.load("\n".join(lines).encode(), ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(EX + "graph"))
    return store


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return _store()


def _rows(store: ox.Store, name: str, values: dict[str, str] | None = None) -> list[dict[str, str]]:
    query = queries.load_all(Project.here().queries)[name]
    solutions = queries.run(store, query, values)
    names = [v.value for v in solutions.variables]
    return [{n: t.value for n in names if (t := s[n]) is not None} for s in solutions]


def _lexical(date: str) -> str:
    return date.split('"')[1]


def test_the_current_status_is_the_latest_period(store: ox.Store) -> None:
    current = {r["resource"][len(EX):]: r["date"] for r in _rows(store, "status-history")
               if r.get("current") == "true"}
    expected = {}
    for name, dates in CHANGES.items():
        latest = periods.latest([p for d in dates if (p := periods.parse(_lexical(d))) is not None])
        assert latest is not None
        expected[name] = latest.lexical
    assert current == expected


def test_history_is_ordered_by_first_day_then_the_more_precise(store: ox.Store) -> None:
    dated = [r["date"] for r in _rows(store, "status-history", {"resource": EX + "month-after-its-first-day"})
             if "date" in r]
    assert dated == ["2026-03-01", "2026-03"]


def test_a_month_holds_a_since_inside_it(store: ox.Store) -> None:
    found = {r["date"] for r in _rows(store, "report-status-changes", {"since": "2026-03-15"})}
    assert found == {"2026-03", "2026-04", "2026-04-29"}
    year = {r["date"] for r in _rows(store, "report-status-changes", {"since": "2025-07-01"})}
    assert "2025" in year and "2025-06-30" not in year


# Publications dated by day, month or year, and activities started so (SYNTHETIC).
DATED = {"by-day": ("dct:issued", '"2026-03-10"^^xsd:date'), "by-month": ("dct:issued", '"2026-03"^^xsd:gYearMonth'),
         "by-year": ("skg:year", '"2026"^^xsd:gYear'), "before": ("dct:issued", '"2026-02"^^xsd:gYearMonth')}


@pytest.fixture(scope="module")
def dated() -> ox.Store:
    lines = ["@prefix skg: <https://w3id.org/soilkg/ontology#> .", "@prefix dct: <http://purl.org/dc/terms/> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    for name, (prop, date) in DATED.items():
        lines.append(f'<{EX}{name}> a skg:Publication ; rdfs:label "SYNTHETIC {name}"@en ; skg:statedIn <{EX}p1> ; '
                     f"{prop} {date} ; skg:startDate {date} .")
    store = ox.Store()
    store.load("\n".join(lines).encode(), ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(EX + "graph"))
    return store


@pytest.mark.parametrize("name", ["publications-since", "activities-since"])
def test_since_and_until_hold_the_periods_that_may_lie_inside(dated: ox.Store, name: str) -> None:
    def found(**values: str) -> set[str]:
        return {r.get("publication", r.get("item", ""))[len(EX):] for r in _rows(dated, name, values)}

    assert found(since="2026-03-15") == {"by-month", "by-year"}  # the day of 10 March lies before
    assert found(since="2026-03-01") == {"by-day", "by-month", "by-year"}
    if name == "publications-since":
        assert found(since="2026-01-01", until="2026-02-28") == {"before", "by-year"}
