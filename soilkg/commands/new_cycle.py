"""The `soilkg new` commands of the reporting cycle: `source`, `web-page`, `publication`, `figure`,
`status` and `meeting` (what a progress report says is new: soilkg/commands/new_bodies.py). Each takes
flags (or asks for what is missing when run in a terminal), writes one commented Turtle file (a
publication also one per new author; a publication now published or a case study now published adds to
its own file), validates it against the whole graph and prints the path and the next step."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from soilkg.commands.new_bodies import register as register_bodies
from soilkg.commands.new_common import (
    Asker,
    NoInput,
    Slug,
    Source,
    date_question,
    file_slug,
    finish,
    in_folder,
    period,
    source,
)
from soilkg.commands.new_figure import register as register_figure
from soilkg.curation.completion import Completion, complete_publication, missing_for_published, review_status
from soilkg.curation.cycle_files import (
    MeetingAnswers,
    PublicationAnswers,
    author_name,
    meeting,
    publication,
    session_names,
    web_page,
)
from soilkg.curation.flags import agenda_item as agenda_item_flag
from soilkg.curation.flags import doi, handle, publication_kind, publication_kinds, status, url, year
from soilkg.curation.history_files import status_change, status_slug
from soilkg.curation.references import folder_of, resolve
from soilkg.curation.source_file import SourceAnswers, source_document
from soilkg.curation.source_text import parse_source_text
from soilkg.curation.turtle_out import NewFile
from soilkg.errors import SoilkgError
from soilkg.namespaces import KINDS, SKG
from soilkg.output import stderr, stdout
from soilkg.paths import Project
from soilkg.periods import require_day

Doi = Annotated[str, typer.Option("--doi", help="DOI, such as 10.4060/cc9423en.")]
Handle = Annotated[str, typer.Option("--handle", help="Handle, such as 20.500.14283/cc4082en.")]
Url = Annotated[str, typer.Option("--url", help="Where to read it.")]
Year = Annotated[str, typer.Option("--year", help="Year of publication.")]


def _kinds_help() -> str:
    return "Its kind: Publication, StandardOperatingProcedure (sop), BackgroundStudyPaper (bsp) ..."


Kind = Annotated[str, typer.Option("--kind", help=_kinds_help())]
SeriesNumber = Annotated[str, typer.Option(help="Its number in a series (a background study paper: 74).")]


def _series_number(value: str) -> str:
    if value.strip() and not value.strip().isdigit():
        raise SoilkgError(f"--series-number `{value}`: write the number in digits, such as 74.", exit_code=2)
    return str(int(value)) if value.strip() else ""


def _completion(project: Project, resource: str, *, when: str, year_: str, issued: str, doi_: str, handle_: str,
                url_: str, kind: str, series: str, passage: str) -> Completion:
    day = period("--issued", issued) if issued else None
    default_year = str(day.first.year) if day else when[:4]
    given = year("--year", year_ or default_year)
    if day is not None and str(day.first.year) != given:
        raise SoilkgError(f"--issued {day} is not in --year {given}: correct one of them.", exit_code=2)
    done = Completion(year=given, source=passage, issued=day, doi=doi(doi_) if doi_ else "",
                      handle=handle(handle_) if handle_ else "", url=url("--url", url_) if url_ else "",
                      kind=publication_kind(project, kind) if kind else "", series_number=_series_number(series))
    return done


def _kind(project: Project, ask: Asker, given: str) -> str:
    """The publication's class: --kind, else asked in a terminal (the ontology's kinds offered), else none."""
    offered = ", ".join(k.rsplit("#", 1)[-1] for k in publication_kinds(project))
    chosen = ask(given, "--kind", f"Its kind ({offered})", "Publication")
    kind = publication_kind(project, chosen)
    return "" if kind == str(SKG.Publication) else kind


def _published(project: Project, resource: str, day: str, passage: str, slug: str, completion: Completion,
               command: str) -> None:
    """The dated status change and the same publication's own file completed, written together."""
    when = period("--date", day)
    change = status_change(project, slug=file_slug(slug, status_slug(resource, str(SKG.published))),
                           resource=resource, status=str(SKG.published), day=when, source=passage)
    for wanted in missing_for_published(project, resource, completion):
        stderr.print(f"Warning: {wanted} is not given; the published work is easier to cite with it.", markup=False)
    added = complete_publication(project, resource, completion, command)
    finish(project, [change], "the status change", edited=[added])


