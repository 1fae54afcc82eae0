"""Draft the next session's progress report: the standing context, then every update since the previous
session closed (new publications, figures reported again beside their earlier value, status changes, new
case studies, meetings and source documents), grouped by activity. Each sentence cites its own passages.
"""

from __future__ import annotations

from collections import defaultdict

from soilkg.namespaces import DCT, ID, RDF_TYPE, RDFS, SKG
from soilkg.report.compose import GROUP_ORDER, HEADER_LANGUAGES, case_study_section, number_in_reading_order
from soilkg.report.context import Names, initiative_paragraph, plan_paragraph, sentence
from soilkg.report.gather import QueryRunner, Row
from soilkg.report.model import FigureRow, Link, Mode, Paragraph, Report, Run, Section, TitleBlock
from soilkg.report.passages import Passages
from soilkg.report.session import Session
from soilkg.report.subjects import term
from soilkg.report.text import capitalised, date_range, human_date, number, plain
from soilkg.report.updates import Updates

OTHER_GROUP = ("meetings-and-sources", "Meetings and sources")
VERBS = {str(SKG.published): "was published", str(SKG.launched): "was launched",
         str(SKG.established): "was established"}


def _previous_report(runner: QueryRunner, session: Session) -> Row | None:
    rows = [r for r in runner.rows("report-document", session=str(session.number - 1), body=session.body)
            if int(r.get("paragraphs", "0")) > 0]
    return rows[0] if rows else None


def _title_block(runner: QueryRunner, session: Session, previous: Row | None) -> TitleBlock:
    publisher = previous.get("publisher") if previous else None
    names = {r.get("language", ""): r["label"] for r in runner.rows("report-labels", resource=publisher)} \
        if publisher else {}
    item = session.agenda_item
    return TitleBlock(
        organisation=[(lang, names[lang]) for lang in HEADER_LANGUAGES if lang in names],
        commission=session.body_label,
        session=session.short,
        agenda_item=f"Item {item} of the Provisional Agenda" if item else "Item [to be set] of the Provisional Agenda",
        place=session.place,
        dates=date_range(session.start, session.end),
        title=(previous or {}).get("title", "Progress report"),
        document_iri=session.meeting,
    )


def _groups(runner: QueryRunner) -> tuple[dict[str, str], dict[str, str]]:
    """Resource -> its report group (a paragraph's group before a theme), and group -> label."""
    of: dict[str, str] = {}
    labels: dict[str, str] = {}
    for row in runner.rows("report-groups"):  # ordered: "paragraph" rows before "theme" rows per resource
        of.setdefault(row["resource"], row["group"])
        labels[row["group"]] = row.get("groupLabel", row["group"].rsplit("/", 1)[-1])
    return of, labels


