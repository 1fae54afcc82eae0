"""`soilkg new figure`: a newer value of a reported figure (`--updates`), or the first value of a figure
the graph does not have yet (`--about`, `--unit`, `--measures`). Either may name the countries it counts
(`--counts`, repeatable); an update never inherits the earlier value's list of countries."""

from __future__ import annotations

from typing import Annotated

import typer

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
from soilkg.curation.countries import UnknownCountry, country_code
from soilkg.curation.country_file import write_country
from soilkg.curation.flags import number
from soilkg.curation.history_files import Counted, earlier_figure, figure, first_figure
from soilkg.curation.references import folder_store, resolve
from soilkg.errors import SoilkgError
from soilkg.namespaces import ID, KINDS, RDFS
from soilkg.output import stdout
from soilkg.paths import Project


def counted(project: Project, given: list[str]) -> Counted:
    """The countries a value counts (codes or English names), with their names; a country the graph has
    no file for yet is written from ISO 3166-1, as `soilkg new case-study` does."""
    out = Counted()
    for text in given:
        try:
            code = country_code(text.strip().removeprefix("country:"))
        except UnknownCountry as error:
            raise SoilkgError(f"--counts: {error}", exit_code=2) from None
        if (written := write_country(project, code)) is not None:
            stdout.print(f"Wrote {project.relative(written)} (country:{code}, from ISO 3166-1).", markup=False)
        iri = f"{ID}country/{code}"
        rows = folder_store(project, "country").query(
            f"SELECT ?l WHERE {{ GRAPH ?g {{ <{iri}> <{RDFS.label}> ?l FILTER(LANG(?l) = \"en\") }} }} LIMIT 1")
        out.iris.append(iri)
        out.names.append(next((row["l"].value for row in rows), code))  # type: ignore[union-attr]
    return out


def register(new: typer.Typer) -> None:
    @new.command("figure")
    def figure_command(
        updates: Annotated[str, typer.Option(help="The figure it updates: figure:global-soil-doctors-trainers.")] = "",
        about: Annotated[str, typer.Option(help="A first value (no --updates): the resource it is about, "
                                                "programme:global-soil-doctors.")] = "",
        unit: Annotated[str, typer.Option(help="A first value: what one unit is, \"countries\".")] = "",
        measures: Annotated[str, typer.Option(help="A first value: what it counts, in the source's words.")] = "",
        value: Annotated[str, typer.Option(help="The number, as printed (\"1 800\" or 1800).")] = "",
        more_than: Annotated[bool, typer.Option("--more-than", help="The source says \"more than\".")] = False,
        counts: Annotated[list[str] | None, typer.Option(
            help="A country the value counts, code or English name (repeatable, in the source's order).")] = None,
        as_of: Annotated[str, typer.Option(help="When the value held: YYYY-MM-DD, YYYY-MM or YYYY.")] = "",
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/figure/SLUG.ttl: a newer value of a reported figure, linked to the value it updates,
        or (with --about instead of --updates) the first value of a new figure."""
        project = Project.here()
        ask = Asker(no_input)
        if updates and about:
            raise SoilkgError("Give --updates (a newer value of a figure) or --about (the first value of a new "
                              "figure), not both: an update is about what the figure it updates is about.",
                              exit_code=2)
        if not about:
            earlier = earlier_figure(project, resolve(project, in_folder("figure", ask(
                updates, "--updates", "The figure it updates (figure:...), or give --about for a first value")),
                "--updates", ("figure",), "a reported figure"))
        amount = number("--value", ask(value, "--value", "The value" if about else "The new value"))
        when = period("--as-of", ask(as_of, "--as-of", date_question("The date the value held")))
        passage = source(project, ask(source_, "--source", "The passage that states it"))
        listed = counted(project, list(counts or []))
        if about:
            subject = resolve(project, about, "--about", tuple(KINDS), "a resource of the graph")
            what = ask(measures, "--measures", "What the figure counts, in the words of the source")
            one = ask(unit, "--unit", "What one unit is (countries, farmers)")
            name = file_slug(slug, f"{subject.rsplit('/', 1)[-1]}-{what}")
            written = first_figure(project, slug=name, about=subject, value=amount, more_than=more_than, unit=one,
                                   measures=what, as_of=when, source=passage, counted=listed)
        else:
            name = file_slug(slug, f"{earlier.series.rsplit('/', 1)[-1]}-{when}")
            written = figure(project, slug=name, earlier=earlier, value=amount, more_than=more_than, as_of=when,
                             source=passage, counted=listed)
        finish(project, [written], "the figure")
