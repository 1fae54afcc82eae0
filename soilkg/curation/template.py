"""The commented Turtle template that `soilkg new case-study` writes, section by section from the
case-study schema. What the curator gave (flags or prompts) is filled in; every other required field
holds a TODO placeholder, which the check shapes/checks/case-study-placeholder.rq reports until it is
replaced, so the file validates exactly when the required fields are filled; optional fields are
commented-out examples."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from soilkg.curation.render import Draft, Line, iri, plain, text
from soilkg.curation.rows import convert
from soilkg.curation.schema import (
    CASE_STUDY_FIELDS,
    IMPACT_FIELDS,
    NOT_PROPERTIES,
    ORCID_BASE,
    PERSON_NAMES,
    SECTIONS,
    TODO,
    Field,
    Kind,
    concept_prefix,
    section_fields,
)
from soilkg.curation.vocab import concepts
from soilkg.paths import Project


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


def _comment(project: Project, spec: Field) -> str:
    comment = spec.note or spec.help
    if spec.kind is Kind.CONCEPT:
        offered = ", ".join(vocabulary(project, spec.vocabulary)) or "(none yet)"
        comment = f"{comment.rstrip('.')} (data/{spec.vocabulary}/; several: separate with \" , \"): {offered}"
    return comment if spec.required or spec.placeholder else f"Optional: {comment}"


def _placeholder(spec: Field, lang: str) -> list[str]:
    """The value a required field holds until the curator fills it in (the placeholder check finds TODO)."""
    if spec.kind is Kind.CONCEPT:
        return [f"{concept_prefix(spec.vocabulary)}:{TODO}"]
    if spec.kind is Kind.COUNTRY:
        return [f"country:{TODO}"]
    if spec.kind is Kind.ORCID:
        return [iri(ORCID_BASE + TODO)]
    if spec.kind is Kind.URL:
        return [iri(spec.placeholder)]
    words = f"{TODO}: {spec.placeholder}"
    return [text(words, lang)] if spec.kind is Kind.TEXT else [plain(words)]


def _line(project: Project, spec: Field, given: list[str], lang: str) -> Line:
    comment = _comment(project, spec)
    if given:
        return Line(spec.prop, given, comment)
    if spec.placeholder or (spec.required and spec.kind in (Kind.CONCEPT, Kind.COUNTRY, Kind.ORCID)):
        return Line(spec.prop, _placeholder(spec, lang), comment)
    example = convert(project, spec, spec.sample or spec.example, lang)
    return Line(spec.prop, example, comment, optional_hint=not spec.required)


def _given(answers: Answers, title: str, lang: str) -> dict[str, list[str]]:
    """The Turtle values of what the curator answered, by column."""
    lists = {"practices": ("practice", answers.practices), "organism_groups": ("organism-group",
             answers.organism_groups), "threats": ("threat", answers.threats),
             "land_uses": ("land-use", answers.land_uses)}
    given = {column: [f"{concept_prefix(folder)}:{s}" for s in slugs] for column, (folder, slugs) in lists.items()}
    given["language"] = [plain(lang)]
    given["title"] = [text(title, lang)]  # "TODO: title" until given ("Demonstration: ..." for a demonstration)
    if answers.country:
        given["country"] = [f"country:{answers.country}"]
    if answers.compiler_orcid:
        given["compiler_orcid"] = [iri(ORCID_BASE + answers.compiler_orcid)]
    return given


def template(project: Project, answers: Answers) -> Draft:
    lang = answers.language or "en"
    demo = answers.demonstration
    title = answers.title or f"{TODO}: title"
    if demo and not title.startswith("Demonstration"):
        title = f"Demonstration: {title}"
    given = _given(answers, title, lang)
    general = [Line("a", ["skg:CaseStudy", "skg:DemonstrationCaseStudy"] if demo else ["skg:CaseStudy"])]
    if demo:
        general.append(Line("skg:demonstration", ["true"], "A made-up example: it stays out of the public build."))
    sections: list[tuple[str, list[Line]]] = []
    for key, heading in SECTIONS:
        lines = general if key == "general" else []
        lines += [_line(project, spec, given.get(spec.column, []), lang) for spec in section_fields(key)
                  if spec.column not in NOT_PROPERTIES]
        sections.append((heading, lines))
    orcid = given.get("compiler_orcid", _placeholder(_field("compiler_orcid"), lang))[0][1:-1]
    name_field = _field(PERSON_NAMES["compiler_orcid"])
    name = answers.compiler_name or f"{TODO}: {name_field.placeholder}"
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
        sections=sections,
        impacts=[[_line(project, spec, [], lang) for spec in IMPACT_FIELDS]],
        people={orcid: plain(name)},
    )


def _field(column: str) -> Field:
    return next(f for f in CASE_STUDY_FIELDS if f.column == column)


def _where(project: Project, answers: Answers) -> str:
    return project.relative(target_path(project, answers.slug, answers.demonstration))


def target_path(project: Project, slug: str, demonstration: bool) -> Path:
    base = project.demo if demonstration else project.data / "case-study"
    return base / f"{slug}.ttl"
