"""A neutral model of a progress report draft, independent of any output format.

The composer fills it from the graph; one renderer per format (Markdown, HTML, DOCX) reads it.
Text is a list of runs so that every renderer can place footnote marks and links itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Mode(StrEnum):
    """How a paragraph or footnote of the draft was made: honest about what is generated."""

    GENERATED = "generated"  # written from the graph's resources and relations
    QUOTED = "quoted"  # the stored verbatim text of the source, where structure does not cover it


@dataclass(frozen=True)
class Run:
    """A piece of text: plain, emphasised, a link, or a footnote mark (``note`` is the footnote key)."""

    text: str = ""
    italic: bool = False
    href: str | None = None  # absolute URL (DOI, handle, website)
    note: str | None = None  # key of a Footnote (its source IRI)


@dataclass(frozen=True)
class Link:
    """A catalogue resource a paragraph draws on."""

    iri: str
    label: str


@dataclass
class Footnote:
    key: str  # the source footnote IRI (or a generated key)
    runs: list[Run]
    mode: Mode
    source_number: int | None = None  # its number in the source document
    number: int = 0  # its number in the draft, by order of first call


@dataclass
class Paragraph:
    runs: list[Run]
    mode: Mode
    source_iri: str | None = None
    source_number: int | None = None
    links: list[Link] = field(default_factory=list)
    new_since: bool = False  # draws on something added or changed since --since
    number: int = 0  # its number in the draft
    origin: str = ""  # what a paragraph without a source paragraph was written from ("New publication")


@dataclass
class Section:
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    key: str | None = None  # theme IRI of a report group


@dataclass(frozen=True)
class FigureRow:
    iri: str
    measures: str
    value: str  # formatted with its comparator ("more than 2 000")
    unit: str
    about: Link | None
    as_of: str  # a date, or the source's words ("to date") with the report's date
    source: str  # "¶10"
    source_iri: str | None


@dataclass(frozen=True)
class Change:
    """A resource added or changed since a date, with what says so (git history or a graph date)."""

    iri: str
    label: str
    kind: str
    change: str  # "added", "changed", "dated on or after"
    when: str
    evidence: str


@dataclass
class TitleBlock:
    organisation: list[tuple[str, str]]  # (language, name): the publisher in the UN languages the graph holds
    commission: str
    session: str
    agenda_item: str
    place: str
    dates: str
    title: str
    symbol: str | None = None
    document_iri: str | None = None


@dataclass
class Report:
    title_block: TitleBlock
    sections: list[Section]
    footnotes: list[Footnote]
    figures: list[FigureRow]
    notes: list[str] = field(default_factory=list)  # how the draft was made, shown before the text
    since: str | None = None
    changes: list[Change] = field(default_factory=list)

    def paragraphs(self) -> list[Paragraph]:
        out: list[Paragraph] = []

        def walk(section: Section) -> None:
            out.extend(section.paragraphs)
            for sub in section.subsections:
                walk(sub)

        for section in self.sections:
            walk(section)
        return out

    def footnote(self, key: str) -> Footnote | None:
        return next((f for f in self.footnotes if f.key == key), None)
