"""Write a case study as human-readable Turtle: prefixes, then the case study with one property per
indented line (soilkg.locate finds lines by that layout), impacts as blank nodes inside it, and the
names of the people it cites by ORCID iD. Used by `soilkg new case-study` and `soilkg import`."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from soilkg.namespaces import ID, PREFIXES

# Prefixes every case-study file declares (all that a case study can use, so curators never have
# to add one by hand).
FILE_PREFIXES: tuple[str, ...] = ("skg", "rdfs", "xsd", "dct", "schema", "geo", "casestudy", "country",
                                  "practice", "organismgroup", "threat", "landuse", "theme", "organisation")
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"


def prefix_iri(name: str) -> str:
    return GEO if name == "geo" else PREFIXES[name]


@dataclass
class Line:
    """One property of the case study (or of an impact) with its values, already in Turtle."""

    prop: str
    values: list[str]
    comment: str = ""  # written above the line
    optional_hint: bool = False  # a commented-out example of an optional field (templates only)


@dataclass
class Draft:
    slug: str
    header: list[str]  # comment lines at the top of the file, without "# "
    sections: list[tuple[str, list[Line]]]
    impacts: list[list[Line]] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)  # ORCID IRI -> name (Turtle literal)

    @property
    def iri(self) -> str:
        return f"{ID}case-study/{self.slug}"


SLUG_LENGTH = 60  # file and web names stay readable in a URL and a directory listing


def full_slug(text: str) -> str:
    """ASCII lower case letters, digits and single hyphens, however long."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def slugify(text: str) -> str:
    """A file and URL name: `full_slug` cut to SLUG_LENGTH characters."""
    return full_slug(text)[:SLUG_LENGTH].rstrip("-")


def text(value: str, lang: str = "en") -> str:
    return Literal(value.strip(), lang=lang or None).n3()


def plain(value: str) -> str:
    return Literal(value.strip()).n3()


def typed(value: str, datatype: str) -> str:
    return f'{plain(value)}^^xsd:{datatype}'


def iri(value: str) -> str:
    return URIRef(value).n3()


def _item(line: Line, indent: str) -> tuple[bool, list[str]]:
    """(is a statement, text lines); comments and hints are not statements."""
    out = [f"{indent}# {c}" for c in line.comment.splitlines()] if line.comment else []
    body = f"{indent}{line.prop} {' , '.join(line.values)}"
    if line.optional_hint:
        return False, [*out, f"{indent}# {line.prop} {' , '.join(line.values)} ;"]
    return True, [*out, body]


def _block(items: list[tuple[bool, list[str]]], last: str) -> list[str]:
    """Join property lines: " ;" after each statement, `last` after the final one."""
    statements = [i for i, (is_statement, _) in enumerate(items) if is_statement]
    lines: list[str] = []
    for index, (is_statement, text_lines) in enumerate(items):
        if is_statement:
            text_lines = [*text_lines[:-1], text_lines[-1] + (last if index == statements[-1] else " ;")]
        lines.extend(text_lines)
    return lines


def _impacts(impacts: list[list[Line]]) -> tuple[bool, list[str]]:
    lines = ["    skg:impact ["]
    for number, impact in enumerate(impacts):
        items = [(True, ["        a skg:Impact"])] + [_item(line, "        ") for line in impact]
        # Every impact line ends with " ;" (allowed before "]"), so lines can be added or uncommented freely.
        lines.extend(_block(items, " ;"))
        lines.append("    ] , [" if number < len(impacts) - 1 else "    ]")
    return True, lines


def render(draft: Draft) -> str:
    out = [f"# {line}".rstrip() for line in draft.header]
    out.extend(f"@prefix {name}: <{prefix_iri(name)}> ." for name in FILE_PREFIXES)
    out.extend(["", f"casestudy:{draft.slug}"])
    items: list[tuple[bool, list[str]]] = []
    for title, lines in draft.sections:
        section = [_item(line, "    ") for line in lines]
        if title == "Impacts" and draft.impacts:
            section.append(_impacts(draft.impacts))
        if title:
            section.insert(0, (False, ["", f"    # --- {title} ---"]))
        items.extend(section)
    out.extend(_block(items, " ."))
    for orcid, name in draft.people.items():
        out.extend(["", iri(orcid), f"    rdfs:label {name} ."])
    return "\n".join(out) + "\n"
