"""A work the graph already has, now published: the same resource, never a second one.

`soilkg new status --of publication:X --status published` (or `soilkg new publication --completes
publication:X`) writes the dated status change and adds to data/publication/X.ttl what a published work
needs: its identifier (DOI, Handle or address), its year, the day it appeared when known, and its kind
when the first record left it a plain skg:Publication.

`soilkg new status --of case-study:S --status published` is the review workflow's last step: it sets
`skg:reviewStatus` in the case study's own file and records the date it was published (`dct:issued`),
with the passage that announces or reports it (`skg:mentionedIn`) when one is given."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from soilkg.curation.additions import append_blocks
from soilkg.curation.cycle_files import Published, short
from soilkg.curation.references import compact_iri, folder_store
from soilkg.curation.render import Line, iri, plain, typed
from soilkg.curation.turtle_out import Block, NewFile
from soilkg.curation.workflow import STATUSES
from soilkg.errors import SoilkgError
from soilkg.namespaces import ID, RDF_TYPE, SKG
from soilkg.paths import Project
from soilkg.periods import DATE, Period

DCT_ISSUED = "http://purl.org/dc/terms/issued"


Completion = Published  # a publication completed: what `new status ... --status published` adds


def _values(project: Project, resource: str, prop: str) -> list[str]:
    result = folder_store(project, "publication").query(
        f"SELECT ?v WHERE {{ GRAPH ?g {{ <{resource}> <{prop}> ?v }} }}")
    assert isinstance(result, ox.QuerySolutions)
    return [row["v"].value for row in result]


def publication_path(project: Project, resource: str) -> Path:
    return project.data / "publication" / f"{resource.rsplit('/', 1)[-1]}.ttl"


def missing_for_published(project: Project, resource: str, c: Completion) -> list[str]:
    """What the curator should still give, as the flags that give it (a warning, not a refusal)."""
    wanted = []
    has_id = any(_values(project, resource, str(SKG[p])) for p in ("doi", "handle", "website"))
    if not (has_id or c.doi or c.handle or c.url):
        wanted.append("--doi, --handle or --url (where readers find it)")
    types = _values(project, resource, RDF_TYPE)
    if not c.kind and types == [str(SKG.Publication)]:
        wanted.append("--kind (it is a plain skg:Publication; `soilkg new publication --help` lists the kinds)")
    return wanted


def complete_publication(project: Project, resource: str, c: Completion, command: str) -> NewFile:
    """data/publication/X.ttl with the published work's identifier, year, day and kind appended."""
    for prop, given, flag in (("doi", c.doi, "--doi"), ("handle", c.handle, "--handle")):
        had = _values(project, resource, str(SKG[prop]))
        if given and had and had != [given]:
            raise SoilkgError(f"{compact_iri(project, resource)} already has skg:{prop} \"{had[0]}\": {flag} "
                              f"{given} would give it two. Correct the file, or leave {flag} out.", exit_code=2)
    lines: list[Line] = []
    if c.kind and c.kind not in _values(project, resource, RDF_TYPE):
        lines.append(Line("a", [short(project, c.kind)], "Its kind, now that it is published."))
    if c.doi and not _values(project, resource, str(SKG.doi)):
        lines += [Line("skg:doi", [plain(c.doi)], "Its DOI, without the resolver."),
                  Line("skg:website", [iri(f"https://doi.org/{c.doi}")])]
    if c.handle and not _values(project, resource, str(SKG.handle)):
        lines += [Line("skg:handle", [plain(c.handle)], "Its Handle, without the resolver."),
                  Line("skg:website", [iri(f"https://hdl.handle.net/{c.handle}")])]
    if c.url and c.url not in _values(project, resource, str(SKG.website)):
        lines.append(Line("skg:website" if not (c.doi or c.handle) else "schema:url", [iri(c.url)],
                          "Where to read it."))
    if c.series_number and not _values(project, resource, str(SKG.seriesNumber)):
        lines.append(Line("skg:seriesNumber", [c.series_number], "Its number in the series."))
    years = _values(project, resource, str(SKG.year))
    if years and years != [c.year]:
        raise SoilkgError(f"{compact_iri(project, resource)} already has skg:year {years[0]}, not {c.year}: "
                          "correct the file or the year you gave.", exit_code=2)
    if not years:
        lines.append(Line("skg:year", [typed(c.year, "gYear")], "The year of publication."))
    if c.issued is not None and c.issued.kind == DATE and not _values(project, resource, DCT_ISSUED):
        lines.append(Line("dct:issued", [typed(c.issued.lexical, c.issued.kind)], "The day it appeared."))
    if not lines:
        raise SoilkgError(f"{compact_iri(project, resource)} already has everything given here: nothing to add. "
                          "Give --doi, --handle, --url, --kind, --series-number or --year.", exit_code=2)
    slug = resource.rsplit("/", 1)[-1]
    return append_blocks(project, publication_path(project, resource), command,
                         "the same work, now published.", [Block(f"publication:{slug}", lines)], c.source, resource)


_REVIEW = re.compile(r"(skg:reviewStatus\s+)skg:(\w+)")


def case_study_path(project: Project, resource: str) -> Path:
    return project.data / "case-study" / f"{resource[len(ID + 'case-study/'):]}.ttl"


def review_status(project: Project, resource: str, status: str, day: Period, passage: str) -> NewFile:
    """The case study's own file with its new review status (and, when published, the date and the passage)."""
    path = case_study_path(project, resource)
    name = status.rsplit("#", 1)[-1]
    if name not in STATUSES:
        raise SoilkgError(f"--status {name}: a case study's review status is one of {', '.join(STATUSES)}.",
                          exit_code=2)
    text = path.read_text(encoding="utf-8")
    found = _REVIEW.findall(text)
    if len(found) != 1:
        raise SoilkgError(f"{project.relative(path)}: expected one line `skg:reviewStatus skg:...`, found "
                          f"{len(found)}. Write it as the template does, then run the command again.", exit_code=2)
    if found[0][1] == name:
        raise SoilkgError(f"{compact_iri(project, resource)} is already `{name}`: there is no change to record.",
                          exit_code=2)
    if name == "published" and re.search(r"^\s*dct:issued\s", text, re.MULTILINE):
        raise SoilkgError(f"{project.relative(path)} already has dct:issued: it was published before. Correct the "
                          "date in the file if it is wrong.", exit_code=2)
    added = f"skg:{name}"
    lines = []
    if name == "published":
        lines.append(("dct:issued", typed(day.lexical, day.kind),
                      "The date it was published (set by `soilkg new status`): reports and --since use it."))
    if passage:
        lines.append(("skg:mentionedIn", iri(passage), "The passage of a report that announces or reports it."))
    for prop, value, comment in lines:
        # The template's commented hint for the property becomes the statement; else it follows the status.
        hint = re.compile(rf"^(\s*)# {re.escape(prop)} .* ;$", re.MULTILINE)
        hinted = hint.search(text)
        if hinted is not None:
            text = f"{text[:hinted.start()]}{hinted.group(1)}{prop} {value} ;{text[hinted.end():]}"
        else:
            added += f" ;\n    # {comment}\n    {prop} {value}"
    return NewFile(path, _REVIEW.sub(lambda m: m.group(1) + added, text, count=1))
