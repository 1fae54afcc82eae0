"""Session facts come from meeting resources; when one is missing the message says exactly what to add.
A real store with a few meetings and the repository's named queries."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
import pytest

from soilkg.errors import SoilkgError
from soilkg.paths import Project
from soilkg.report.gather import QueryRunner
from soilkg.report.session import Window, require, window_for

PREFIXES = """@prefix skg: <https://w3id.org/soilkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix meeting: <https://w3id.org/soilkg/id/meeting/> .
@prefix organisation: <https://w3id.org/soilkg/id/organisation/> .
"""
M21 = """meeting:cgrfa-21 a skg:Meeting ; rdfs:label "Twenty-first Regular Session of the Commission"@en ;
    skg:sessionNumber 21 ; skg:heldBy organisation:cgrfa ; skg:place "Rome" ;
    skg:startDate "2027-03-01"^^xsd:date ; skg:endDate "2027-03-05"^^xsd:date ."""
M20 = """meeting:cgrfa-20 a skg:Meeting ; rdfs:label "Twentieth Regular Session of the Commission"@en ;
    skg:sessionNumber 20 ; skg:heldBy organisation:cgrfa ; skg:endDate "2025-03-28"^^xsd:date ."""


def runner(project: Project, *turtle: str) -> QueryRunner:
    store = ox.Store()
    store.load(PREFIXES + "\n".join(turtle), format=ox.RdfFormat.TURTLE)
    return QueryRunner.for_project(project, store)


def test_a_cycle_is_bounded_at_both_ends(project: Project) -> None:
    """From the day after the previous session closed to the day before the session opens (or --until)."""
    r = runner(project, M21, M20)
    session = require(r, 21)
    assert (session.short, session.place, session.start) == ("Twenty-first Regular Session", "Rome", "2027-03-01")
    window = window_for(r, session)
    assert (window.start, window.end) == (date(2025, 3, 29), date(2027, 3, 1))
    assert "Twentieth Regular Session closed on 28 March 2025" in window.how and not window.chosen
    chosen = window_for(r, session, date(2026, 1, 1), date(2026, 12, 31))
    assert (chosen.start, chosen.end, chosen.chosen) == (date(2026, 1, 1), date(2027, 1, 1), True)


def test_window_compares_dates_as_the_periods_they_name() -> None:
    window = Window(date(2026, 3, 1), date(2027, 3, 1), "")
    assert window.holds("2026-03")  # some time in March 2026: it may lie on or after 1 March
    assert window.holds("2026-03-01") and window.holds("2027-02-28") and window.holds("2026")
    assert not window.holds("2026-02-28") and not window.holds("2026-02")
    assert not window.holds("2027-03") and not window.holds("2027-03-01")  # the session's own month: the next cycle
    assert window.holds(None, "2026-05-31")  # the first date given decides
    assert not window.holds(None, "not a date")


def test_missing_previous_session_names_the_command_or_since(project: Project) -> None:
    r = runner(project, M21)
    with pytest.raises(SoilkgError) as error:
        window_for(r, require(r, 21))
    assert "soilkg new meeting --body cgrfa --session 20 " in str(error.value) and "--since" in str(error.value)
    assert error.value.exit_code == 2


def test_meeting_without_place_says_which_line_to_add(project: Project) -> None:
    r = runner(project, M21.replace(' skg:place "Rome" ;', ""))
    with pytest.raises(SoilkgError) as error:
        require(r, 21)
    assert "data/meeting/cgrfa-21.ttl" in str(error.value) and 'skg:place "Rome"' in str(error.value)
