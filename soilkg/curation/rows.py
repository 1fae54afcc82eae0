"""Turn one spreadsheet row into a case-study draft, cell by cell. A cell that cannot become Turtle
(a number with a unit, a date in words, a practice that does not exist) is reported by row and
column here; what is merely missing or wrong in substance is left to `soilkg validate`, which
knows the rules, and reported back by column."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date

from soilkg.curation.countries import UnknownCountry, country_code
from soilkg.curation.render import Draft, Line, iri, plain, slugify, text, typed
from soilkg.curation.schema import (
    CASE_STUDY_FIELDS,
    DATE,
    IMPACT_FIELDS,
    IMPACT_SLOTS,
    LICENSES,
    NOT_PROPERTIES,
    NUMBER,
    ORCID,
    ORCID_BASE,
    PERSON_NAMES,
    SEPARATOR,
    SLUG_MESSAGE,
    Field,
    Kind,
    choices,
    concept_prefix,
    impact_column,
)
from soilkg.curation.vocab import concepts
from soilkg.paths import Project


class CellError(ValueError):
    """A cell that cannot be written as Turtle; the message says what to write instead."""


@dataclass
class RowResult:
    draft: Draft | None
    errors: list[tuple[str, str]] = field(default_factory=list)  # (column, message)


def _number(value: str) -> str:
    if NUMBER.match(value) is None:
        raise CellError(f"\"{value}\" is not a number. Write digits with a point for decimals, without unit "
                        "or thousands separator, such as 12.5.")
    return value


def _date(value: str) -> str:
    match = DATE.match(value)
    if match is None:
        raise CellError(f"\"{value}\" is not a date. Write 2021-03-15, 2021-03 or 2021.")
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise CellError(f"\"{value}\" is not a real date (check the month and the day).") from None
    datatype = "date" if day else "gYearMonth" if month else "gYear"
    return typed(value, datatype)


def _concept(project: Project, folder: str, value: str) -> str:
    offered = concepts(project, folder)
    wanted = value.split(":", 1)[-1].strip()
    by_name: dict[str, str] = {}
    for concept, labels in offered.items():
        slug = concept.rsplit("/", 1)[-1]
        by_name[slug] = slug
        for label in labels:
            by_name[label.casefold()] = slug
    found = by_name.get(wanted) or by_name.get(wanted.casefold())
    if found is None:
        close = difflib.get_close_matches(wanted.casefold(), list(by_name), n=1)
        hint = f" Did you mean \"{by_name[close[0]]}\"?" if close else ""
        choices = ", ".join(sorted({s for s in by_name.values()}))
        raise CellError(f"\"{value}\" is not in data/{folder}/.{hint} Choose from: {choices}.")
    return f"{concept_prefix(folder)}:{found}"


def _country(value: str) -> str:
    try:
        return f"country:{country_code(value)}"
    except UnknownCountry as error:
        raise CellError(str(error)) from None


def _orcid(value: str) -> str:
    match = ORCID.match(value)
    if match is None:
        raise CellError(f"\"{value}\" is not an ORCID iD. Write it as 0000-0002-1825-0097.")
    return iri(ORCID_BASE + match.group(1))


def _license(value: str) -> str:
    key = re.sub(r"[\s_]+", "-", value.strip().lower())
    if key in LICENSES:
        return iri(LICENSES[key])
    if value in LICENSES.values():
        return iri(value)
    raise CellError(f"\"{value}\" is not one of the licences a case study may have: CC-BY-4.0, CC-BY-SA-4.0 "
                    "or CC0-1.0.")


def _choice(value: str, choices: dict[str, str], what: str) -> str:
    key = value.strip().lower()
    if key not in choices:
        raise CellError(f"\"{value}\" is not {what}: write one of {', '.join(choices)}.")
    return f"skg:{choices[key]}"


_CHOICE_NAMES = {Kind.STATUS: "a review status", Kind.IMPACT_AREA: "an impact area",
                 Kind.DIRECTION: "an impact direction"}


def convert(project: Project, spec: Field, value: str, lang: str) -> list[str]:
    """The Turtle values of one cell (empty cell: none)."""
    parts = [p.strip() for p in value.split(SEPARATOR)] if spec.many else [value.strip()]
    out = []
    for part in filter(None, parts):
        if spec.kind is Kind.TEXT:
            out.append(text(part, lang))
        elif spec.kind in (Kind.PLAIN, Kind.CURRENCY):
            out.append(plain(part))
        elif spec.kind is Kind.NUMBER:
            out.append(_number(part))
        elif spec.kind is Kind.DATE:
            out.append(_date(part))
        elif spec.kind is Kind.CONCEPT:
            out.append(_concept(project, spec.vocabulary, part))
        elif spec.kind is Kind.COUNTRY:
            out.append(_country(part))
        elif spec.kind is Kind.URL:
            if not re.match(r"^https?://\S+$", part):
                raise CellError(f"\"{part}\" is not a web address: it must start with https:// (or http://).")
            out.append(iri(part))
        elif spec.kind is Kind.ORCID:
            out.append(_orcid(part))
        elif spec.kind is Kind.LICENSE:
            out.append(_license(part))
        elif spec.kind in _CHOICE_NAMES:
            out.append(_choice(part, choices(spec.kind), _CHOICE_NAMES[spec.kind]))
    return out


def draft_from_row(project: Project, cells: dict[str, str], demonstration: bool) -> RowResult:
    errors: list[tuple[str, str]] = []
    lang = cells.get("language") or "en"
    slug = slugify(cells.get("slug", ""))
    if not slug or slug != cells.get("slug", "").strip():
        errors.append(("slug", f"\"{cells.get('slug', '')}\" {SLUG_MESSAGE}"
                               f"{', such as ' + repr(slug) if slug else ''}."))

    def values(spec: Field, column: str) -> list[str]:
        try:
            return convert(project, spec, cells.get(column, ""), lang)
        except CellError as error:
            errors.append((column, str(error)))
            return []

    general: list[Line] = [Line("a", ["skg:CaseStudy", "skg:DemonstrationCaseStudy"] if demonstration
                                else ["skg:CaseStudy"])]
    if demonstration:
        general.append(Line("skg:demonstration", ["true"]))
        title = cells.get("title", "")
        if title and not title.startswith("Demonstration"):
            cells = {**cells, "title": f"Demonstration: {title}"}
    people: dict[str, str] = {}
    for spec in CASE_STUDY_FIELDS:
        if spec.column in NOT_PROPERTIES:
            continue
        found = values(spec, spec.column)
        if found:
            general.append(Line(spec.prop, found))
        if spec.kind is Kind.ORCID and found:
            name = cells.get(PERSON_NAMES[spec.column], "")
            if name:
                people[found[0][1:-1]] = plain(name)
    impacts: list[list[Line]] = []
    for slot in range(1, IMPACT_SLOTS + 1):
        columns = [impact_column(slot, f) for f in IMPACT_FIELDS]
        if not any(cells.get(c) for c in columns):
            continue
        impact = [Line(f.prop, v) for f, c in zip(IMPACT_FIELDS, columns, strict=True) if (v := values(f, c))]
        impacts.append(impact)
    if errors:
        return RowResult(None, errors)
    draft = Draft(slug=slug, header=[], sections=[("", general), ("Impacts", [])], impacts=impacts, people=people)
    return RowResult(draft)