def register(new: typer.Typer) -> None:
    _register_cycle(new)
    register_figure(new)
    _register_meeting(new)
    register_bodies(new)


def _register_cycle(new: typer.Typer) -> None:

    @new.command("source")
    def source_command(
        file: Annotated[Path, typer.Argument(help="The document's text: .txt or .md.")],
        slug: Slug = "",
        title: Annotated[str, typer.Option(help="The document's title (default: its Markdown # heading, "
                                                "else the last line of its heading).")] = "",
        meeting_: Annotated[str, typer.Option("--meeting", help="The meeting it is for: meeting:cgrfa-21.")] = "",
        agenda_item: Annotated[str, typer.Option(help="Agenda item (default: from the heading).")] = "",
        date: Annotated[str, typer.Option(help="The date the document bears: YYYY-MM-DD, YYYY-MM or YYYY.")] = "",
        url_: Annotated[str, typer.Option("--url", help="Where the document is published.")] = "",
        force: Annotated[bool, typer.Option(help="Write it again over the file an earlier run wrote.")] = False,
        no_input: NoInput = False,
    ) -> None:
        """Turn a document's text into data/document/SLUG.ttl: one IRI per paragraph and footnote."""
        project = Project.here()
        if file.suffix.lower() not in (".txt", ".md", ".markdown", ".text"):
            raise SoilkgError(f"{file}: give the document as plain text (.txt) or Markdown (.md).", exit_code=2)
        try:
            content = file.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise SoilkgError(f"No such file: {file}. Give the document's text file.", exit_code=2) from None
        except UnicodeDecodeError:
            raise SoilkgError(f"{file} is not UTF-8 text: save it as UTF-8 and try again.", exit_code=2) from None
        parsed = parse_source_text(content, str(file))
        ask = Asker(no_input)
        name = file_slug(ask(slug, "--slug", "The file name of the document", file.stem), "")
        answers = SourceAnswers(
            slug=name,
            title=ask(title, "--title", "The document's title", parsed.title),
            file_name=file.name,
            meeting=resolve(project, in_folder("meeting", meeting_), "--meeting", ("meeting",), "a meeting")
            if meeting_ else "",
            agenda_item=agenda_item_flag("--agenda-item", agenda_item),
            issued=period("--date", date) if date else None,
            url=url("--url", url_) if url_ else "",
        )
        written = source_document(project, parsed, answers)
        if written.path.exists():
            earlier = written.path.read_text(encoding="utf-8")
            if _undated(earlier) == _undated(written.text):
                stdout.print(f"{project.relative(written.path)} is up to date: the text gives the same paragraphs "
                             "and footnotes. Nothing to do.", markup=False)
                return
            if not force:
                raise SoilkgError(f"{project.relative(written.path)} already exists and the text now gives other "
                                  "paragraphs or footnotes: nothing was written. Give --force to write it again "
                                  "from the text (lines you added to it by hand are then lost), or another --slug.",
                                  exit_code=2)
            written.path.unlink()  # --force: the earlier run's output is replaced, in full
        finish(project, [written], "the document")

    @new.command("web-page")
    def web_page_command(
        url_: Annotated[str, typer.Option("--url", help="The page's address.")] = "",
        title: Annotated[str, typer.Option(help="The page's title.")] = "",
        accessed: Annotated[str, typer.Option(help="The day you read it, YYYY-MM-DD.")] = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/web-page/SLUG.ttl: a web page to cite as a source (address and access date)."""
        project = Project.here()
        ask = Asker(no_input)
        address = url("--url", ask(url_, "--url", "The page's address"))
        name = ask(title, "--title", "The page's title")
        day = require_day("--accessed", ask(accessed, "--accessed", "The day you read it (YYYY-MM-DD)")).isoformat()
        finish(project, [web_page(project, slug=file_slug(slug, name), url=address, title=name, accessed=day)],
               "the web page")

    @new.command("publication")
    def publication_command(
        title: Annotated[str, typer.Option(help="The title.")] = "",
        year_: Year = "",
        issued: Annotated[str, typer.Option(help="When it appeared: YYYY-MM-DD (or YYYY-MM).")] = "",
        doi_: Doi = "",
        handle_: Handle = "",
        url_: Url = "",
        kind: Kind = "",
        series_number: SeriesNumber = "",
        completes: Annotated[str, typer.Option(help="A publication of data/ announced earlier (planned, being "
                                                    "finalized) that is now published: publication:sop-nematodes. "
                                                    "Adds --doi/--handle/--url, --year, --kind to its file and "
                                                    "dates the change.")] = "",
        author: Annotated[list[str] | None, typer.Option(help="\"Family, G.\" (repeatable, in order).")] = None,
        publisher: Annotated[str, typer.Option(help="Who published it: organisation:fao.")] = "",
        status_: Annotated[str, typer.Option("--status", help="published, beingFinalized, planned ...")] = "",
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/publication/SLUG.ttl (and data/person/ files for new authors), or complete one."""
        project = Project.here()
        ask = Asker(no_input)
        if completes:
            resource = resolve(project, in_folder("publication", completes), "--completes", ("publication",),
                               "a publication")
            passage = source(project, ask(source_, "--source", "The passage that says it is published"))
            when = issued or year_ or ask("", "--issued", date_question("When it appeared"))
            done = _completion(project, resource, when=when, year_=year_, issued=issued, doi_=doi_,
                               handle_=handle_, url_=url_, kind=kind, series=series_number, passage=passage)
            _published(project, resource, when, passage, slug, done, "new publication --completes")
            return
        name = ask(title, "--title", "The title")
        day = period("--issued", issued) if issued else None
        when = year("--year", ask(year_, "--year", "The year of publication", str(day.first.year) if day else ""))
        if day is not None and str(day.first.year) != when:
            raise SoilkgError(f"--issued {day} is not in --year {when}: correct one of them.", exit_code=2)
        answers = PublicationAnswers(
            slug=file_slug(slug, name), title=name, year=when, issued=day,
            source=source(project, ask(source_, "--source", "The passage that states it (report:p9)")),
            doi=doi(doi_) if doi_ else "", handle=handle(handle_) if handle_ else "",
            url=url("--url", url_) if url_ else "",
            authors=[author_name(a) for a in author or []],
            publisher=resolve(project, in_folder("organisation", publisher), "--publisher", ("organisation",),
                              "an organisation") if publisher else "",
            status=status(project, status_) if status_ else "",
            kind=_kind(project, ask, kind), series_number=_series_number(series_number),
        )
        finish(project, publication(project, answers), "the publication")

    @new.command("status")
    def status_command(
        of: Annotated[str, typer.Option("--of", help="The resource: publication:sop-enzyme-activity, or a "
                                                     "case study (its review status).")] = "",
        status_: Annotated[str, typer.Option("--status", help="Its new status: published, launched ...")] = "",
        date: Annotated[str, typer.Option(help="When it changed: YYYY-MM-DD, YYYY-MM or YYYY "
                                               "(a case study: default today).")] = "",
        source_: Source = "",
        doi_: Doi = "",
        handle_: Handle = "",
        url_: Url = "",
        year_: Year = "",
        kind: Kind = "",
        series_number: SeriesNumber = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/status-change/SLUG.ttl: a dated change of a resource's status. A publication now
        published also gets its DOI (or Handle, address), year and kind in its own file; a case study gets
        its review status, the date it was published and the passage that reports it in its own file."""
        project = Project.here()
        ask = Asker(no_input)
        resource = resolve(project, ask(of, "--of", "The resource whose status changed"), "--of",
                           (*KINDS, "case-study"), "a resource of the graph")
        new_status = status(project, ask(status_, "--status", "Its new status"))
        if folder_of(resource) == "case-study":
            _case_study(project, resource, new_status, date, source_)
            return
        day = ask(date, "--date", date_question("When it changed"))
        passage = source(project, ask(source_, "--source", "The passage that states it"))
        publication_flags = {"--doi": doi_, "--handle": handle_, "--url": url_, "--year": year_, "--kind": kind,
                             "--series-number": series_number}
        if folder_of(resource) == "publication" and new_status == str(SKG.published):
            done = _completion(project, resource, when=period("--date", day).lexical, year_=year_, issued=day,
                               doi_=doi_, handle_=handle_, url_=url_, kind=kind, series=series_number,
                               passage=passage)
            _published(project, resource, day, passage, slug, done, "new status")
            return
        given = [flag for flag, value in publication_flags.items() if value]
        if given:
            raise SoilkgError(f"{given[0]} is for a publication that becomes published; "
                              f"{resource.rsplit('/', 1)[-1]} does not: leave it out.", exit_code=2)
        when = period("--date", day)
        finish(project, [status_change(project, slug=file_slug(slug, status_slug(resource, new_status)),
                                       resource=resource, status=new_status, day=when, source=passage)],
               "the status change")



def _register_meeting(new: typer.Typer) -> None:
    @new.command("meeting")
    def meeting_command(
        body: Annotated[str, typer.Option(help="Whose session: cgrfa (an organisation of data/).")] = "",
        session: Annotated[str, typer.Option(help="The session's number: 21.")] = "",
        place: Annotated[str, typer.Option(help="The city, as the source names it: Rome (optional).")] = "",
        start: Annotated[str, typer.Option(help="First day: YYYY-MM-DD (YYYY-MM when only the month is "
                                                "known).")] = "",
        end: Annotated[str, typer.Option(help="Last day, YYYY-MM-DD (optional).")] = "",
        agenda_item: Annotated[str, typer.Option(
            help="The provisional agenda's item for the Initiative's progress report: 8.4 (optional; the "
                 "session's draft report names it).")] = "",
        activity: Annotated[list[str] | None, typer.Option(
            help="What it did, in the words of the source: \"adopted the Plan of Action\" (repeatable).")] = None,
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/meeting/SLUG.ttl: a session of a governing body (name and file name after the body's
        earlier sessions, dates, place, agenda item, what it did)."""
        project = Project.here()
        ask = Asker(no_input)
        organiser = resolve(project, in_folder("organisation", ask(body, "--body", "The body whose session it is")),
                            "--body", ("organisation",), "an organisation")
        number_text = ask(session, "--session", "The session's number")
        if not number_text.isdigit() or int(number_text) < 1:
            raise SoilkgError(f"--session `{number_text}`: write the session's number in digits, such as 21.",
                              exit_code=2)
        first = period("--start", ask(start, "--start", date_question("The first day")))
        last = period("--end", end) if end else None
        if last is not None and last.last < first.first:
            raise SoilkgError(f"--end {last} is before --start {first}: swap them or correct one.", exit_code=2)
        item = agenda_item_flag("--agenda-item", agenda_item)
        passage = source(project, ask(source_, "--source", "The passage that states it"))
        names_ = session_names(project, organiser, int(number_text))
        answers = MeetingAnswers(slug=file_slug(slug, names_.slug), body=organiser, session=int(number_text),
                                 names=names_, place=place.strip(), start=first, end=last,
                                 source=passage, agenda_item=item, activities=list(activity or []))
        finish(project, [meeting(project, answers)], "the meeting")


def _undated(text: str) -> str:
    """A file without the day it was written on, to tell whether a rerun would change anything."""
    return re.sub(r"on \d{4}-\d{2}-\d{2}\.", "", text, count=1)


def _case_study(project: Project, resource: str, new_status: str, date: str, source_: str) -> None:
    """The review workflow's step: the case study's own file gets its new review status, and when it is
    published the date (default today) and the passage that reports it."""
    from datetime import date as today

    day = period("--date", date) if date else period("--date", today.today().isoformat())
    passage = source(project, source_) if source_ else ""
    edited: NewFile = review_status(project, resource, new_status, day, passage)
    finish(project, [], "the case study", edited=[edited])
