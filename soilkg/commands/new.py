"""`soilkg new case-study`: write a commented Turtle template for a curator to fill in;
`soilkg new csv-template`: write the spreadsheet template that `soilkg import` reads;
`soilkg new country`: write a country the source document does not name, from ISO 3166-1.
The commands of the reporting cycle (source, web-page, publication, figure, status, meeting) are in
soilkg/commands/new_cycle.py and new_figure.py; what a report says is new (network, initiative, decision,
decision-paragraph) in new_bodies.py."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from soilkg.commands import new_cycle
from soilkg.curation.countries import UnknownCountry, country_code
from soilkg.curation.country_file import country_path, write_country
from soilkg.curation.csvfile import write_template
from soilkg.curation.render import render, slugify
from soilkg.curation.template import Answers, target_path, template, vocabulary
from soilkg.errors import SoilkgError
from soilkg.output import stdout
from soilkg.paths import Project

ORCID = re.compile(r"^(https://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")


def _country(text: str) -> str:
    try:
        return country_code(text)
    except UnknownCountry as error:
        raise SoilkgError(str(error), exit_code=2) from None


def _orcid(text: str) -> str:
    match = ORCID.match(text.strip())
    if match is None:
        raise SoilkgError(f"`{text}` is not an ORCID iD. Write it as 0000-0002-1825-0097 "
                          "(four groups of four digits; the last may be X).", exit_code=2)
    return match.group(2)


def _concept_slugs(project: Project, folder: str, given: list[str]) -> list[str]:
    offered = vocabulary(project, folder)
    slugs = [g.strip().split(":", 1)[-1] for g in given if g.strip()]
    unknown = [s for s in slugs if s not in offered]
    if unknown:
        import difflib

        close = difflib.get_close_matches(unknown[0], offered, n=1)
        hint = f" Did you mean `{close[0]}`?" if close else ""
        raise SoilkgError(f"`{unknown[0]}` is not in data/{folder}/.{hint} Choose from: {', '.join(offered)}.",
                          exit_code=2)
    return slugs


def _ask(value: str, question: str, interactive: bool) -> str:
    if value or not interactive:
        return value
    return str(typer.prompt(question, default="", show_default=False)).strip()


def register(app: typer.Typer) -> None:
    new = typer.Typer(help="Write a new data file: a case study (a commented template), a spreadsheet of them, a "
                           "country, and what a progress report speaks of (source document, web page, publication, "
                           "figure, status change, meeting, network, initiative, decision and decision "
                           "paragraph).", no_args_is_help=True)
    app.add_typer(new, name="new")

    @new.command("case-study")
    def case_study(
        title: Annotated[str, typer.Option(help="Title of the case study.")] = "",
        slug: Annotated[str, typer.Option(help="File and web name (default: from the title).")] = "",
        country: Annotated[str, typer.Option(help="ISO 3166-1 alpha-3 code or English name.")] = "",
        compiler_orcid: Annotated[str, typer.Option("--orcid", help="Your ORCID iD.")] = "",
        compiler_name: Annotated[str, typer.Option("--name", help="Your name.")] = "",
        language: Annotated[str, typer.Option(help="ISO 639 code of the language you write in.")] = "en",
        practice: Annotated[list[str] | None, typer.Option(help="A practice of data/practice/ (repeatable).")] = None,
        organism_group: Annotated[list[str] | None, typer.Option(help="An organism group (repeatable).")] = None,
        threat: Annotated[list[str] | None, typer.Option(help="A threat of data/threat/ (repeatable).")] = None,
        land_use: Annotated[list[str] | None, typer.Option(help="A land use of data/land-use/ (repeatable).")] = None,
        demo: Annotated[bool, typer.Option(help="A made-up demonstration, written to examples/case-studies/.")] = False,
        output: Annotated[Path | None, typer.Option(help="Where to write (default: data/case-study/SLUG.ttl).")] = None,
        force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
        no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt (for scripts).")] = False,
    ) -> None:
        """Write a commented Turtle template; it validates once every TODO is replaced."""
        project = Project.here()
        interactive = not no_input and sys.stdin.isatty()
        title = _ask(title, "Title of the case study", interactive)
        slug = slugify(slug or title)
        if not slug:
            raise SoilkgError("Give a title (--title) or a file name (--slug) for the case study.", exit_code=2)
        country_text = _ask(country, "Country (ISO 3166-1 alpha-3 code or English name)", interactive)
        orcid_text = _ask(compiler_orcid, "Your ORCID iD (0000-0000-0000-0000)", interactive)
        answers = Answers(
            slug=slug, title=title, language=language,
            country=_country(country_text) if country_text else "",
            compiler_orcid=_orcid(orcid_text) if orcid_text else "",
            compiler_name=_ask(compiler_name, "Your name", interactive),
            practices=_concept_slugs(project, "practice", practice or []),
            organism_groups=_concept_slugs(project, "organism-group", organism_group or []),
            threats=_concept_slugs(project, "threat", threat or []),
            land_uses=_concept_slugs(project, "land-use", land_use or []),
            demonstration=demo,
        )
        path = output or target_path(project, slug, demo)
        if path.exists() and not force:
            raise SoilkgError(f"{project.relative(path)} already exists. Choose another --slug, or --force to "
                              "overwrite it.", exit_code=2)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(template(project, answers)), encoding="utf-8")
        stdout.print(f"Wrote {project.relative(path)}. Replace every TODO in it, then run:\n"
                     f"  soilkg validate {project.relative(path)}", markup=False)
        if answers.country and (written := write_country(project, answers.country)) is not None:
            # A case study may be in a country the source document does not name: add it from ISO 3166.
            stdout.print(f"Wrote {project.relative(written)} too: country:{answers.country} had no file yet "
                         "(names and codes from ISO 3166-1).", markup=False)

    @new.command("country")
    def country(
        code: Annotated[str, typer.Argument(help="ISO 3166-1 alpha-3 or alpha-2 code, or English name.")],
    ) -> None:
        """Write data/country/CODE.ttl from ISO 3166-1, for a country the source document does not name."""
        project = Project.here()
        alpha3 = _country(code)
        written = write_country(project, alpha3)
        if written is None:
            stdout.print(f"{project.relative(country_path(project, alpha3))} already exists: country:{alpha3} "
                         "is defined; nothing to do.", markup=False)
            return
        stdout.print(f"Wrote {project.relative(written)} (country:{alpha3}, names and codes from ISO 3166-1). "
                     f"Check it with:\n  soilkg validate {project.relative(written)}", markup=False)

    @new.command("csv-template")
    def csv_template(
        output: Annotated[Path, typer.Argument(help="The spreadsheet to write.")] = Path("case-studies.csv"),
        force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
    ) -> None:
        """Write the spreadsheet template (CSV) that `soilkg import` turns into case studies."""
        if output.exists() and not force:
            raise SoilkgError(f"{output} already exists; use --force to overwrite it.", exit_code=2)
        write_template(output)
        stdout.print(f"Wrote {output}: fill in one row per case study (the second row explains each column; "
                     f"keep or delete it), then run `soilkg import {output}`.", markup=False)

    new_cycle.register(new)