class Drafter:
    """Writes one paragraph per update; each sentence ends with the marks of the passages that state it."""

    def __init__(self, runner: QueryRunner, passages: Passages, session: Session, names: Names) -> None:
        self.runner = runner
        self.passages = passages
        self.session = session
        self.names = names
        self.group_of, self.group_labels = _groups(runner)
        self.paragraphs: dict[str, list[Paragraph]] = defaultdict(list)
        self.figures: list[FigureRow] = []

    def _add(self, group: str, runs: list[Run], origin: str, links: list[Link]) -> None:
        self.paragraphs[group].append(Paragraph(runs=runs, mode=Mode.GENERATED, origin=origin, links=links,
                                                new_since=True))

    def _group(self, *iris: str | None, default: str) -> str:
        return next((self.group_of[i] for i in iris if i and i in self.group_of), default)

    def publication(self, row: Row) -> None:
        iri = row["publication"]
        title = [Run(row.get("label", iri), italic=True)]
        year = row.get("issued", row.get("year", ""))
        when = human_date(year[:7]) if year else ""
        p = self.passages
        marks = p.marks((iri, str(DCT.issued)), (iri, term("year")), (iri, term("publishedBy")), (iri, RDF_TYPE))
        own = [Run(note=p.note(iri).key)] if any(k in row for k in ("doi", "handle", "url")) else []
        status = row.get("status")
        if status and status != str(SKG.published):
            text = title + [Run(f" is {row.get('statusLabel', status.rsplit('#', 1)[-1])}"
                                + (f"; it is to be published in {when}" if when else "") + ".")]
        elif "publisherLabel" in row:
            text = [Run(f"In {when}, {row['publisherLabel']} published " if when
                        else f"{row['publisherLabel']} published "), *title, Run(".")]
        else:
            text = [*title, Run(f" was published in {when}." if when else " was published.")]
        group = self._group(iri, default=_theme("publications"))
        self._add(group, sentence(text, own + marks), "New publication", [Link(iri, row.get("label", iri))])

    def figure(self, row: Row) -> None:
        iri, earlier = row["figure"], row["earlier"]
        measures = row.get("measures") or f"{row.get('unit', 'value')} of {row.get('aboutLabel', '')}"
        before = _value(row.get("earlierValue", "?"), row.get("earlierComparatorLabel"))
        if "earlierMeetingLabel" in row:
            before += f" reported to the {row['earlierMeetingLabel'].split(' of the ', 1)[0]}"
        elif "earlierAsOf" in row:
            before += f" as of {human_date(row['earlierAsOf'])}"
        now = _value(row["value"], row.get("comparatorLabel")) + (f" as of {human_date(row['asOf'])}"
                                                                   if "asOf" in row else "")
        p = self.passages
        runs = capitalised([Run(f"{measures}: {before}")]) + p.marks((earlier, term("value"))) + [Run(f"; {now}.")] \
            + p.marks((iri, term("value")), (iri, term("asOf")))
        about = row.get("about")
        group = self._group(about, earlier, default=_theme("monitoring"))
        links = [Link(about, row.get("aboutAcronym") or row.get("aboutLabel", about))] if about else []
        self._add(group, runs, "Figure reported again", links)
        self.figures.append(FigureRow(
            iri=iri, measures=measures, value=_value(row["value"], row.get("comparatorLabel")),
            unit=row.get("unit", ""), about=links[0] if links else None,
            as_of=(human_date(row["asOf"]) if "asOf" in row else "undated") + f"; earlier value {before}",
            source=" ".join(plain(self.passages.note(k).runs) for k in self.passages.of(iri, term("value"))),
            source_iri=None))

    def status_change(self, row: Row) -> None:
        iri, resource = row["change"], row["resource"]
        label = row.get("label", resource.rsplit("/", 1)[-1])
        name = [Run(label, italic=True)] if row.get("publication") == "true" else \
            [Run(self.names(resource, label, row.get("acronym")))]
        previous = row.get("previousLabel") or row.get("statedLabel")
        p = self.passages
        earlier = p.marks((resource, term("status"))) if "statedLabel" in row else []
        verb = VERBS.get(row["status"], f"became {row.get('statusLabel', row['status'].rsplit('#', 1)[-1])}")
        runs = capitalised(name) + ([Run(f", earlier reported as {previous},"), *earlier] if previous else []) \
            + [Run(f" {verb} on {human_date(row['date'])}.")] + p.marks((iri, term("newStatus")), (iri, term("date")))
        group = self._group(resource, default=_theme("publications"))
        self._add(group, runs, "Status change", [Link(resource, row.get("acronym") or label)])

    def meeting(self, row: Row) -> None:
        iri = row["meeting"]
        name = self.names(iri, row.get("label", iri), row.get("acronym"))
        where = f" in {row['place']}" if "place" in row else ""
        when = date_range(row.get("start"), row.get("end"))
        runs = capitalised([Run(f"{name} was held{where}" + (f" on {when}" if "-" in row.get("start", "")[5:]
                                                          else f" in {when}") + ".")])
        runs += self.passages.marks((iri, term("startDate")), (iri, term("place")))
        self._add(OTHER_GROUP[0], runs, "New meeting", [Link(iri, row.get("acronym") or row.get("label", iri))])

    def document(self, row: Row) -> None:
        iri = row["document"]
        text = [Run(row.get("label", iri), italic=True)] + [Run(f" ({row['symbol']})" if "symbol" in row else "")]
        when = f" was issued on {human_date(row['date'])}" if "date" in row else " was issued"
        meeting = f" for the {row['meetingLabel']}" if "meetingLabel" in row else ""
        count = int(row.get("paragraphs", "0"))
        text.append(Run(f"{when}{meeting}; its {number(str(count))} paragraph{'s' if count != 1 else ''} can be "
                        "cited one by one."))
        marks = self.passages.marks((iri, str(DCT.issued)), (iri, str(DCT.date)), (iri, term("date")),
                                    (iri, str(RDFS.label)))
        self._add(OTHER_GROUP[0], [r for r in text if r.text or r.note] + marks, "New source document",
                  [Link(iri, row.get("symbol") or row.get("label", iri))])

    def case_studies(self, rows: list[Row]) -> Section | None:
        def paragraph(iri: str, row: Row, runs: list[Run]) -> Paragraph:
            return Paragraph(runs=runs + self.passages.marks((iri, str(RDFS.label))), mode=Mode.GENERATED,
                             origin="New case study", links=[Link(iri, row.get("label", iri))], new_since=True)

        return case_study_section(rows, paragraph)


