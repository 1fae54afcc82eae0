"""The generated part of ontology/README.md: the reference for query writers (soilkg.ontology_reference)
as Markdown, between its markers, and whether the file is current (`soilkg docs ontology --check`)."""

from __future__ import annotations

import re

import pyoxigraph as ox

from soilkg.errors import SoilkgError
from soilkg.ontology_reference import BEGIN, COMMAND, END, Entry, curie, entries
from soilkg.paths import Project
from soilkg.queries import expand_curie

README = "ontology/README.md"

# Written once here, run by tests/graph/test_ontology_reference.py against the graph: each must answer.
PATTERNS = (
    ("One language's labels. Names come in up to six languages (ar, en, es, fr, ru, zh): the data's own "
     "labels, and those of the ontology's terms and of the controlled vocabularies (ontology/translations.ttl, "
     "ontology/vocabulary-labels.ttl, loaded with the ontology). Without a filter a query returns one row per "
     "language; keep one with `FILTER(lang(?label) = \"en\")`:",
     """PREFIX skg: <https://w3id.org/soilkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?theme ?label WHERE {
  ?theme a skg:Theme ; rdfs:label ?label .
  FILTER(lang(?label) = "en")
}"""),
    ("The countries where an initiative is implemented, and those that have joined it (`skg:implementedIn`, "
     "`skg:joinedBy`):",
     """PREFIX skg: <https://w3id.org/soilkg/ontology#>
SELECT ?country ?relation WHERE {
  VALUES ?relation { skg:implementedIn skg:joinedBy }
  <https://w3id.org/soilkg/id/initiative/recisoil> ?relation ?country .
}"""),
    ("A work's authors in the order the citation gives them: `skg:authors` is an RDF list (`skg:author` lists "
     "them unordered); a list's members come back in no set order, so count each one's position:",
     """PREFIX skg: <https://w3id.org/soilkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?work ?author (COUNT(?before) AS ?position) WHERE {
  ?work skg:authors ?list .
  ?list rdf:rest* ?before .
  ?before rdf:rest* ?node .
  ?node rdf:first ?author .
}
GROUP BY ?work ?author
ORDER BY ?work ?position"""),
    ("What a reported figure counts, when the source names them (`skg:counts`):",
     """PREFIX skg: <https://w3id.org/soilkg/ontology#>
SELECT ?figure ?value ?counted WHERE {
  ?figure a skg:ReportedFigure ; skg:value ?value ; skg:counts ?counted .
}"""),
    ("Where a work was presented, and the survey whose results it publishes (`skg:presentedAt`, `skg:resultsOf`):",
     """PREFIX skg: <https://w3id.org/soilkg/ontology#>
SELECT ?work ?meeting ?survey WHERE {
  { ?work skg:presentedAt ?meeting } UNION { ?work skg:resultsOf ?survey }
}"""),
    ("Which passage (or registry) states one statement: the named query `statement-sources` "
     "(`/queries/statement-sources?subject=...&predicate=...`), or by hand for an annotated statement:",
     """PREFIX skg: <https://w3id.org/soilkg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?subject ?predicate ?object ?source ?reading WHERE {
  ?statement a rdf:Statement ; rdf:subject ?subject ; rdf:predicate ?predicate ; rdf:object ?object ;
      skg:statedIn ?source .
  OPTIONAL { ?statement skg:reading ?reading }
}"""),
)


def _terms(iris: list[str]) -> str:
    return ", ".join(f"`{curie(i)}`" for i in iris)


def _entry(entry: Entry) -> list[str]:
    title = f"#### `{entry.curie}`" + (f" ({entry.label})" if entry.label else "")
    lines = [f'<a id="{entry.anchor}"></a>', "", title, "", entry.definition or "(no definition)", ""]
    if entry.parents:
        lines.append(f"- {'subclass' if entry.kind == 'class' else 'sub-property'} of: {_terms(entry.parents)}")
    if entry.kind == "property":
        lines.append(f"- domain: {_terms(entry.domain) if entry.domain else 'not declared'}"
                     + (f"; used on {_terms(entry.used_on)} in the data" if entry.used_on else ""))
        lines.append(f"- range: {_terms(entry.range) if entry.range else 'not declared'}")
    if entry.example:
        s, p, o = entry.example
        lines.append(f"- example: `{s} {p} {o} .` ({entry.example_file})")
    else:
        lines.append("- example: none in data/ yet")
    lines.append(f"- named queries: {', '.join(f'`{q}`' for q in entry.queries) if entry.queries else 'none'}")
    lines.append(f"- defined in: {entry.file}")
    return lines + [""]


def render(found: list[Entry]) -> str:
    """The generated part, markers included."""
    classes = [e for e in found if e.kind == "class"]
    properties = [e for e in found if e.kind == "property"]
    out = [BEGIN, "", "## Reference for query writers", "",
           f"Every class ({len(classes)}) and property ({len(properties)}) of `skg:` "
           "(`https://w3id.org/soilkg/ontology#`), generated from `ontology/*.ttl`, with an example triple from "
           f"`data/` and the named queries (`server/queries/`) that use it. Regenerate with `{COMMAND}`; "
           "`tests/graph/test_ontology_reference.py` fails when a term lacks its entry or this part is stale.", "",
           "### Common patterns", ""]
    for text, sparql in PATTERNS:
        out += [text, "", "```sparql", sparql, "```", ""]
    out += ["### Classes", "", "| class | label |", "|---|---|"]
    out += [f"| [`{e.curie}`](#{e.anchor}) | {e.label} |" for e in classes]
    out += ["", "### Properties", "", "| property | label |", "|---|---|"]
    out += [f"| [`{e.curie}`](#{e.anchor}) | {e.label} |" for e in properties]
    out += ["", "### Classes in detail", ""]
    for entry in classes:
        out += _entry(entry)
    out += ["### Properties in detail", ""]
    for entry in properties:
        out += _entry(entry)
    return "\n".join(out).rstrip() + "\n\n" + END


def updated(text: str, part: str) -> str:
    """The README with its generated part replaced (appended, with its markers, when it has none)."""
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        return before + part + rest.split(END, 1)[1]
    return text.rstrip() + "\n\n" + part + "\n"


_SHOWN = re.compile(r"^#### `(?P<curie>[^`]+)`.*?^- example: `(?P<example>.+) \.` \((?P<file>[^)]+)\)$",
                    re.MULTILINE | re.DOTALL)


def shown_examples(text: str) -> dict[str, tuple[str, str]]:
    """Term IRI -> (example, file) as the README shows them now."""
    if BEGIN not in text:
        return {}
    part = text.split(BEGIN, 1)[1].split(END, 1)[0]
    out = {}
    for block in part.split("<a id=")[1:]:
        if (match := _SHOWN.search(block)) is not None:
            out[expand_curie(match["curie"])] = (match["example"], match["file"])
    return out


def write(project: Project, store: ox.Store, check: bool) -> bool:
    """Write (or with `check`, compare) ontology/README.md's generated part. True when it was current."""
    path = project.root / README
    if not path.is_file():
        raise SoilkgError(f"{README} is missing: restore it from git, then run `{COMMAND}`.", exit_code=2)
    text = path.read_text(encoding="utf-8")
    new = updated(text, render(entries(project, store, shown_examples(text))))
    if new == text:
        return True
    if not check:
        path.write_text(new, encoding="utf-8")
    return False


def stale_message() -> str:
    return f"{README} is not current with the ontology, the data and the named queries. Run `{COMMAND}` and commit it."
