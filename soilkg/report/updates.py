"""What happened in a report cycle, read from the graph through the named queries ``report-new-*``,
``report-figure-updates``, ``report-status-changes`` and ``report-case-studies``.

A cycle is bounded at both ends (``Window``): it starts the day after the previous session closed (or at
``--since``) and ends before the session's own meeting (or after ``--until``), so the draft for a past
session stays the same when later updates arrive. The queries are run unbounded and every date is compared
here, as the period it names (``soilkg.periods``): an update dated "2026-03" belongs to a window that starts
on 1 March 2026.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from soilkg.periods import Period, parse
from soilkg.report.gather import QueryRunner, Row
from soilkg.report.session import Session, Window


@dataclass
class Updates:
    publications: list[Row]
    figures: list[Row]  # values reported again (skg:updates), one row per figure
    first_values: list[Row]  # report-new-resources rows of figures that update none
    status_changes: list[Row]
    history: list[Row]  # every status change in the graph, any date (what a change goes back from)
    case_studies: list[Row]  # report-case-studies rows (one per case study and practice) of new case studies
    meetings: list[Row]
    documents: list[Row]
    resources: list[Row]  # new networks, initiatives, programmes and decision paragraphs

    def count(self) -> int:
        return (len(self.publications) + len(self.figures) + len(self.first_values) + len(self.status_changes)
                + len(self.meetings) + len(self.resources) + len({r["caseStudy"] for r in self.case_studies}))


def first_per(rows: list[Row], key: str) -> list[Row]:
    """One row per resource (the queries give one per value of a multi-valued column), the first kept."""
    out: dict[str, Row] = {}
    for row in rows:
        target = out.setdefault(row[key], {})
        for name, value in row.items():
            target.setdefault(name, value)
    return list(out.values())


def sort_key(lexical: str) -> tuple[date, date]:
    period: Period | None = parse(lexical)
    return period.sort_key() if period else (date.max, date.max)


def gather_updates(runner: QueryRunner, session: Session, window: Window) -> Updates:
    history = first_per(runner.rows("report-status-changes", since=""), "change")
    history.sort(key=lambda r: sort_key(r["date"]))
    case_studies = [r for r in runner.rows("report-case-studies") if window.holds(r.get("issued"))]
    new = first_per(runner.rows("report-new-resources", session=str(session.number), body=session.body),
                    "resource")
    dated = [r for r in new if window.holds(r.get("own"), r.get("meetingDate"), r.get("documentDate"))]
    figure = "https://w3id.org/soilkg/ontology#ReportedFigure"
    return Updates(
        publications=[r for r in first_per(runner.rows("report-new-publications", since="",
                                                       session=str(session.number), body=session.body),
                                           "publication") if window.holds(r.get("issued"), r.get("year"))],
        figures=[r for r in first_per(runner.rows("report-figure-updates", since=""), "figure")
                 if window.holds(r.get("asOf"))],
        first_values=[r for r in dated if r["type"] == figure],
        status_changes=[r for r in history if window.holds(r["date"]) and r.get("caseStudy") != "true"],
        history=history,
        case_studies=case_studies,
        meetings=[r for r in first_per(runner.rows("report-new-meetings", since=""), "meeting")
                  if r["meeting"] != session.meeting and window.holds(r.get("start"))],
        documents=[r for r in first_per(runner.rows("report-new-documents", since=""), "document")
                   if window.holds(r.get("date"), r.get("meetingStart"))],
        resources=[r for r in dated if r["type"] != figure],
    )


__all__ = ["Updates", "first_per", "gather_updates", "sort_key"]
