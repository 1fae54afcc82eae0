"""The `soilkg new` commands of the reporting cycle: `source`, `web-page`, `publication`, `figure`,
`status` and `meeting`. Each takes flags (or asks for what is missing when run in a terminal), writes
one commented Turtle file (a publication also one per new author), validates it against the whole
graph and prints the path and the next step."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from soilkg.curation.cycle_files import PublicationAnswers, author_name, meeting, publication, web_page
from soilkg.curation.flags import agenda_item as agenda_item_flag
from soilkg.curation.flags import doi, handle, iso_date, number, status, url, year
from soilkg.curation.history_files import earlier_figure, figure, status_change, status_slug
from soilkg.curation.references import SOURCE_FOLDERS, compact_iri, folder_of, resolve
from soilkg.curation.render import slugify
from soilkg.curation.source_file import SourceAnswers, source_document
from soilkg.curation.source_text import parse_source_text
from soilkg.curation.turtle_out import NewFile, write_new
from soilkg.errors import Severity, SoilkgError
from soilkg.namespaces import ID, KINDS
from soilkg.output import print_findings, stderr, stdout
from soilkg.paths import Project

NoInput = Annotated[bool, typer.Option("--no-input", help="Never prompt (for scripts).")]
Slug = Annotated[str, typer.Option(help="File and web name (default: derived).")]
Source = Annotated[str, typer.Option("--source", help="The passage that states it: report:p10, document:SLUG/p3, "
                                          "web-page:SLUG or a publication.")]


class Asker:
    """Flags first; in a terminal, a prompt for each missing required value; else a clear error."""

    def __init__(self, no_input: bool) -> None:
        self.interactive = not no_input and sys.stdin.isatty()

    def __call__(self, value: str, flag: str, question: str, default: str = "") -> str:
        if value.strip():
            return value.strip()
        if self.interactive:
            answer = typer.prompt(question, default=default or None, show_default=bool(default))
            if str(answer).strip():
                return str(answer).strip()
        if default:
            return default
        raise SoilkgError(f"{flag} is missing: give {question[0].lower() + question[1:]} with {flag}.", exit_code=2)


def _source(project: Project, text: str) -> str:
    iri = resolve(project, text, "--source", SOURCE_FOLDERS, "a source (paragraph, footnote, web page or publication)")
    if folder_of(iri) == "document" and "/" not in iri[len(f"{ID}document/"):]:
        raise SoilkgError(f"--source `{text}` is a whole document: cite the paragraph or footnote that says it, "
                          f"such as {compact_iri(project, iri)}/p3 (document:SLUG/p3).", exit_code=2)
    return iri


def _in(folder: str, text: str) -> str:
    """`cgrfa` -> `organisation:cgrfa`: a bare slug is taken from the folder the flag expects."""
    return text if ":" in text else f"{folder.replace('-', '')}:{text}"


def _finish(project: Project, files: list[NewFile], what: str) -> None:
    """Write the files, validate them against the whole graph, print the result and the next step."""
    from soilkg.validation import validate  # pyshacl and the shapes: loaded only once there is a file to check

    write_new(project, files)
    findings = validate(project, [f.path for f in files])
    print_findings(findings)
    shown = [project.relative(f.path) for f in files]
    for path in shown:
        stdout.print(f"Wrote {path}", markup=False)
    if any(f.severity is Severity.VIOLATION for f in findings):
        stderr.print(f"{shown[0]} does not validate yet: fix what is listed above, then run\n"
                     f"  soilkg validate {' '.join(shown)}", markup=False)
        raise typer.Exit(1)
    kind, slug = files[0].path.parent.name, files[0].path.stem
    stdout.print(f"Valid. Next: review {shown[0]}, then `soilkg build`; {what} is then at "
                 f"/id/{kind}/{slug} and in the named queries (`soilkg serve`, /queries).", markup=False)


def register(new: typer.Typer) -> None:
    @new.command("source")
    def source(
        file: Annotated[Path, typer.Argument(help="The document's text: .txt or .md.")],
        slug: Slug = "",
        title: Annotated[str, typer.Option(help="The document's title (default: from its heading).")] = "",
        meeting_: Annotated[str, typer.Option("--meeting", help="The meeting it is for: meeting:cgrfa-21.")] = "",
        agenda_item: Annotated[str, typer.Option(help="Agenda item (default: from the heading).")] = "",
        date: Annotated[str, typer.Option(help="The date the document bears, YYYY-MM-DD.")] = "",
        url_: Annotated[str, typer.Option("--url", help="Where the document is published.")] = "",
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
        answers = SourceAnswers(
            slug=slugify(ask(slug, "--slug", "The file name of the document", slugify(file.stem))),
            title=ask(title, "--title", "The document's title", parsed.title),
            file_name=file.name,
            meeting=resolve(project, _in("meeting", meeting_), "--meeting", ("meeting",), "a meeting")
            if meeting_ else "",
            agenda_item=agenda_item_flag("--agenda-item", agenda_item),
            issued=iso_date("--date", date) if date else "",
            url=url("--url", url_) if url_ else "",
        )
        _finish(project, [source_document(project, parsed, answers)], "the document")

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
        day = iso_date("--accessed", ask(accessed, "--accessed", "The day you read it (YYYY-MM-DD)"))
        _finish(project, [web_page(project, slug=slugify(slug or name), url=address, title=name, accessed=day)],
                "the web page")

    @new.command("publication")
    def publication_command(
        title: Annotated[str, typer.Option(help="The title.")] = "",
        year_: Annotated[str, typer.Option("--year", help="Year of publication.")] = "",
        issued: Annotated[str, typer.Option(help="The day it appeared, YYYY-MM-DD.")] = "",
        doi_: Annotated[str, typer.Option("--doi", help="DOI, such as 10.4060/cc9423en.")] = "",
        handle_: Annotated[str, typer.Option("--handle", help="Handle, such as 20.500.14283/cc4082en.")] = "",
        url_: Annotated[str, typer.Option("--url", help="Where to read it.")] = "",
        author: Annotated[list[str] | None, typer.Option(help="\"Family, G.\" (repeatable, in order).")] = None,
        publisher: Annotated[str, typer.Option(help="Who published it: organisation:fao.")] = "",
        status_: Annotated[str, typer.Option("--status", help="published, beingFinalized, planned ...")] = "",
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/publication/SLUG.ttl (and data/person/ files for new authors)."""
        project = Project.here()
        ask = Asker(no_input)
        name = ask(title, "--title", "The title")
        day = iso_date("--issued", issued) if issued else ""
        when = year("--year", ask(year_, "--year", "The year of publication", day[:4]))
        if day and day[:4] != when:
            raise SoilkgError(f"--issued {day} is not in --year {when}: correct one of them.", exit_code=2)
        answers = PublicationAnswers(
            slug=slugify(slug or name), title=name, year=when, issued=day,
            source=_source(project, ask(source_, "--source", "The passage that states it (report:p9)")),
            doi=doi(doi_) if doi_ else "", handle=handle(handle_) if handle_ else "",
            url=url("--url", url_) if url_ else "",
            authors=[author_name(a) for a in author or []],
            publisher=resolve(project, _in("organisation", publisher), "--publisher", ("organisation",),
                              "an organisation") if publisher else "",
            status=status(project, status_) if status_ else "",
        )
        _finish(project, publication(project, answers), "the publication")

    @new.command("figure")
    def figure_command(
        updates: Annotated[str, typer.Option(help="The figure it updates: figure:global-soil-doctors-trainers.")] = "",
        value: Annotated[str, typer.Option(help="The new number, as printed (\"1 800\" or 1800).")] = "",
        more_than: Annotated[bool, typer.Option("--more-than", help="The source says \"more than\".")] = False,
        as_of: Annotated[str, typer.Option(help="When the value held, YYYY-MM-DD.")] = "",
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/figure/SLUG.ttl: a newer value of a reported figure, linked to the value it updates."""
        project = Project.here()
        ask = Asker(no_input)
        earlier = earlier_figure(project, resolve(project, _in("figure", ask(updates, "--updates",
                                 "The figure it updates (figure:...)")), "--updates", ("figure",), "a reported figure"))
        amount = number("--value", ask(value, "--value", "The new value"))
        day = iso_date("--as-of", ask(as_of, "--as-of", "The date the value held (YYYY-MM-DD)"))
        passage = _source(project, ask(source_, "--source", "The passage that states it"))
        name = slugify(slug or f"{earlier.series.rsplit('/', 1)[-1]}-{day}")
        _finish(project, [figure(project, slug=name, earlier=earlier, value=amount, more_than=more_than,
                                 as_of=day, source=passage)], "the figure")

    @new.command("status")
    def status_command(
        of: Annotated[str, typer.Option("--of", help="The resource: publication:sop-enzyme-activity.")] = "",
        status_: Annotated[str, typer.Option("--status", help="Its new status: published, launched ...")] = "",
        date: Annotated[str, typer.Option(help="When it changed, YYYY-MM-DD.")] = "",
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/status-change/SLUG.ttl: a dated change of a resource's status."""
        project = Project.here()
        ask = Asker(no_input)
        resource = resolve(project, ask(of, "--of", "The resource whose status changed"), "--of", tuple(KINDS),
                           "a resource of the graph")
        new_status = status(project, ask(status_, "--status", "Its new status"))
        day = iso_date("--date", ask(date, "--date", "When it changed (YYYY-MM-DD)"))
        passage = _source(project, ask(source_, "--source", "The passage that states it"))
        _finish(project, [status_change(project, slug=slugify(slug or status_slug(resource, new_status)),
                                        resource=resource, status=new_status, day=day, source=passage)],
                "the status change")

    @new.command("meeting")
    def meeting_command(
        body: Annotated[str, typer.Option(help="Whose session: cgrfa (an organisation of data/).")] = "",
        session: Annotated[str, typer.Option(help="The session's number: 21.")] = "",
        place: Annotated[str, typer.Option(help="The city: Rome.")] = "",
        start: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.")] = "",
        end: Annotated[str, typer.Option(help="Last day, YYYY-MM-DD.")] = "",
        agenda_item: Annotated[str, typer.Option(
            help="The provisional agenda's item for the Initiative's progress report: 8.4 (optional; the "
                 "session's draft report names it).")] = "",
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/meeting/SLUG.ttl: a session of a governing body (dates, place, agenda item)."""
        project = Project.here()
        ask = Asker(no_input)
        organiser = resolve(project, _in("organisation", ask(body, "--body", "The body whose session it is")),
                            "--body", ("organisation",), "an organisation")
        number_text = ask(session, "--session", "The session's number")
        if not number_text.isdigit() or int(number_text) < 1:
            raise SoilkgError(f"--session `{number_text}`: write the session's number in digits, such as 21.",
                              exit_code=2)
        first = iso_date("--start", ask(start, "--start", "The first day (YYYY-MM-DD)"))
        last = iso_date("--end", ask(end, "--end", "The last day (YYYY-MM-DD)"))
        if last < first:
            raise SoilkgError(f"--end {last} is before --start {first}: swap them or correct one.", exit_code=2)
        where = ask(place, "--place", "The city where it is held")
        item = agenda_item_flag("--agenda-item", agenda_item)
        passage = _source(project, ask(source_, "--source", "The passage that states it"))
        name = slugify(slug or f"{organiser.rsplit('/', 1)[-1]}-{int(number_text)}")
        _finish(project, [meeting(project, slug=name, body=organiser, session=int(number_text), place=where,
                                  start=first, end=last, source=passage, agenda_item=item)], "the meeting")
