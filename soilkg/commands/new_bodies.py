"""The `soilkg new` commands for what a progress report says is new: `network` (a network or other body
launched), `initiative` (an initiative, programme or observatory), `decision` and `decision-paragraph`
(a paragraph of a decision, such as one that invites FAO again). Each writes one commented file (a new
paragraph: added to its decision's file), validates it against the whole graph and prints the next step."""

from __future__ import annotations

from typing import Annotated

import typer

from soilkg.commands.new_common import Asker, NoInput, Slug, Source, file_slug, finish, in_folder, period, source
from soilkg.curation.body_files import (
    BODY_KINDS,
    INITIATIVE_KINDS,
    BodyAnswers,
    ParagraphAnswers,
    body,
    decision,
    decision_label,
    decision_paragraph,
)
from soilkg.curation.countries import UnknownCountry, country_code
from soilkg.curation.flags import status, url
from soilkg.curation.references import resolve
from soilkg.errors import SoilkgError
from soilkg.namespaces import KINDS
from soilkg.paths import Project

Name = Annotated[str, typer.Option(help="Its English name, as the source writes it.")]
Acronym = Annotated[str, typer.Option(help="Its acronym: INSOP.")]
Started = Annotated[str, typer.Option("--date", help="When it was launched or started: YYYY-MM-DD, YYYY-MM or "
                                                      "YYYY.")]
Website = Annotated[str, typer.Option(help="Its web page.")]
Aim = Annotated[list[str] | None, typer.Option(help="An aim, in the words of the source (repeatable).")]
Activity = Annotated[list[str] | None, typer.Option(help="What it does, in the words of the source (repeatable).")]
ContributesTo = Annotated[list[str] | None, typer.Option(
    help="What it contributes to: initiative:international-initiative-soil-biodiversity (repeatable).")]
Status = Annotated[str, typer.Option("--status", help="Where it stands: launched, ongoing, implementing ...")]


def _organisation(project: Project, text: str, flag: str) -> str:
    return resolve(project, in_folder("organisation", text), flag, ("organisation", "network"), "an organisation")


def _kind(given: str, offered: dict[str, tuple[str, str]]) -> str:
    kind = given.strip().lower()
    if kind not in offered:
        raise SoilkgError(f"--kind `{given}`: choose one of {', '.join(offered)}.", exit_code=2)
    return kind


def _resources(project: Project, given: list[str] | None, flag: str) -> list[str]:
    return [resolve(project, g, flag, tuple(KINDS), "a resource of the graph") for g in given or []]


def _countries(project: Project, given: list[str] | None) -> list[str]:
    out = []
    for text in given or []:
        try:
            code = country_code(text.strip().removeprefix("country:"))
        except UnknownCountry as error:
            raise SoilkgError(f"--country: {error}", exit_code=2) from None
        out.append(resolve(project, f"country:{code}", "--country", ("country",), "a country"))
    return out


def _described(project: Project, ask: Asker, source_: str, date: str, status_: str, website: str,
               aim: list[str] | None, activity: list[str] | None,
               contributes_to: list[str] | None) -> dict[str, object]:
    """What networks and initiatives are described by alike: source, start, status, web page, aims,
    activities and what they contribute to."""
    return {"source": source(project, ask(source_, "--source", "The passage that states it")),
            "started": period("--date", date) if date else None,
            "status": status(project, status_) if status_ else "",
            "website": url("--website", website) if website else "",
            "aims": list(aim or []), "activities": list(activity or []),
            "contributes_to": _resources(project, contributes_to, "--contributes-to")}


def _body(project: Project, ask: Asker, *, kind: str, name: str, acronym: str, slug: str, **rest: object) -> None:
    label = ask(name, "--name", "Its English name")
    answers = BodyAnswers(slug=file_slug(slug, acronym or label), kind=kind, name=label, acronym=acronym.strip(),
                          **rest)  # type: ignore[arg-type]
    finish(project, [body(project, answers)], f"the {kind}")


