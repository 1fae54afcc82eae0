"""What every `soilkg new` command of the reporting cycle shares: flags first and a prompt for what is
missing (`Asker`), the passage a fact is stated in (`source`), bare slugs taken from the folder a flag
expects, dates as periods, file names that say when they were shortened, and the last step (write,
validate against the whole graph, print the next step)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from soilkg.curation.references import SOURCE_FOLDERS, compact_iri, folder_of, resolve
from soilkg.curation.render import SLUG_LENGTH, full_slug, slugify
from soilkg.curation.turtle_out import NewFile, write_new
from soilkg.errors import Severity, SoilkgError
from soilkg.namespaces import ID
from soilkg.output import print_findings, stderr, stdout
from soilkg.paths import Project
from soilkg.periods import Period, require

NoInput = Annotated[bool, typer.Option("--no-input", help="Never prompt (for scripts).")]
Slug = Annotated[str, typer.Option(help="File and web name (default: derived).")]
Source = Annotated[str, typer.Option("--source", help="The passage that states it: report:p10, document:SLUG/p3, "
                                          "web-page:SLUG or a publication.")]
DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


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


def source(project: Project, text: str, flag: str = "--source") -> str:
    """The passage (paragraph, footnote, web page or publication) a flag names; a whole document is refused."""
    iri = resolve(project, text, flag, SOURCE_FOLDERS, "a source (paragraph, footnote, web page or publication)")
    if folder_of(iri) == "document" and "/" not in iri[len(f"{ID}document/"):]:
        raise SoilkgError(f"{flag} `{text}` is a whole document: cite the paragraph or footnote that says it, "
                          f"such as {compact_iri(project, iri)}/p3 (document:SLUG/p3).", exit_code=2)
    return iri


def in_folder(folder: str, text: str) -> str:
    """`cgrfa` -> `organisation:cgrfa`: a bare slug is taken from the folder the flag expects."""
    return text if ":" in text else f"{folder.replace('-', '')}:{text}"


def period(flag: str, value: str) -> Period:
    """A date flag: a day, a month or a year (soilkg.periods, the one parser of dates)."""
    return require(flag, value)


def date_question(what: str) -> str:
    return f"{what} ({DATE_FORMS})"


def file_slug(given: str, derived: str, flag: str = "--slug") -> str:
    """The file name: --slug as given, else derived from other flags; says so when it had to be shortened."""
    wanted = given or derived
    slug, full = slugify(wanted), full_slug(wanted)
    if slug != full:
        named = f"{flag} `{given}`" if given else f"The name derived from `{derived}`"
        stderr.print(f"Warning: {named} is longer than {SLUG_LENGTH} characters; the file is named `{slug}`. "
                     f"Give a shorter {flag} to choose the name yourself.", markup=False)
    return slug


def finish(project: Project, files: list[NewFile], what: str, edited: list[NewFile] | None = None,
           at: str = "") -> None:
    """Write the new files (and the existing files given more lines), validate them against the whole graph,
    print the result and the next step."""
    from soilkg.validation import validate  # pyshacl and the shapes: loaded only once there is a file to check

    changed = edited or []
    write_new(project, files)
    for f in changed:
        f.path.write_text(f.text, encoding="utf-8")
    findings = validate(project, [f.path for f in [*files, *changed]])
    print_findings(findings)
    shown = [project.relative(f.path) for f in files]
    for path in shown:
        stdout.print(f"Wrote {path}", markup=False)
    for f in changed:
        stdout.print(f"Added to {project.relative(f.path)}", markup=False)
    every = [*shown, *(project.relative(f.path) for f in changed)]
    if any(f.severity is Severity.VIOLATION for f in findings):
        stderr.print(f"{every[0]} does not validate yet: fix what is listed above, then run\n"
                     f"  soilkg validate {' '.join(every)}", markup=False)
        raise typer.Exit(1)
    first = (files or changed)[0].path
    where = at or f"/id/{first.parent.name}/{first.stem}"
    stdout.print(f"Valid. Next: review {every[0]}, then `soilkg build`; {what} is then at "
                 f"{where} and in the named queries (`soilkg serve`, /queries).", markup=False)
