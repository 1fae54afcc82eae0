"""Write a data file as reviewable Turtle: a comment header, the prefixes it uses, then one block per
subject with one property per indented line (the layout soilkg.locate reads lines from), each line
with the comment that says what goes there. Used by the `soilkg new` commands of the reporting cycle."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from soilkg.curation.render import Line
from soilkg.errors import SoilkgError
from soilkg.namespaces import PREFIXES
from soilkg.paths import Project

_PREFIXED = re.compile(r"(?:^|[\s(]|\^\^)([A-Za-z][\w.-]*):")


@dataclass
class Block:
    """One subject and its properties (already in Turtle); `comment` goes above the subject."""

    subject: str
    lines: list[Line]
    comment: str = ""


def used_prefixes(blocks: list[Block]) -> list[str]:
    """Prefix names used by subjects, properties and IRI values (text literals are left alone)."""
    seen: dict[str, None] = {}
    for block in blocks:
        terms = [block.subject] + [line.prop for line in block.lines]
        for line in block.lines:
            # Literals: only a datatype after ^^ names a prefix; anything else in quotes is text.
            terms.extend(value[value.rfind('"'):] if value.startswith('"') else value for value in line.values)
        for term in terms:
            for match in _PREFIXED.finditer(term):
                seen.setdefault(match.group(1), None)
    return list(seen)


def render_file(header: list[str], blocks: list[Block], extra_prefixes: dict[str, str] | None = None) -> str:
    namespaces = {**PREFIXES, **(extra_prefixes or {})}
    out = [f"# {line}".rstrip() for line in header]
    out.append("")
    out.extend(f"@prefix {name}: <{namespaces[name]}> ." for name in used_prefixes(blocks))
    for block in blocks:
        out.append("")
        if block.comment:
            out.extend(f"# {line}".rstrip() for line in block.comment.splitlines())
        out.append(block.subject)
        for index, line in enumerate(block.lines):
            out.extend(f"    # {c}" for c in line.comment.splitlines() if line.comment)
            end = " ." if index == len(block.lines) - 1 else " ;"
            out.append(f"    {line.prop} {' , '.join(line.values)}{end}")
    return "\n".join(out) + "\n"


@dataclass
class NewFile:
    path: Path
    text: str


def write_new(project: Project, files: list[NewFile]) -> None:
    """Write every file, or none: refuse when one of them exists already."""
    for new in files:
        if new.path.exists():
            raise SoilkgError(f"{project.relative(new.path)} already exists: nothing was written. Edit that "
                              "file, or give another name with --slug.", exit_code=2)
    for new in files:
        new.path.parent.mkdir(parents=True, exist_ok=True)
        new.path.write_text(new.text, encoding="utf-8")
