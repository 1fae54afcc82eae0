"""The commented Turtle template that `soilkg new case-study` writes. What the curator gave (flags or
prompts) is filled in; every other required field holds a TODO placeholder, which the check
shapes/checks/case-study-placeholder.rq reports until it is replaced, so the file validates exactly
when the required fields are filled."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from soilkg.curation.fields import LICENSES
from soilkg.curation.render import Draft, Line, iri, plain, text
from soilkg.curation.vocab import concepts
from soilkg.paths import Project

TODO = "TODO"


@dataclass
class Answers:
    """What the curator told `soilkg new case-study`; empty means "leave a placeholder"."""

    slug: str
    title: str = ""
    language: str = "en"
    country: str = ""  # ISO 3166-1 alpha-3
    compiler_orcid: str = ""  # 0000-0000-0000-0000
    compiler_name: str = ""
    practices: list[str] = field(default_factory=list)  # slugs of data/practice/
    organism_groups: list[str] = field(default_factory=list)
    threats: list[str] = field(default_factory=list)
    land_uses: list[str] = field(default_factory=list)
    demonstration: bool = False


def vocabulary(project: Project, folder: str) -> list[str]:
    """The slugs of the concepts a vocabulary folder offers (its concept scheme file is not one)."""
    return sorted(iri.rsplit("/", 1)[-1] for iri in concepts(project, folder))


def _concepts(prefix: str, slugs: list[str]) -> list[str]:
    return [f"{prefix}:{s}" for s in slugs] or [f"{prefix}:{TODO}"]


def _choices(project: Project, folder: str, what: str) -> str:
    offered = vocabulary(project, folder)
    listing = ", ".join(offered) if offered else "(none yet)"
    return f"{what} (data/{folder}/; several: separate with \" , \"): {listing}"


def template(project: Project, answers: Answers) -> Draft:
    lang = answers.language or "en"
    orcid = f"https://orcid.org/{answers.compiler_orcid or TODO}"
    demo = answers.demonstration
    title = answers.title or f"{TODO}: title"
    if demo and not title.startswith("Demonstration"):
        title = f"Demonstration: {title}"
    types = ["skg:CaseStudy", "skg:DemonstrationCaseStudy"] if demo else ["skg:CaseStudy"]
    general = [Line("a", types)]
    if demo:
        general.append(Line("skg:demonstration", ["true"], "A made-up example: it stays out of the public build."))
    general += [
        Line("rdfs:label", [text(title, lang)], "Title, as a reader would search for it."),
        Line("dct:abstract", [text(f"{TODO}: two or three sentences.", lang)], "Summary."),
        Line("dct:language", [plain(lang)], "ISO 639 code of the language you write in."),
    ]
    description = [Line("dct:description", [text(f"{TODO}: what was done, where, why and by whom.", lang)])]
    classification = [
        Line("skg:practice", _concepts("practice", answers.practices), _choices(project, "practice", "Practices")),
        Line("skg:organismGroup", _concepts("organismgroup", answers.organism_groups),
             _choices(project, "organism-group", "Soil organism groups")),
        Line("skg:threatAddressed", _concepts("threat", answers.threats), _choices(project, "threat", "Threats")),
        Line("skg:landUse", _concepts("landuse", answers.land_uses), _choices(project, "land-use", "Land uses")),
        Line("skg:soilFunction", [text("nutrient cycling", lang)], "Optional: soil functions concerned, in words.",
             optional_hint=True),
        Line("skg:theme", ["theme:soil-health"], _choices(project, "theme", "Optional: themes"), optional_hint=True),
    ]
    location = [
        Line("skg:country", [f"country:{answers.country or TODO}"],
             "ISO 3166-1 alpha-3 code after `country:` (country:GHA, country:MEX ...)."),
        Line("skg:administrativeArea", [plain(f"{TODO}: region, province or district")]),
        Line("geo:lat", ["6.6885"], "Optional: coordinates in decimal degrees (WGS84; south and west negative).",
             optional_hint=True),
        Line("geo:long", ["-1.6244"], optional_hint=True),
    ]
    implementation = [
        Line("skg:implementer", [plain(f"{TODO}: who implemented the practice")],
             "A name in quotes, or an organisation of the graph such as organisation:fao."),
        Line("skg:startDate", [plain(f"{TODO}: 2021-03-15")],
             'As precise as you know: "2021-03-15"^^xsd:date, "2021-03"^^xsd:gYearMonth or "2021"^^xsd:gYear.'),
        Line("skg:endDate", ['"2023"^^xsd:gYear'], "Optional: leave out while it goes on.", optional_hint=True),
        Line("skg:scale", [plain(f"{TODO}: plot, field, farm, watershed, district or national")]),
        Line("skg:areaHectares", ["12.5"], "Optional: area in hectares, a number without quotes.",
             optional_hint=True),
        Line("skg:costAmount", ["350"], "Optional: cost, a number, with its ISO 4217 currency.", optional_hint=True),
        Line("skg:costCurrency", [plain("USD")], optional_hint=True),
    ]
    impacts = [[
        Line("skg:impactOn", ["skg:onSoilBiodiversity"],
             "skg:onSoilBiodiversity, skg:onSoilHealth, skg:onYields or skg:onLivelihoods."),
        Line("skg:impactDirection", ["skg:improvement"], "skg:improvement, skg:decline or skg:noChange."),
        Line("dct:description", [text(f"{TODO}: the impact in words.", lang)]),
        Line("skg:indicator", [text("earthworms per square metre", lang)],
             "Optional, when measured: indicator, value (a number) and unit.", optional_hint=True),
        Line("schema:value", ["12"], optional_hint=True),
        Line("schema:unitText", [plain("individuals/m2")], optional_hint=True),
    ]]
    references = [
        Line("skg:referenceUrl", [iri(f"https://{TODO}.example/page-that-documents-it")],
             'At least one reference: a web page here and/or a DOI as skg:doi "10.4060/cc9423en".'),
        Line("dct:license", [iri(LICENSES["cc-by-4.0"])],
             "CC BY 4.0 (as here), CC BY-SA 4.0 or CC0 1.0 (creativecommons.org/publicdomain/zero/1.0/)."),
        Line("skg:compiler", [iri(orcid)], "Your ORCID iD; your name is at the end of the file."),
        Line("skg:reviewer", [iri("https://orcid.org/0000-0000-0000-0000")],
             "The reviewer adds their ORCID iD (and name below) when they review it.", optional_hint=True),
        Line("skg:reviewStatus", ["skg:draft"], "draft -> submitted (ready for review) -> reviewed -> published."),
    ]
    name = answers.compiler_name or f"{TODO}: your name"
    return Draft(
        slug=answers.slug,
        header=[
            ("DEMONSTRATION case study (made up; stays out of the public build): " if demo else "Case study: ")
            + title,
            f"Written by `soilkg new case-study` on {date.today().isoformat()}. Replace every TODO, then run",
            f"    soilkg validate {_where(project, answers)}",
            "Lines starting with # are comments. Each property ends with ' ;' and the last one with ' .'.",
            "To fill in an optional field, remove the '# ' in front of it.",
        ],
        sections=[("General information", general), ("Description", description),
                  ("Classification", classification), ("Location", location),
                  ("Implementation", implementation), ("Impacts", []),
                  ("References, licence and review", references)],
        impacts=impacts,
        people={orcid: plain(name)},
    )


def _where(project: Project, answers: Answers) -> str:
    return project.relative(target_path(project, answers.slug, answers.demonstration))


def target_path(project: Project, slug: str, demonstration: bool) -> Path:
    base = project.demo if demonstration else project.data / "case-study"
    return base / f"{slug}.ttl"
