"""Lines added to a file that already exists, for the same resource: a publication announced as being
finalized that is now published (its DOI, year and kind, `soilkg new status --of publication:X --status
published`), a new paragraph of a decision (`soilkg new decision-paragraph`). The file keeps what it said;
the new block is appended after it, and each of its statements carries its own source as an annotation
(`{| skg:statedIn P |}`), so the statements written before keep theirs (the default rule of
soilkg.provenance: one `skg:statedIn` of the resource)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from soilkg.curation.annotate import STATED_IN, cite_also
from soilkg.curation.cycle_files import extra_prefixes, short
from soilkg.curation.references import folder_of, folder_store
from soilkg.curation.render import Line, iri
from soilkg.curation.turtle_out import Block, NewFile, used_prefixes
from soilkg.errors import SoilkgError
from soilkg.namespaces import PREFIXES
from soilkg.paths import Project

_DECLARED = re.compile(r"^\s*@prefix\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>\s*\.", re.MULTILINE)


def annotated(line: Line, source: str) -> Line:
    """The line with every value annotated by the passage that states it."""
    return Line(line.prop, [f"{value} {{| skg:statedIn {source} |}}" for value in line.values], line.comment)


def declared_prefixes(text: str) -> dict[str, str]:
    """Prefix name -> namespace, as a Turtle file declares them."""
    return dict(_DECLARED.findall(text))


def _with_prefixes(project: Project, text: str, blocks: list[Block], sources: list[str]) -> str:
    """`text` with the @prefix lines the new blocks need, after its last @prefix line (a prefix already
    declared for another namespace is a conflict: say so rather than change what the file means)."""
    declared = declared_prefixes(text)
    wanted = {**PREFIXES, **extra_prefixes(project, *sources)}
    missing = []
    for name in used_prefixes(blocks):
        if name in declared:
            if declared[name] != wanted.get(name, declared[name]):
                raise SoilkgError(f"The file declares `@prefix {name}: <{declared[name]}>`, but the new lines need "
                                  f"`{name}:` for <{wanted[name]}>. Rename that prefix in the file, then run the "
                                  "command again.", exit_code=2)
            continue
        missing.append(f"@prefix {name}: <{wanted[name]}> .")
    if not missing:
        return text
    matches = list(_DECLARED.finditer(text))
    at = matches[-1].end() if matches else 0
    return text[:at] + ("\n" if at else "") + "\n".join(missing) + ("" if at else "\n") + text[at:]


def _sources(project: Project, resource: str) -> list[str]:
    result = folder_store(project, folder_of(resource)).query(
        f"SELECT ?p WHERE {{ GRAPH ?g {{ <{resource}> <{STATED_IN}> ?p }} }}")
    assert isinstance(result, ox.QuerySolutions)
    return sorted(row["p"].value for row in result)


def append_blocks(project: Project, path: Path, command: str, why: str, blocks: list[Block],
                  source: str, resource: str) -> NewFile:
    """The file at `path` with `blocks` appended (statements annotated with `source`), not yet written.
    `source` joins the `skg:statedIn` of `resource` (the file's own), whose earlier statements keep theirs."""
    if not path.is_file():
        raise SoilkgError(f"{project.relative(path)} does not exist: there is nothing to add to.", exit_code=2)
    text = path.read_text(encoding="utf-8")
    cited = short(project, source)
    body = [Block(b.subject, [annotated(line, cited) if line.prop != "skg:statedIn" else line for line in b.lines],
                  b.comment) for b in blocks]
    earlier = _sources(project, resource)
    first = short(project, earlier[0]) if len(earlier) == 1 else None
    cites = Block(cited, [Line("skg:statedIn", [cited, *([first] if first else [])])])
    text = _with_prefixes(project, text, [*body, cites], [source, *earlier])
    if source not in earlier:
        text = cite_also(text, resource, [short(project, resource), iri(resource)], first, cited)
    out = [text.rstrip("\n"), "", f"# Added by `soilkg {command}` on {date.today().isoformat()}: {why}",
           f"# Each statement below is stated by {cited}."]
    for block in body:
        out.append(block.subject)
        for index, line in enumerate(block.lines):
            out.extend(f"    # {c}" for c in line.comment.splitlines() if line.comment)
            end = " ." if index == len(block.lines) - 1 else " ;"
            out.append(f"    {line.prop} {' , '.join(line.values)}{end}")
        out.append("")
    return NewFile(path, "\n".join(out).rstrip("\n") + "\n")
