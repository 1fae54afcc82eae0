"""`soilkg report`: a progress report draft for a Commission session, from the graph alone."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Format(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        session: Annotated[int, typer.Option("--session", min=1, help="Session number of the Commission: 20 "
                                             "regenerates the Twentieth Regular Session's report; 21 drafts the next "
                                             "one from meeting:cgrfa-21 and every update since session 20 closed.")
                           ] = 20,
        fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format: md, html or docx.")] = Format.md,
        out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: <build>/reports/"
                                                 "cgrfa-<session>-progress-report.<format>).")] = None,
        since: Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD", help="For a session with its "
                                                  "report in the graph: list what was added or changed since this "
                                                  "date (git history of data/, dates in the graph). For the next "
                                                  "session: tell the updates from this date instead of from the "
                                                  "close of the previous session.")] = None,
        until: Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD", help="For the next session: "
                                                  "tell the updates up to this day (default: up to the day before "
                                                  "the session's own meeting opens).")] = None,
        include_demo: Annotated[bool, typer.Option("--include-demo", help="Also load the demonstration case "
                                                   "studies.")] = False,
        site_url: Annotated[str | None, typer.Option("--site-url", help="Published catalogue base URL for links "
                                                     "(default: the site built under the build folder).")] = None,
    ) -> None:
        """Draft the progress report for a session: title block, grouped numbered paragraphs, footnotes with full
        citations (each sentence cites the passages that state it) and a table of reported figures."""
        from soilkg.output import stdout
        from soilkg.paths import Project
        from soilkg.report import Options, build_report, default_path, file_links, write
        from soilkg.store import open_read_only
        from soilkg.validation import build_validated

        project = Project.here()
        # The one validated build (bad sources stop the report with their findings); the draft reads
        # the public store it made, so nothing unpublished reaches a report.
        build_validated(project, include_demo=include_demo)
        draft = build_report(project, Options(session=session, since=since, until=until), open_read_only(project))
        target = (out or default_path(project, draft, fmt.value)).resolve()
        write(draft, fmt.value, target, file_links(target, project.build / "site", site_url))
        stdout.print(str(target))
