"""Progress report drafts from the graph: ``soilkg report`` and the site's report page.

gather (named queries) -> compose (neutral model) -> render_md / render_html / render_docx.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from soilkg.errors import SoilkgError
from soilkg.paths import Project
from soilkg.periods import require_day
from soilkg.report import render_docx, render_html, render_md
from soilkg.report.compose import compose
from soilkg.report.gather import QueryRunner, gather
from soilkg.report.model import Report
from soilkg.report.next_report import compose_next
from soilkg.report.passages import Passages
from soilkg.report.render_md import LinkFor
from soilkg.report.session import BODY, find, require, window_for
from soilkg.report.since import changes_since
from soilkg.report.updates import gather_updates
from soilkg.urls import page_path

FORMATS = ("md", "html", "docx")
DEFAULT_SESSION = 20


@dataclass(frozen=True)
class Options:
    session: int = DEFAULT_SESSION
    since: str | None = None
    until: str | None = None


def build_report(project: Project, options: Options, store: ox.Store) -> Report:
    """The draft from an open store (the public one, made by `soilkg build`; never built here).

    A session whose own progress report is in the graph (session 20) is regenerated from it, with
    ``--since`` listing what changed in data/ since a date. For a session without one (the next
    session), the draft is written from its meeting resource, the standing context and what happened in
    its report cycle: after the previous session closed (or ``--since``) and before the session's own
    meeting (or up to ``--until``), so a past session's draft stays the same when later updates arrive."""
    runner = QueryRunner.for_project(project, store)
    since = require_day("--since", options.since) if options.since else None
    until = require_day("--until", options.until) if options.until else None
    if not has_report(runner, options.session):
        session = require(runner, options.session)
        window = window_for(runner, session, since, until)
        return compose_next(runner, Passages(store, runner), session, gather_updates(runner, session, window),
                            window)
    gathered = gather(runner, options.session)
    session_ = find(runner, options.session)
    if session_ is not None:  # the case studies of its own cycle, not later ones
        window = window_for(runner, session_, None, until, strict=False)
        gathered.case_studies = [r for r in gathered.case_studies if "issued" not in r or window.holds(r["issued"])]
    changes = changes_since(project, runner, gathered, since) if since else None
    return compose(gathered, Passages(store, runner), changes, options.since)


def has_report(runner: QueryRunner, session: int) -> bool:
    """Whether the graph holds the Commission's progress report for the session, with its paragraphs."""
    return any(int(row.get("paragraphs", "0")) > 0 for row in runner.rows("report-document", session=str(session),
                                                                          body=BODY))


def default_path(project: Project, report: Report, fmt: str) -> Path:
    """``<build>/reports/<meeting slug>-progress-report.<ext>`` (cgrfa-20-progress-report.md)."""
    iri = report.title_block.document_iri or ""
    meeting = iri.rsplit("/", 1)[-1].split("-item-")[0] or "session"
    return project.build / "reports" / f"{meeting}-progress-report.{fmt}"


def file_links(out: Path, site: Path, base_url: str | None) -> LinkFor:
    """Catalogue links for a report file: the site's published base URL, else the built site next to it."""

    def link_for(iri: str) -> str | None:
        path = page_path(iri)
        if path is None:
            return None
        if base_url:
            return base_url.rstrip("/") + "/" + path
        page, _, anchor = path.partition("#")
        target = site / page / "index.html"
        if not target.is_file():  # no built page: a link would lead nowhere
            return None
        relative = os.path.relpath(target, out.parent)
        return relative + (f"#{anchor}" if anchor else "")

    return link_for


def site_links(iri: str) -> str | None:
    """Links from the site's report page (``docs/report/index.md``) to catalogue pages, as MkDocs source links."""
    path = page_path(iri)
    if path is None:
        return None
    page, _, anchor = path.partition("#")
    return f"../{page}index.md" + (f"#{anchor}" if anchor else "")


def write(report: Report, fmt: str, out: Path, link_for: LinkFor) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    if fmt == "md":
        tmp.write_text(render_md.render(report, link_for), encoding="utf-8")
    elif fmt == "html":
        tmp.write_text(render_html.render(report, link_for), encoding="utf-8")
    else:
        render_docx.render(report, link_for, tmp)
    os.replace(tmp, out)  # readers (the site, a browser) never see half a file
    return out


def site_page(project: Project, store: ox.Store) -> str:
    """The latest report draft (the default session) as Markdown for the site, linking to catalogue pages.

    Empty when the graph holds no report for the session, so that the site still builds without the page."""
    try:
        report = build_report(project, Options(), store)
    except SoilkgError:
        return ""
    return render_md.render(report, site_links)


__all__ = ["FORMATS", "Options", "build_report", "default_path", "file_links", "site_page", "write"]