def _theme(slug: str) -> str:
    return f"{ID}theme/{slug}"


def _value(lexical: str, comparator: str | None) -> str:
    return (f"{comparator} " if comparator and comparator != "exactly" else "") + number(lexical)


def compose_next(runner: QueryRunner, passages: Passages, session: Session, updates: Updates, how: str) -> Report:
    previous = _previous_report(runner, session)
    names = Names()
    intro = Section(title="I. Introduction")
    activities = Section(title="II. FAO activities")
    initiative = None
    if previous is not None:
        subjects = [r["value"] for r in runner.rows("report-statements", resource=previous["document"])
                    if r["direction"] == "out" and r["property"] == str(DCT.subject)]
        initiative = subjects[0] if subjects else None
    previous_session = previous.get("meetingLabel", "").split(" of the ", 1)[0] if previous else ""
    if initiative:
        intro.paragraphs.append(_standing(initiative_paragraph(runner, passages, names, initiative)))
    topic = names.short.get(initiative or "", "Initiative")
    scope = [Run(f"This document describes progress made in the implementation of the {topic} "
                 + (f"since the Commission's {previous_session}," if previous_session else how + ","))]
    if previous is not None and "meeting" in previous:
        scope += passages.marks((previous["meeting"], term("endDate")))
    # The session it is for, cited to what announces it (the meeting's own source).
    scope += [Run(f" for its {session.short} ({session.place}, {date_range(session.start, session.end)}).")]
    scope += passages.marks((session.meeting, term("startDate")), (session.meeting, term("place")))
    intro.paragraphs.append(Paragraph(runs=scope, mode=Mode.GENERATED, origin="Scope of the report"))
    if initiative:
        plan = plan_paragraph(runner, passages, names, initiative)
        if plan:
            activities.paragraphs.append(_standing(plan))

    drafter = Drafter(runner, passages, session, names)
    for row in updates.publications:
        drafter.publication(row)
    for row in updates.figures:
        drafter.figure(row)
    for row in updates.status_changes:
        drafter.status_change(row)
    for row in updates.meetings:
        drafter.meeting(row)
    for row in updates.documents:
        drafter.document(row)
    order = [_theme(slug) for slug in GROUP_ORDER] + [OTHER_GROUP[0]]
    for group in sorted(drafter.paragraphs, key=lambda g: order.index(g) if g in order else len(order)):
        label = OTHER_GROUP[1] if group == OTHER_GROUP[0] else drafter.group_labels.get(group, group)
        activities.subsections.append(Section(title=label.capitalize(), paragraphs=drafter.paragraphs[group],
                                              key=group))
    if updates.count() == 0:
        activities.paragraphs.append(Paragraph(runs=[Run(f"The graph records no update {how}.")],
                                               mode=Mode.GENERATED, origin="Updates"))
    cases = drafter.case_studies(updates.case_studies)
    report = Report(title_block=_title_block(runner, session, previous),
                    sections=[intro, activities] + ([cases] if cases else []), footnotes=[],
                    figures=drafter.figures)
    number_in_reading_order(report, passages.notes)
    passages.shorten_repeats(report.footnotes)
    report.notes = [
        f"Draft generated from the Soil Biodiversity Knowledge Graph for the {session.label} "
        f"({session.place}, {report.title_block.dates}): the standing context, then every update recorded {how} "
        f"({_tally(updates)}), grouped by activity.",
        "Each sentence is written from the graph and cites, in its footnotes, the passages that state it "
        "(a paragraph of a document, a web page with its access date, or a publication with its DOI or handle).",
    ]
    if not session.agenda_item:
        earlier = f" (the {previous_session}'s was {previous['agendaItem']})" if previous and \
            "agendaItem" in previous else ""
        report.notes.append(f"The agenda item is not in the graph yet{earlier}: add skg:agendaItem \"N.N\" with "
                            f"the item of the provisional agenda to data/meeting/{session.slug}.ttl, then build.")
    return report


def _standing(sentences: list[list[Run]]) -> Paragraph:
    runs: list[Run] = []
    for s in sentences:
        runs += ([Run(" ")] if runs else []) + s
    return Paragraph(runs=runs, mode=Mode.GENERATED, origin="Standing context")


def _tally(updates: Updates) -> str:
    counts = ((len(updates.publications), "new publication", "new publications"),
              (len(updates.figures), "figure reported again", "figures reported again"),
              (len(updates.status_changes), "status change", "status changes"),
              (len({r["caseStudy"] for r in updates.case_studies}), "new case study", "new case studies"),
              (len(updates.meetings), "meeting", "meetings"),
              (len(updates.documents), "new source document", "new source documents"))
    return ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts)


__all__ = ["compose_next"]
