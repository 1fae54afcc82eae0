"""What changed since a date, read from the graph through the named queries ``report-new-*``,
``report-figure-updates`` and ``report-status-changes``: the updates the next progress report tells."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from soilkg.namespaces import SKG
from soilkg.report.gather import QueryRunner, Row
from soilkg.report.session import Session


@dataclass
class Updates:
    since: date
    publications: list[Row]
    figures: list[Row]
    status_changes: list[Row]
    case_studies: list[Row]  # report-case-studies rows (one per case study and practice) of new case studies
    meetings: list[Row]
    documents: list[Row]

    def count(self) -> int:
        return (len(self.publications) + len(self.figures) + len(self.status_changes) + len(self.meetings)
                + len(self.documents) + len({r["caseStudy"] for r in self.case_studies}))


def _first_per(rows: list[Row], key: str) -> list[Row]:
    """One row per resource (the queries give one per value of a multi-valued column), the first kept."""
    out: dict[str, Row] = {}
    for row in rows:
        target = out.setdefault(row[key], {})
        for name, value in row.items():
            target.setdefault(name, value)
    return list(out.values())


def gather_updates(runner: QueryRunner, session: Session, since: date) -> Updates:
    day = since.isoformat()
    changes = _first_per(runner.rows("report-status-changes", since=""), "change")
    # A case study's publication is told once, with the case study; its status change is its date.
    published_on: dict[str, str] = {}
    for row in changes:
        if row.get("caseStudy") == "true" and row.get("status") == str(SKG.published):
            published_on[row["resource"]] = min(row["date"], published_on.get(row["resource"], row["date"]))
    case_studies = [r for r in runner.rows("report-case-studies") if published_on.get(r["caseStudy"], day) >= day]
    return Updates(
        since=since,
        publications=_first_per(runner.rows("report-new-publications", since=day, session=str(session.number),
                                            body=session.body), "publication"),
        figures=_first_per(runner.rows("report-figure-updates", since=day), "figure"),
        status_changes=[r for r in changes if r["date"] >= day and r.get("caseStudy") != "true"],
        case_studies=case_studies,
        meetings=[r for r in _first_per(runner.rows("report-new-meetings", since=day), "meeting")
                  if r["meeting"] != session.meeting],
        documents=_first_per(runner.rows("report-new-documents", since=day), "document"),
    )


__all__ = ["Updates", "gather_updates"]
