"""The contribution page (curators/contribute/): a form made from the case-study schema, in its
sections and order, that checks each field in the browser with the validator's own messages (read
from the shapes here and passed to the page, never rewritten in JavaScript) and gives the
contributor the case-study file and its spreadsheet row to send to a curator. Nothing is sent
anywhere: the page works from disk and on any static host, and a curator validates and commits."""

from __future__ import annotations

import json
from dataclasses import asdict

import pycountry

from soilkg.curation.csvfile import FORMULA, INERT
from soilkg.curation.form_file import CLOSE, OPEN, skeleton
from soilkg.curation.render import prefix_iri, slugify
from soilkg.curation.rows import convert
from soilkg.curation.schema import (
    CASE_STUDY_FIELDS,
    DATE,
    IMPACT_FIELDS,
    IMPACT_SLOTS,
    LICENSES,
    NUMBER,
    ORCID,
    ORCID_BASE,
    SECTIONS,
    SEPARATOR,
    SLUG,
    SLUG_MESSAGE,
    Field,
    Form,
    Kind,
    all_columns,
    choices,
    impact_column,
)
from soilkg.curation.shape_rules import Rules, field_rules, node_messages, read_shapes
from soilkg.curation.vocab import concepts
from soilkg.namespaces import ID, SKG
from soilkg.paths import Project
from soilkg.sitegen.graph import LANGS, SiteGraph
from soilkg.sitegen.i18n import sentence_case
from soilkg.sitegen.pages import Generator, html_page

TARGET = "curators/contribute/index.md"
# Fields whose property's label does not name them on a form ("name" for a title): their own strings.
OWN_LABELS = frozenset({"slug", "title", "compiler_name"})
PERSON_CHECK = "case-study-person-name"  # the named check that a person has a name
SLUG_LENGTH = len(slugify("a" * 200))  # the longest short name slugify makes (it cuts longer ones)


def _expand(prop: str) -> str:
    prefix, _, local = prop.partition(":")
    return prefix_iri(prefix) + local


class _Labels:
    """Labels of terms and concepts in the six languages (the graph's translations), collected for
    the page, which swaps them when the reader picks a language."""

    def __init__(self, graph: SiteGraph) -> None:
        self.graph = graph
        self.table: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}

    def key(self, iri: str) -> tuple[str, str]:
        """(label key, English label) of a term or concept, in sentence case as the catalogue shows them."""
        for lang, text in self.graph.labels(iri).items():
            if lang in self.table:
                self.table[lang][iri] = sentence_case(text)
        return iri, self.table["en"].get(iri, sentence_case(iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]))


def _options(project: Project, spec: Field, graph: SiteGraph, labels: _Labels) -> list[dict[str, str]]:
    """The values a controlled field offers: cell value, label key, English label, Turtle."""
    names: dict[str, str] = {}  # cell -> English name, for values the graph has no labels of
    if spec.kind is Kind.CONCEPT:
        cells = sorted(iri.rsplit("/", 1)[-1] for iri in concepts(project, spec.vocabulary))
        iris = {c: f"{ID}{spec.vocabulary}/{c}" for c in cells}
    elif spec.kind is Kind.LICENSE:
        cells = [key.upper() for key in LICENSES]  # CC-BY-4.0: the SPDX identifiers
        iris = {c: "" for c in cells}
    elif spec.kind is Kind.COUNTRY:
        own = sorted(iri.rsplit("/", 1)[-1] for iri in graph.resources().get("country", []))
        names = {str(c.alpha_3): str(c.name) for c in pycountry.countries}
        cells = own + sorted((code for code in names if code not in own), key=names.__getitem__)
        iris = {c: f"{ID}country/{c}" if c in own else "" for c in cells}
    elif spec.kind is Kind.CURRENCY:
        names = {str(c.alpha_3): f"{c.alpha_3} · {c.name}" for c in pycountry.currencies}
        cells = sorted(names)
        iris = {c: "" for c in cells}
    else:
        cells = list(choices(spec.kind))
        iris = {c: str(SKG[local]) for c, local in choices(spec.kind).items()}
    found = []
    for cell in cells:
        key, english = labels.key(iris[cell]) if iris[cell] else ("", cell)
        if spec.kind in (Kind.COUNTRY, Kind.CURRENCY) and not iris[cell]:
            english = names[cell]  # ISO 3166's or ISO 4217's English name (the catalogue has no translation)
        found.append({"cell": cell, "key": key, "label": english,
                      "turtle": " , ".join(convert(project, spec, cell, "en"))})
    return found


