"""`soilkg new source FILE`: a document's text as data/document/<slug>.ttl, in the shape of
data/document/cgrfa-20-item-8-4.ttl: the document, its title block `/p0`, one resource per numbered
paragraph `/p<n>` and per footnote `/fn<n>`, each with its verbatim (normalised) `skg:text`."""

from __future__ import annotations

from dataclasses import dataclass

from soilkg.curation.cycle_files import names, short, written_by
from soilkg.curation.render import Line, iri, plain, text, typed
from soilkg.curation.source_text import SourceText
from soilkg.curation.turtle_out import Block, NewFile, render_file
from soilkg.namespaces import ID, PREFIXES
from soilkg.paths import Project
from soilkg.periods import Period


@dataclass
class SourceAnswers:
    slug: str
    title: str
    file_name: str  # the text file it was read from, for the header
    meeting: str = ""  # meeting IRI
    agenda_item: str = ""
    issued: Period | None = None
    url: str = ""


def part_prefix(slug: str) -> str:
    """The Turtle prefix of the document's parts: its slug (`cgrfa-21-item-8-4:p3`), which must start
    with a letter to be a prefix name, and must not be one of the project's prefixes (`figure:`)."""
    return slug if slug[:1].isalpha() and slug.replace("-", "") not in PREFIXES else f"doc-{slug}"


def _long(value: str) -> str:
    """A text as a long Turtle string: line breaks kept as written, quotes and backslashes escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"""{escaped}"""'


def source_document(project: Project, parsed: SourceText, a: SourceAnswers) -> NewFile:
    doc = f"document:{a.slug}"
    part = part_prefix(a.slug)
    name = f"{a.title}"
    paragraphs = [f"{part}:p{p.number}" for p in parsed.paragraphs]
    footnotes = [f"{part}:fn{f.number}" for f in parsed.footnotes]
    lines = [Line("a", ["skg:MeetingDocument"]), *names(a.title), Line("dct:title", [text(a.title)])]
    agenda_item = a.agenda_item or parsed.agenda_item
    if agenda_item:
        lines.append(Line("skg:agendaItem", [plain(agenda_item)], "The agenda item it is prepared under."))
    if a.meeting:
        lines.append(Line("skg:preparedFor", [short(project, a.meeting)], "The meeting it is prepared for."))
    if a.issued is not None:
        lines.append(Line("dct:issued", [typed(a.issued.lexical, a.issued.kind)], "The date the document bears."))
    if a.url:
        lines.append(Line("skg:website", [iri(a.url)], "Where the document is published."))
    lines += [
        Line("skg:paragraph", paragraphs, f"Its {_count(len(paragraphs), 'numbered paragraph')}."),
        *([Line("skg:footnote", footnotes, f"Its {_count(len(footnotes), 'footnote')}.")] if footnotes else []),
        Line("skg:titleBlock", [f"{part}:p0"], "Its heading (p0): facts printed only there are stated by it."),
        Line("skg:statedIn", [f"{part}:p0"], "The document is stated by its own heading."),
    ]
    blocks = [Block(doc, lines), Block(f"{part}:p0", [
        Line("a", ["skg:TitleBlock"]), *names(f"Title block of {name}"),
        Line("dct:isPartOf", [doc]),
        Line("skg:text", [_long("\n".join(parsed.title_block))], "The heading, line by line."),
        Line("skg:statedIn", [f"{part}:p0"]),
    ])]
    for p in parsed.paragraphs:
        lines = [Line("a", ["skg:DocumentParagraph"]), *names(f"Paragraph {p.number} of {name}"),
                 Line("skg:number", [str(p.number)])]
        if p.section:
            lines.append(Line("skg:section", [plain(p.section)]))
        lines.append(Line("skg:paragraphOf", [doc]))
        if p.footnotes:
            lines.append(Line("skg:footnote", [f"{part}:fn{n}" for n in p.footnotes]))
        lines += [Line("skg:text", [_long(p.text)]), Line("skg:statedIn", [f"{part}:p{p.number}"])]
        blocks.append(Block(f"{part}:p{p.number}", lines, comment=f"Line {p.line} of {a.file_name}."))
    for f in parsed.footnotes:
        lines = [Line("a", ["skg:Footnote"]), *names(f"Footnote {f.number} of {name}"),
                 Line("skg:number", [str(f.number)]), Line("skg:footnoteOf", [doc])]
        if f.number in parsed.called_from:
            lines.append(Line("skg:calledFrom", [f"{part}:p{parsed.called_from[f.number]}"]))
        lines += [Line("skg:text", [_long(f.text)]), Line("skg:statedIn", [f"{part}:fn{f.number}"])]
        blocks.append(Block(f"{part}:fn{f.number}", lines, comment=(
            f"Line {f.line} of {a.file_name}. When it cites a resource of the graph, add "
            "`skg:cites publication:...` (the URL itself belongs in that resource's skg:website).")))
    header = [f"Source document: {a.title}",
              f"{written_by('new source ' + a.file_name)} {_count(len(paragraphs), 'paragraph')}, "
              f"{_count(len(footnotes), 'footnote')}.",
              "skg:text is verbatim with three consistent edits (data/README.md): footnote marks removed, italics",
              "markers removed, and the <...> around URLs removed.",
              f"Cite a passage as `skg:statedIn {part}:p1` (prefix below), or as --source document:{a.slug}/p1."]
    return NewFile(project.data / "document" / f"{a.slug}.ttl",
                   render_file(header, blocks, {part: f"{ID}document/{a.slug}/"}))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