def register(new: typer.Typer) -> None:
    @new.command("network")
    def network_command(
        name: Name = "",
        acronym: Acronym = "",
        kind: Annotated[str, typer.Option(help="network (a technical network of the partnership) or "
                                               "organisation (another body).")] = "network",
        part_of: Annotated[str, typer.Option(help="The partnership it is a unit of (networks; default gsp).")] = "",
        launched_by: Annotated[str, typer.Option(help="Who launched it: gsp.")] = "",
        date: Started = "",
        status_: Status = "launched",
        website: Website = "",
        aim: Aim = None,
        activity: Activity = None,
        contributes_to: ContributesTo = None,
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/network/SLUG.ttl: a network (or, --kind organisation, another body) that was launched."""
        project = Project.here()
        ask = Asker(no_input)
        chosen = _kind(kind, BODY_KINDS)
        partnership = part_of or ("gsp" if chosen == "network" else "")
        _body(project, ask, kind=chosen, name=name, acronym=acronym, slug=slug,
              part_of=_organisation(project, partnership, "--part-of") if partnership else "",
              by=_organisation(project, launched_by, "--launched-by") if launched_by else "",
              **_described(project, ask, source_, date, status_, website, aim, activity, contributes_to))

    @new.command("initiative")
    def initiative_command(
        name: Name = "",
        acronym: Acronym = "",
        kind: Annotated[str, typer.Option(help="initiative, programme or observatory.")] = "initiative",
        run_by: Annotated[str, typer.Option(help="Who runs it: gsp.")] = "",
        date: Started = "",
        status_: Status = "",
        website: Website = "",
        aim: Aim = None,
        activity: Activity = None,
        contributes_to: ContributesTo = None,
        country: Annotated[list[str] | None, typer.Option(
            help="A country it is implemented in, code or English name (repeatable).")] = None,
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/initiative/SLUG.ttl (a programme or observatory: data/programme/SLUG.ttl)."""
        project = Project.here()
        ask = Asker(no_input)
        _body(project, ask, kind=_kind(kind, INITIATIVE_KINDS), name=name, acronym=acronym, slug=slug,
              by=_organisation(project, run_by, "--run-by") if run_by else "", countries=_countries(project, country),
              **_described(project, ask, source_, date, status_, website, aim, activity, contributes_to))

    @new.command("decision")
    def decision_command(
        symbol: Annotated[str, typer.Option(help="Its official symbol: CBD/COP/DEC/16/5.")] = "",
        meeting: Annotated[str, typer.Option(help="The meeting that adopted it: meeting:cbd-cop-16.")] = "",
        label: Annotated[str, typer.Option(help="Its English name (default: \"CBD COP decision 16/5\" from a CBD "
                                                "symbol, else the symbol).")] = "",
        source_: Source = "",
        slug: Slug = "",
        no_input: NoInput = False,
    ) -> None:
        """Write data/decision/SLUG.ttl: a policy decision (its paragraphs: `soilkg new decision-paragraph`)."""
        project = Project.here()
        ask = Asker(no_input)
        code = ask(symbol, "--symbol", "Its official symbol (CBD/COP/DEC/16/5)")
        adopted_at = resolve(project, in_folder("meeting", meeting), "--meeting", ("meeting",), "a meeting") \
            if meeting else ""
        finish(project, [decision(project, slug=file_slug(slug, code), symbol=code,
                                  label=label.strip() or decision_label(code), meeting=adopted_at,
                                  source=source(project, ask(source_, "--source", "The passage that states it")))],
               "the decision")

    @new.command("decision-paragraph")
    def paragraph_command(
        decision_: Annotated[str, typer.Option("--decision", help="The decision: decision:cbd-cop-dec-15-28.")] = "",
        number: Annotated[str, typer.Option(help="The paragraph's number: 7.")] = "",
        invites: Annotated[list[str] | None, typer.Option(
            help="Whom it invites: organisation:fao, actor-group:farmers (repeatable).")] = None,
        through: Annotated[str, typer.Option(help="Through whom it invites them: organisation:gsp.")] = "",
        invitation: Annotated[str, typer.Option(help="What it invites them to do, in its words: \"to facilitate "
                                                     "its implementation\".")] = "",
        adopts: Annotated[list[str] | None, typer.Option(help="What it adopts: plan:... (repeatable).")] = None,
        establishes: Annotated[list[str] | None, typer.Option(help="What it establishes (repeatable).")] = None,
        source_: Source = "",
        no_input: NoInput = False,
    ) -> None:
        """Add paragraph N to data/decision/SLUG.ttl: what it invites (whom, through whom, to do what), adopts
        or establishes, each statement with its passage."""
        project = Project.here()
        ask = Asker(no_input)
        owner = resolve(project, in_folder("decision", ask(decision_, "--decision", "The decision")), "--decision",
                        ("decision",), "a decision")
        number_text = ask(number, "--number", "The paragraph's number")
        if not number_text.isdigit() or int(number_text) < 1:
            raise SoilkgError(f"--number `{number_text}`: write the paragraph's number in digits, such as 7.",
                              exit_code=2)
        invited = [resolve(project, in_folder("organisation", i), "--invites", ("organisation", "network",
                                                                                "actor-group"), "an organisation")
                   for i in invites or []]
        answers = ParagraphAnswers(
            decision=owner, number=int(number_text),
            source=source(project, ask(source_, "--source", "The passage that states it")),
            invites=invited, through=_organisation(project, through, "--through") if through else "",
            invitation=invitation.strip(), adopts=_resources(project, adopts, "--adopts"),
            establishes=_resources(project, establishes, "--establishes"))
        finish(project, [], "the decision paragraph", edited=[decision_paragraph(project, answers)],
               at=f"/id/decision/{owner.rsplit('/', 1)[-1]}/p{answers.number}")