def _rules(rules: Rules) -> dict[str, object]:
    kept = asdict(rules)
    for name in ("shapes", "datatypes", "values", "cls", "max_count"):
        kept.pop(name)
    return kept


def _field(project: Project, gen: Generator, labels: _Labels, spec: Field, column: str, rules: Rules,
           slot: int = 0) -> dict[str, object]:
    if spec.column in OWN_LABELS:
        key, english = f"contribute.field.{spec.column}", gen.strings.plain(f"contribute.field.{spec.column}")
    else:
        key, english = labels.key(_expand(spec.prop))
    controlled = spec.kind not in (Kind.TEXT, Kind.PLAIN, Kind.NUMBER, Kind.DATE, Kind.URL, Kind.ORCID)
    help_key = f"contribute.help.{'impact_' if slot else ''}{spec.column}"
    return {"column": column, "kind": spec.kind.value, "required": spec.required, "many": spec.many, "slot": slot,
            "key": key, "label": english, "help": help_key,
            "options": _options(project, spec, gen.graph, labels) if controlled else [],
            "rules": _rules(rules), "number": spec.kind is Kind.NUMBER}


def _person_message(project: Project) -> str:
    from soilkg.validation.checks import parse_check

    check = parse_check(project.checks / f"{PERSON_CHECK}.rq")
    message = check.message.replace("{role}", "compiler").replace("`{value}`", "ORCID iD")
    return f"{message} {check.fix}".replace("{orcid}", ORCID_BASE + "…").strip()


def spec(project: Project, gen: Generator) -> dict[str, object]:
    """Everything the page's script needs, from the schema, the shapes and the graph's translations."""
    graph = read_shapes(project.shapes)  # none in a project without shapes/: no messages then
    case_rules, impact_rules = field_rules(graph)
    if (project.checks / f"{PERSON_CHECK}.rq").is_file():
        case_rules["compiler_name"] = Rules(required=_person_message(project))
    labels = _Labels(gen.graph)
    sections = []
    for key, _title in SECTIONS:
        fields = [_field(project, gen, labels, f, f.column, case_rules.get(f.column, Rules()))
                  for f in CASE_STUDY_FIELDS if f.section == key and f.form is Form.ASK]
        sections.append({"key": key, "fields": fields})
    impacts = [[_field(project, gen, labels, f, impact_column(slot, f), impact_rules.get(f.column, Rules()), slot)
                for f in IMPACT_FIELDS] for slot in range(1, IMPACT_SLOTS + 1)]
    node = {**node_messages(graph, "case-study"), **node_messages(graph, "impact")}
    return {
        "sections": sections, "impacts": impacts,
        "skeletons": {n: skeleton(project, n) for n in range(1, IMPACT_SLOTS + 1)},
        "open": OPEN, "close": CLOSE, "slug_length": SLUG_LENGTH,
        "columns": all_columns(),
        "fixed": {f.column: f.form_value for f in CASE_STUDY_FIELDS if f.form is Form.FIXED},
        "patterns": {"date": DATE.pattern, "number": NUMBER.pattern, "orcid": ORCID.pattern, "slug": SLUG.pattern,
                     "formula": FORMULA.pattern},
        "slug_message": SLUG_MESSAGE, "orcid_base": ORCID_BASE, "inert": INERT, "separator": SEPARATOR,
        "node": node, "labels": labels.table,
    }


def _for_script(field: dict[str, object]) -> dict[str, object]:
    """What the script needs of a field: its values' Turtle by cell, not the labels the page shows."""
    options = field["options"]
    assert isinstance(options, list)
    kept = {k: v for k, v in field.items() if k not in ("options", "label", "key", "help")}
    return {**kept, "controlled": bool(options), "turtle": {o["cell"]: o["turtle"] for o in options}}


def render(gen: Generator, project: Project) -> None:
    data = spec(project, gen)
    sections = [{**s, "fields": [_for_script(f) for f in s["fields"]]} for s in data["sections"]]  # type: ignore[attr-defined]
    impacts = [[_for_script(f) for f in slot] for slot in data["impacts"]]  # type: ignore[attr-defined]
    script = json.dumps({**data, "sections": sections, "impacts": impacts}, ensure_ascii=False,
                        separators=(",", ":")).replace("<", "\\u003c")
    root = "../" * TARGET.count("/")
    html = gen.env.get_template("contribute.html.j2").render(
        root=root, t=gen.strings.html, t_plain=gen.strings.plain, t_vars=gen.strings.template_html, spec=data,
        script=script)
    title = gen.strings.plain("contribute.title")
    path = gen.docs / TARGET
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_page(title, html, " · ".join(gen.strings.text("contribute.title", lang) for lang in LANGS)),
                    encoding="utf-8")
