"""Draft the next session's progress report: the standing context, then everything that happened in the
report cycle (soilkg.report.updates.Window), grouped by activity (soilkg.report.drafter).

The title block and the standing context come from the meeting and the Initiative's own resources, whether or
not the previous session's report is in the graph; each sentence cites its own passages.
"""

from __future__ import annotations

from soilkg.report.compose import GROUP_ORDER, HEADER_LANGUAGES, case_study_section, number_in_reading_order
from soilkg.report.context import Statements
from soilkg.report.drafter import LEAD, Drafter, theme
from soilkg.report.gather import QueryRunner, Row
from soilkg.report.model import Link, Mode, Paragraph, Report, Run, Section, TitleBlock
from soilkg.report.namer import Namer
from soilkg.report.passages import Passages
from soilkg.report.session import Session, Window, find
from soilkg.report.standing import Standing
from soilkg.report.subjects import term
from soilkg.report.text import date_range, human_date, join_words
from soilkg.report.updates import Updates

MEETINGS = ("meetings-and-sources", "Meetings")


def _initiative(runner: QueryRunner, session: Session) -> Row:
    rows = runner.rows("report-initiative", body=session.body)
    return rows[0] if rows else {}


def _title_block(runner: QueryRunner, session: Session, initiative: Row) -> TitleBlock:
    """The Commission's host prints its name in the UN languages (FAO's, for the Commission)."""
    hosts = Statements(runner, session.body).out(term("hostedBy"))
    names = {r.get("language", ""): r["label"] for r in runner.rows("report-labels", resource=hosts[0]["value"])} \
        if hosts else {}
    item = session.agenda_item
    label = initiative.get("label")
    return TitleBlock(
        organisation=[(lang, names[lang]) for lang in HEADER_LANGUAGES if lang in names],
        commission=session.body_label,
        session=session.short,
        agenda_item=f"Item {item} of the Provisional Agenda" if item else "Item [to be set] of the Provisional Agenda",
        place=session.place,
        dates=date_range(session.start, session.end),
        title=f"Progress report on the implementation of the {label}" if label else "Progress report",
        document_iri=session.meeting,
    )


def compose_next(runner: QueryRunner, passages: Passages, session: Session, updates: Updates,
                 window: Window) -> Report:
    namer = Namer()
    previous = find(runner, session.number - 1, session.body)
    previous_session = previous.short if previous else ""
    initiative = _initiative(runner, session)
    iri = initiative.get("initiative")
    intro, activities = Section(title="I. Introduction"), Section(title="II. FAO activities")
    standing = Standing(runner, passages, namer)
    first = standing.initiative(iri) if iri else None
    if first is not None:
        intro.paragraphs.append(first)
    topic = f"the {initiative['altLabel']}" if "altLabel" in initiative else "the Initiative"
    since = f"since the Commission's {previous_session}" if previous_session and not window.chosen else window.how
    scope = [Run(f"This document describes progress made in the implementation of {topic} {since},")]
    if previous is not None:
        scope += passages.marks((previous.meeting, term("endDate")))
    scope += [Run(f" for the Commission's {session.short} ({session.place}, {date_range(session.start, session.end)})"
                  ".")] + passages.marks((session.meeting, term("startDate")), (session.meeting, term("place")))
    intro.paragraphs.append(Paragraph(runs=scope, mode=Mode.GENERATED, origin="Scope of the report"))
    plan = standing.plan(iri) if iri else None
    if plan is not None:
        activities.paragraphs.append(plan)

    drafter = Drafter(runner, passages, namer, previous_session)
    for row in updates.resources:
        drafter.resource(row)
    drafter.first_values(updates.first_values)
    for row in updates.publications:
        drafter.publication(row)
    drafter.figures_of(updates.figures)
    for row in updates.status_changes:
        drafter.status_change(row, updates.history)
    for row in updates.meetings:
        drafter.meeting(row)
    activities.paragraphs += drafter.paragraphs.pop(LEAD, [])
    order = [theme(slug) for slug in GROUP_ORDER] + [theme(MEETINGS[0])]
    for group in sorted(drafter.paragraphs, key=lambda g: order.index(g) if g in order else len(order)):
        label = MEETINGS[1] if group == theme(MEETINGS[0]) else drafter.group_labels.get(group, group)
        activities.subsections.append(Section(title=label.capitalize(), paragraphs=drafter.paragraphs[group],
                                              key=group))
    cases = _case_studies(updates.case_studies, passages)
    report = Report(title_block=_title_block(runner, session, initiative),
                    sections=[intro, activities] + ([cases] if cases else []), footnotes=[],
                    figures=drafter.figures)
    number_in_reading_order(report, passages.notes)
    passages.shorten_repeats(report.footnotes)
    report.notes = _notes(session, report, updates, window)
    return report


def _case_studies(rows: list[Row], passages: Passages) -> Section | None:
    """New case studies, each cited to the passage that reports it (else to its own record)."""
    def marks(iri: str, row: Row) -> list[Run]:
        if "mentionedIn" in row:
            return [Run(note=passages.note(row["mentionedIn"]).key)]
        return passages.marks((iri, "http://www.w3.org/2000/01/rdf-schema#label"))

    def paragraph(iri: str, row: Row, runs: list[Run]) -> Paragraph:
        return Paragraph(runs=runs, mode=Mode.GENERATED, origin="New case study",
                         links=[Link(iri, row.get("label", iri))])

    return case_study_section(rows, marks, paragraph)


def _notes(session: Session, report: Report, updates: Updates, window: Window) -> list[str]:
    end = f" and before {human_date(window.end.isoformat())}" if window.end else ""  # the meeting's day, or --until
    notes = [
        f"Draft generated from the Soil Biodiversity Knowledge Graph for the {session.label} "
        f"({session.place}, {report.title_block.dates}): the standing context, then what the graph records "
        f"{window.how}{' (--since)' if window.chosen else ''}{end}, grouped by activity.",
        "Each sentence is written from the graph and cites, in its footnotes, the passages that state it "
        "(a paragraph of a document, a web page with its access date, or a publication with its DOI or handle).",
    ]
    if updates.documents:
        titles = [f"{d.get('label', d['document'])}" + (f" ({human_date(d['date'])})" if "date" in d else "")
                  for d in updates.documents]
        notes.append(f"Sources new in this period: {join_words(titles)}.")
    if not session.agenda_item:
        notes.append("The agenda item is not in the graph yet: add skg:agendaItem \"N.N\" with the item of the "
                     f"provisional agenda to data/meeting/{session.slug}.ttl, then build.")
    return notes


__all__ = ["compose_next"]
