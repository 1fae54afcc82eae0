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
        session: Annotated[int, typer.Option("--session", min=1, help="Session number of the Commission (20 for "
                                             "the Twentieth Regular Session).")] = 20,
        fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format: md, html or docx.")] = Format.md,
        out: Annotated[Path | None, typer.Option("--out", "-o", help="Output file (default: <build>/reports/"
                                                 "cgrfa-<session>-progress-report.<format>).")] = None,
        since: Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD", help="List what was added or "
                                                  "changed since this date (git history of data/ and dates in the "
                                                  "graph) and mark the paragraphs it touches.")] = None,
        include_demo: Annotated[bool, typer.Option("--include-demo", help="Also load the demonstration case "
                                                   "studies.")] = False,
        site_url: Annotated[str | None, typer.Option("--site-url", help="Published catalogue base URL for links "
                                                     "(default: the site built under the build folder).")] = None,
    ) -> None:
        """Draft the progress report for a session: title block, grouped numbered paragraphs, footnotes with full
        citations and a table of reported figures with their dates."""
        from soilkg.output import stdout
        from soilkg.paths import Project
        from soilkg.report import Options, build_report, default_path, file_links, write

        project = Project.here()
        draft = build_report(project, Options(session=session, since=since, include_demo=include_demo))
        target = (out or default_path(project, draft, fmt.value)).resolve()
        write(draft, fmt.value, target, file_links(target, project.build / "site", site_url))
        stdout.print(str(target))
