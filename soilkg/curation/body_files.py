"""The files of what a progress report says is new: a network (or other body) launched, an initiative or
programme, a policy decision and a paragraph of one (`soilkg new network|initiative|decision|
decision-paragraph`). Each new resource has one `skg:statedIn`, so every statement of it has that passage
as its source; a new paragraph of an existing decision is added to the decision's own file, each statement
annotated with its passage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from soilkg.curation.additions import append_blocks, declared_prefixes
from soilkg.curation.cycle_files import extra_prefixes, names, short, source_line, written_by
from soilkg.curation.references import compact_iri, folder_store
from soilkg.curation.render import Line, iri, plain, text, typed
from soilkg.curation.turtle_out import Block, NewFile, render_file
from soilkg.errors import SoilkgError
from soilkg.namespaces import RDFS
from soilkg.paths import Project
from soilkg.periods import Period

# What `soilkg new initiative --kind` writes: the class, and the folder its resources live in.
INITIATIVE_KINDS = {"initiative": ("skg:Initiative", "initiative"), "programme": ("skg:Programme", "programme"),
                    "observatory": ("skg:Observatory", "programme")}
# What `soilkg new network --kind` writes.
BODY_KINDS = {"network": ("skg:Network", "network"), "organisation": ("skg:Organisation", "organisation")}


@dataclass
class BodyAnswers:
    """A network, organisation, initiative or programme, with what the source says about it."""

    slug: str
    kind: str  # a key of BODY_KINDS or INITIATIVE_KINDS
    name: str
    source: str  # passage IRI
    acronym: str = ""
    part_of: str = ""  # organisation IRI (skg:unitOf, skg:withinFramework)
    by: str = ""  # organisation IRI: launched (networks) or run (initiatives) by
    started: Period | None = None
    status: str = ""  # status IRI
    website: str = ""
    aims: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    contributes_to: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # country IRIs it is implemented in


def body(project: Project, a: BodyAnswers) -> NewFile:
    kinds = {**BODY_KINDS, **INITIATIVE_KINDS}
    cls, folder = kinds[a.kind]
    initiative = a.kind in INITIATIVE_KINDS
    lines = [Line("a", [cls]), *names(a.name)]
    if a.acronym:
        lines += [Line("skg:acronym", [plain(a.acronym)], "The short name the source uses."),
                  Line("skos:altLabel", [plain(a.acronym)])]
    if a.part_of:
        lines += [Line("skg:unitOf", [short(project, a.part_of)], "The partnership it is a unit of."),
                  Line("skg:withinFramework", [short(project, a.part_of)])]
    if a.by:
        prop = "skg:runBy" if initiative else "skg:launchedBy"
        lines.append(Line(prop, [short(project, a.by)], "Who runs it." if initiative else "Who launched it."))
    if a.started is not None:
        lines.append(Line("skg:startDate", [typed(a.started.lexical, a.started.kind)],
                          "When it was launched or started (a day, a month or a year, as precise as the source)."))
    if a.status:
        lines.append(Line("skg:status", [short(project, a.status)], "Where it stands, as of the source."))
    if a.website:
        lines.append(Line("skg:website", [iri(a.website)], "Its web page."))
    if a.aims:
        lines.append(Line("skg:aim", [text(t) for t in a.aims], "Its aims, in the words of the source."))
    if a.activities:
        lines.append(Line("skg:activity", [text(t) for t in a.activities], "What it does, in the words of the source."))
    if a.contributes_to:
        lines.append(Line("skg:contributesTo", [short(project, c) for c in a.contributes_to]))
    if a.countries:
        lines.append(Line("skg:implementedIn", [short(project, c) for c in a.countries],
                          "The countries it is implemented in."))
    lines.append(source_line(project, a.source))
    noun = a.kind.capitalize()
    header = [f"{noun}: {a.name}", written_by(f"new {'initiative' if initiative else 'network'}"),
              "Add what the source says and the command leaves out (skg:theme, skg:collaboratesWith ...) as new "
              "lines before the final one;", "they are stated by the same passage (skg:statedIn)."]
    prefix = folder.replace("-", "")
    return NewFile(project.data / folder / f"{a.slug}.ttl",
                   render_file(header, [Block(f"{prefix}:{a.slug}", lines)], extra_prefixes(project, a.source)))


_CBD_SYMBOL = re.compile(r"^(?:UNEP/)?CBD/COP/DEC/([0-9IVXLC]+)/(\d+)$")


def decision_label(symbol: str) -> str:
    """The name the graph gives CBD COP decisions ("CBD COP decision 15/28"), else the symbol itself."""
    match = _CBD_SYMBOL.match(symbol)
    return f"CBD COP decision {match.group(1)}/{match.group(2)}" if match else symbol


def decision(project: Project, *, slug: str, symbol: str, label: str, meeting: str, source: str) -> NewFile:
    lines = [Line("a", ["skg:PolicyDecision"]), *names(label),
             Line("skg:symbol", [plain(symbol)], "Its official document symbol.")]
    if meeting:
        lines.append(Line("skg:decisionOf", [short(project, meeting)], "The meeting that adopted it."))
    lines.append(source_line(project, source))
    header = [f"Policy decision: {label}", written_by("new decision"),
              f"Its paragraphs: `soilkg new decision-paragraph --decision decision:{slug} --number N ...`."]
    return NewFile(project.data / "decision" / f"{slug}.ttl",
                   render_file(header, [Block(f"decision:{slug}", lines)], extra_prefixes(project, source)))


@dataclass
class ParagraphAnswers:
    decision: str  # decision IRI
    number: int
    source: str
    invites: list[str] = field(default_factory=list)  # organisation or actor-group IRIs
    through: str = ""  # organisation IRI
    invitation: str = ""  # "to facilitate its implementation"
    adopts: list[str] = field(default_factory=list)
    establishes: list[str] = field(default_factory=list)


def _decision_label(project: Project, resource: str) -> str:
    result = folder_store(project, "decision").query(
        f"SELECT ?l WHERE {{ GRAPH ?g {{ <{resource}> <{RDFS.label}> ?l FILTER(LANG(?l) = \"en\") }} }} LIMIT 1")
    assert isinstance(result, ox.QuerySolutions)
    return next((row["l"].value for row in result), compact_iri(project, resource))


def decision_paragraph(project: Project, a: ParagraphAnswers) -> NewFile:
    """The decision's own file with paragraph N appended (and the decision's link to it)."""
    paragraph = f"{a.decision}/p{a.number}"
    known = folder_store(project, "decision").query(f"ASK {{ GRAPH ?g {{ <{paragraph}> ?p ?o }} }}")
    if known:
        raise SoilkgError(f"{compact_iri(project, a.decision)} already has paragraph {a.number} ({paragraph}): "
                          "edit it in the decision's file, or give another --number.", exit_code=2)
    if not (a.invites or a.adopts or a.establishes):
        raise SoilkgError("Say what the paragraph does: --invites ORG (with --invitation \"to ...\"), --adopts or "
                          "--establishes.", exit_code=2)
    if a.invites and not a.invitation:
        raise SoilkgError("--invitation is missing: give what the paragraph invites them to do, in its words "
                          "(\"to facilitate its implementation\").", exit_code=2)
    label = f"Paragraph {a.number} of {_decision_label(project, a.decision)}"
    lines = [Line("a", ["skg:DecisionParagraph"]), *names(label), Line("skg:number", [str(a.number)]),
             Line("skg:paragraphOf", [short(project, a.decision)])]
    if a.invites:
        lines.append(Line("skg:invites", [short(project, i) for i in a.invites], "Whom it invites."))
    if a.through:
        lines.append(Line("skg:invitesThrough", [short(project, a.through)], "Through whom."))
    if a.invitation:
        lines.append(Line("skg:invitationTo", [text(a.invitation)], "What it invites them to do, in its words."))
    if a.adopts:
        lines.append(Line("skg:adopts", [short(project, x) for x in a.adopts]))
    if a.establishes:
        lines.append(Line("skg:establishes", [short(project, x) for x in a.establishes]))
    path = project.data / "decision" / f"{a.decision.rsplit('/', 1)[-1]}.ttl"
    # The paragraph as the file already names its paragraphs (`dec15-28:p7`), else in full.
    own = next((name for name, namespace in declared_prefixes(path.read_text(encoding="utf-8")).items()
                if namespace == a.decision + "/" and name), "")
    written = f"{own}:p{a.number}" if own else iri(paragraph)
    lines.append(Line("skg:statedIn", [short(project, a.source)], "The passage that states it."))
    blocks = [Block(short(project, a.decision), [Line("skg:paragraph", [written], f"Paragraph {a.number}, below.")]),
              Block(written, lines)]
    return append_blocks(project, path, "new decision-paragraph", f"paragraph {a.number} of the decision.", blocks,
                         a.source, a.decision)
