"""The case-study file the contribution form writes, as a skeleton made by the same renderer as
`soilkg new case-study` and `soilkg import`: each value is a token (⟦column⟧) that the browser
replaces with the contributor's value in Turtle, dropping the lines of fields left empty. So the
form's file has the layout every other case-study file has (one property per line, impacts inside,
the compiler's name at the end), and the browser never composes Turtle structure itself."""

from __future__ import annotations

from soilkg.curation.render import Draft, Line, render
from soilkg.curation.rows import convert
from soilkg.curation.schema import (
    IMPACT_FIELDS,
    NOT_PROPERTIES,
    PERSON_NAMES,
    SECTIONS,
    Field,
    Form,
    impact_column,
    section_fields,
)
from soilkg.paths import Project

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: never in a Turtle file the renderer writes
SLUG_TOKEN = "slug"

HEADER = [
    "Case study sent with the catalogue's contribution form. It is not part of the catalogue yet:",
    "a curator saves it as data/case-study/" + OPEN + SLUG_TOKEN + CLOSE + ".ttl, checks it with",
    "    soilkg validate data/case-study/" + OPEN + SLUG_TOKEN + CLOSE + ".ttl",
    "and commits it once it is right; a reviewer then reviews it before it is published.",
]


def token(column: str) -> str:
    return OPEN + column + CLOSE


def _value(project: Project, spec: Field, column: str) -> list[str]:
    if spec.form is Form.FIXED:
        return convert(project, spec, spec.form_value, "en")
    return [token(column)]


def skeleton(project: Project, impacts: int) -> str:
    """The file with `impacts` impacts, every value a token; the status is fixed, so the case study's
    last statement (which ends with " .") is always there when tokens' lines are dropped."""
    sections: list[tuple[str, list[Line]]] = []
    for key, heading in SECTIONS:
        lines = [Line("a", ["skg:CaseStudy"])] if key == "general" else []
        lines += [Line(spec.prop, _value(project, spec, spec.column)) for spec in section_fields(key)
                  if spec.column not in NOT_PROPERTIES and spec.form is not Form.CURATOR]
        sections.append((heading, lines))
    last = sections[-1][1][-1]
    assert last.values and OPEN not in last.values[0], "the last statement must always be written"
    people = {token(orcid): token(name) for orcid, name in PERSON_NAMES.items() if orcid == "compiler_orcid"}
    return render(Draft(
        slug=token(SLUG_TOKEN), header=HEADER, sections=sections,
        impacts=[[Line(spec.prop, [token(impact_column(slot, spec))]) for spec in IMPACT_FIELDS]
                 for slot in range(1, impacts + 1)],
        people=people))
