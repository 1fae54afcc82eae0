"""Gather what a report needs from the store, through the named queries ``server/queries/report-*.rq``.

Reporters can run the same queries in the query interface, so the draft and the queries never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from soilkg import queries
from soilkg.errors import SoilkgError
from soilkg.paths import Project

Row = dict[str, str]

REPORT_QUERIES = ("report-document", "report-labels", "report-paragraphs", "report-footnotes",
                  "report-citations", "report-sources", "report-figures", "report-facts", "report-case-studies",
                  "report-new-resources", "report-initiative")


def _plain(term: object) -> str:
    return str(getattr(term, "value", term))


@dataclass
class QueryRunner:
    store: ox.Store
    named: dict[str, queries.NamedQuery]

    @classmethod
    def for_project(cls, project: Project, store: ox.Store) -> QueryRunner:
        named = queries.load_all(project.queries)
        missing = [name for name in REPORT_QUERIES if name not in named]
        if missing:
            raise SoilkgError(f"The report's named queries are missing from {project.relative(project.queries)}: "
                              f"{', '.join(m + '.rq' for m in missing)}. Restore them from git.", exit_code=2)
        return cls(store, named)

    def rows(self, name: str, **values: str) -> list[Row]:
        """Every solution of a named query, each as variable name -> lexical value (unbound left out)."""
        query = self.named[name]
        solutions = queries.run(self.store, query, values)
        names = [v.value for v in solutions.variables]
        out: list[Row] = []
        for solution in solutions:
            row = {n: _plain(solution[n]) for n in names if solution[n] is not None}
            out.append(row)
        return out


@dataclass
class Gathered:
    """Everything the composer reads, straight from the named queries."""

    document: Row
    body_names: list[Row]
    paragraphs: list[Row]
    footnotes: list[Row]
    citations: list[Row]
    sources: list[Row]
    figures: list[Row]
    facts: list[Row]
    case_studies: list[Row]


def gather(runner: QueryRunner, session: int) -> Gathered:
    documents = runner.rows("report-document", session=str(session))
    documents = [d for d in documents if int(d.get("paragraphs", "0")) > 0] or documents
    if not documents:
        # An empty value leaves ?session unbound: every session that has a document.
        every = runner.rows("report-document", session="")
        sessions = sorted({r["session"] for r in every if "session" in r}, key=int)
        closed = {r["session"]: r.get("end", "YYYY-MM-DD")[:10] for r in every if "session" in r}
        hint = " Check --session, or add the document to data/document/ with skg:preparedFor its meeting."
        if sessions and session > int(sessions[-1]):
            # The next session's report does not exist yet: start from the last one and what changed since.
            hint = (f" To start the report for session {session}, draft from the last one and list what changed "
                    f"since it closed: `soilkg report --session {sessions[-1]} --since {closed[sessions[-1]]}`.")
        raise SoilkgError(
            f"The graph has no meeting document prepared for session {session}"
            + (f" (sessions with one: {', '.join(sessions)})" if sessions else "") + "." + hint, exit_code=2)
    document = documents[0]
    iri = document["document"]
    # The header prints the publisher's name in every language the graph holds (FAO's, in the source).
    body = document.get("publisher")
    return Gathered(
        document=document,
        body_names=runner.rows("report-labels", resource=body) if body else [],
        paragraphs=runner.rows("report-paragraphs", document=iri),
        footnotes=runner.rows("report-footnotes", document=iri),
        citations=runner.rows("report-citations", document=iri),
        sources=runner.rows("report-sources", document=iri),
        figures=runner.rows("report-figures", document=iri),
        facts=runner.rows("report-facts", document=iri),
        case_studies=runner.rows("report-case-studies"),
    )
