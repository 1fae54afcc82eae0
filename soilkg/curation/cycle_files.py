"""The files `soilkg new web-page`, `new publication` and `new meeting` write. Each describes one
resource with exactly one `skg:statedIn`, so every statement of it has that passage as its source
(the default rule of statement-level sources); the header says where the facts come from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox

from soilkg.curation.references import compact_iri, folder_store, prefixes, subjects
from soilkg.curation.render import Line, iri, plain, slugify, text, typed
from soilkg.curation.turtle_out import Block, NewFile, render_file
from soilkg.errors import SoilkgError
from soilkg.namespaces import ID, RDFS, SKG
from soilkg.paths import Project
from soilkg.periods import Period

RDFS_LABEL = str(RDFS.label)


def written_by(command: str) -> str:
    return f"Written by `soilkg {command}` on {date.today().isoformat()}."


def names(label: str) -> list[Line]:
    """The English name, as every resource has it (rdfs:label, skos:prefLabel)."""
    return [Line("rdfs:label", [text(label)], "The English name."), Line("skos:prefLabel", [text(label)])]


def source_line(project: Project, source: str) -> Line:
    return Line("skg:statedIn", [short(project, source)],
                "The passage that states all of the above (a paragraph, footnote, web page or publication).")


def short(project: Project, resource: str) -> str:
    """A resource IRI as Turtle: a prefixed name when one fits, else <IRI>."""
    compact = compact_iri(project, resource)
    return compact if not compact.startswith("<") else iri(resource)


def extra_prefixes(project: Project, *resources: str) -> dict[str, str]:
    """Prefixes a file needs beyond PREFIXES: a document's own (`report:`), for the passages it cites."""
    known = prefixes(project)
    out = {}
    for resource in resources:
        name = short(project, resource).split(":", 1)[0]
        if name in known:
            out[name] = known[name]
    return out


def web_page(project: Project, *, slug: str, url: str, title: str, accessed: str) -> NewFile:
    subject = f"webpage:{slug}"
    block = Block(subject, [
        Line("a", ["skg:WebPage"]), *names(title),
        Line("dct:title", [text(title)], "The page's title as it shows it."),
        Line("skg:url", [iri(url)], "The address you read."),
        Line("skg:accessed", [typed(accessed, "date")], "The day you read it: the graph states what it said then."),
        # A web page, like a paragraph, is the source of what it says about itself.
        Line("skg:statedIn", [subject], "A source is the source of its own title and address."),
    ])
    header = [f"Web page cited as a source: {title}", written_by("new web-page"),
              f"Cite it from other files with `skg:statedIn webpage:{slug}` (or --source web-page:{slug})."]
    return NewFile(project.data / "web-page" / f"{slug}.ttl", render_file(header, [block]))


@dataclass(kw_only=True)
class Published:
    """What a published work is found and cited by; every field may be empty but the year and source."""

    year: str
    source: str  # passage IRI
    issued: Period | None = None
    doi: str = ""
    handle: str = ""
    url: str = ""
    kind: str = ""  # class IRI (skg:StandardOperatingProcedure); "" for skg:Publication
    series_number: str = ""  # its number in a series, such as background study paper 74


@dataclass(kw_only=True)
class PublicationAnswers(Published):
    slug: str
    title: str
    authors: list[str] = field(default_factory=list)  # "Family, G." as the citation gives them
    publisher: str = ""  # organisation IRI
    status: str = ""  # status IRI


def person_slug(name: str) -> str:
    return slugify(name)


def _people(project: Project) -> dict[str, str]:
    """Label ("Csorba, C.") -> person IRI, for authors already in data/person/."""
    result = folder_store(project, "person").query(f"SELECT ?p ?l WHERE {{ GRAPH ?g {{ ?p <{RDFS_LABEL}> ?l }} }}")
    assert isinstance(result, ox.QuerySolutions)
    return {row["l"].value: row["p"].value for row in result}


def author_name(value: str) -> str:
    name = re.sub(r"\s+", " ", value).strip()
    if not re.fullmatch(r"[^,]+,\s*\S.*", name):
        raise SoilkgError(f"--author `{value}`: write the author as the citation gives the name, family name "
                          "first and a comma: \"Csorba, C.\" or \"Huws, S.A.\".", exit_code=2)
    return name


def publication(project: Project, a: PublicationAnswers) -> list[NewFile]:
    """The publication's file, and a file for each author not yet in data/person/."""
    people = _people(project)
    known_iris = set(subjects(project, "person"))
    authors: list[str] = []
    files: list[NewFile] = []
    for name in a.authors:
        person = people.get(name) or f"{ID}person/{person_slug(name)}"
        authors.append(f"person:{person.rsplit('/', 1)[-1]}")
        if person not in known_iris and person not in people.values():
            files.append(_person(project, name, person_slug(name), a.source))
    kind = short(project, a.kind) if a.kind else "skg:Publication"
    lines = [Line("a", [kind]), *names(a.title),
             Line("dct:title", [text(a.title)], "The title.")]
    if authors:
        lines += [Line("skg:authors", [f"( {' '.join(authors)} )"], "The authors in the order of the citation."),
                  Line("skg:author", authors)]
    lines.append(Line("skg:year", [typed(a.year, "gYear")], "The year of publication."))
    if a.issued is not None:
        lines.append(Line("dct:issued", [typed(a.issued.lexical, a.issued.kind)], "When it appeared."))
    if a.series_number:
        lines.append(Line("skg:seriesNumber", [a.series_number], "Its number in the series."))
    if a.publisher:
        lines.append(Line("skg:publishedBy", [short(project, a.publisher)], "Who published it."))
    if a.doi:
        lines += [Line("skg:doi", [plain(a.doi)], "Its DOI, without the resolver."),
                  Line("skg:website", [iri(f"https://doi.org/{a.doi}")])]
    if a.handle:
        lines += [Line("skg:handle", [plain(a.handle)], "Its Handle, without the resolver."),
                  Line("skg:website", [iri(f"https://hdl.handle.net/{a.handle}")])]
    if a.url and not (a.doi or a.handle):
        lines.append(Line("skg:website", [iri(a.url)], "Where to read it."))
    elif a.url:
        lines.append(Line("schema:url", [iri(a.url)], "Where to read it."))
    if a.status:
        lines.append(Line("skg:status", [short(project, a.status)],
                          "Where it stands: published, beingFinalized ... (`soilkg new status` dates a change)."))
    lines.append(source_line(project, a.source))
    header = [f"Publication: {a.title}", written_by("new publication"),
              "Add what the source says and the template leaves out (skg:citation, skg:theme, skg:producedBy) as "
              "new lines before the final one;", "they are stated by the same passage (skg:statedIn)."]
    block = Block(f"publication:{a.slug}", lines)
    path = project.data / "publication" / f"{a.slug}.ttl"
    return [NewFile(path, render_file(header, [block], extra_prefixes(project, a.source))), *files]


def _person(project: Project, name: str, slug: str, source: str) -> NewFile:
    family = name.split(",", 1)[0].strip()
    block = Block(f"person:{slug}", [
        Line("a", ["skg:Person"]), *names(name),
        Line("schema:familyName", [plain(family)]),
        source_line(project, source),
    ])
    header = [f"Author {name}, named as the citation gives the name.", written_by("new publication")]
    return NewFile(project.data / "person" / f"{slug}.ttl",
                   render_file(header, [block], extra_prefixes(project, source)))


_ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
             "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth").split()
_TENS = "twent thirt fort fift sixt sevent eight ninet".split()
_TEN_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def ordinal(n: int) -> str:
    """The English ordinal in words ("Twenty-first"), as the Commission names its sessions (1-99)."""
    if n < 20:
        return _ORDINALS[n].capitalize()
    tens, units = divmod(n, 10)
    word = f"{_TENS[tens - 2]}ieth" if units == 0 else f"{_TEN_WORDS[tens - 2]}-{_ORDINALS[units]}"
    return word.capitalize()


def numeric_ordinal(n: int) -> str:
    """12 -> "12th", 13 -> "13th", 21 -> "21st", as the GSP numbers its Plenary Assemblies."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass
class Session:
    """A meeting's name, file name and acronym, following the body's latest earlier session."""

    label: str
    slug: str
    acronym: str = ""


def _renumbered(text: str, earlier: int, session: int) -> str | None:
    """`text` with the earlier session's number put as the new one's, in the form `text` writes it."""
    for old, new in ((ordinal(earlier), ordinal(session)), (numeric_ordinal(earlier), numeric_ordinal(session))):
        if 0 < earlier < 100 and session < 100 and text.startswith(old + " "):
            return new + text[len(old):]
    pattern = re.compile(rf"(?<!\d){earlier}(?!\d)")
    return pattern.sub(str(session), text, count=1) if len(pattern.findall(text)) == 1 else None


def session_names(project: Project, body: str, session: int) -> Session:
    """Name, file name and acronym of a session, in the pattern of the body's latest earlier session
    ("12th GSP Plenary Assembly", gsp-plenary-assembly-12 -> "13th GSP Plenary Assembly",
    gsp-plenary-assembly-13; "Fifteenth meeting of ...", "COP 15" -> "Sixteenth meeting of ...", "COP 16"),
    else "Session N of the <body>" and <body>-N."""
    query = f"""SELECT ?m ?n ?l ?a WHERE {{ GRAPH ?g {{ ?m <{SKG.heldBy}> <{body}> ; <{SKG.sessionNumber}> ?n ;
                <{RDFS_LABEL}> ?l FILTER(LANG(?l) = "en") OPTIONAL {{ ?m <{SKG.acronym}> ?a }} }} }}"""
    result = folder_store(project, "meeting").query(query)
    assert isinstance(result, ox.QuerySolutions)
    rows = sorted(result, key=lambda row: -int(row["n"].value))
    body_slug = body.rsplit("/", 1)[-1]
    for row in rows:
        earlier = int(row["n"].value)
        label = _renumbered(row["l"].value, earlier, session)
        slug = _renumbered(row["m"].value.rsplit("/", 1)[-1], earlier, session)
        if label is None:
            continue
        acronym = _renumbered(row["a"].value, earlier, session) if row["a"] is not None else None
        return Session(label, slug or f"{body_slug}-{session}", acronym or "")
    organisation = folder_store(project, "organisation").query(
        f"SELECT ?l WHERE {{ GRAPH ?g {{ <{body}> <{RDFS_LABEL}> ?l FILTER(LANG(?l) = \"en\") }} }}")
    assert isinstance(organisation, ox.QuerySolutions)
    body_label = next((row["l"].value for row in organisation), body_slug)
    return Session(f"Session {session} of the {body_label}", f"{body_slug}-{session}")


@dataclass
class MeetingAnswers:
    slug: str
    body: str  # organisation IRI
    session: int
    names: Session
    place: str
    start: Period | None
    end: Period | None
    source: str
    agenda_item: str = ""
    activities: list[str] = field(default_factory=list)  # what it did, in the words of the source


def meeting(project: Project, a: MeetingAnswers) -> NewFile:
    label = a.names.label
    lines = [Line("a", ["skg:Meeting"]), *names(label)]
    if a.names.acronym:
        lines += [Line("skg:acronym", [plain(a.names.acronym)], "The short name the source uses."),
                  Line("skos:altLabel", [plain(a.names.acronym)])]
    lines += [
        Line("skg:sessionNumber", [str(a.session)], "The session's number."),
        Line("skg:heldBy", [short(project, a.body)], "The body whose session it is."),
    ]
    if a.place:
        lines.append(Line("skg:place", [plain(a.place)], "The city, as the source names it."))
    if a.start is not None:
        lines.append(Line("skg:startDate", [typed(a.start.lexical, a.start.kind)],
                          "The first day (or the month or year, when that is all the source says)."))
    if a.end is not None:
        lines.append(Line("skg:endDate", [typed(a.end.lexical, a.end.kind)]))
    if a.agenda_item:
        lines.append(Line("skg:agendaItem", [plain(a.agenda_item)],
                          "The agenda item under which the Initiative's progress report is presented."))
    if a.activities:
        lines.append(Line("skg:activity", [text(t) for t in a.activities],
                          "What the meeting did, in the words of the source."))
    lines.append(source_line(project, a.source))
    header = [f"Meeting: {label}", written_by("new meeting"),
              "Check the name (rdfs:label): it follows the body's earlier sessions. Decisions it adopted: "
              "`soilkg new decision --meeting meeting:" + a.slug + "`."]
    return NewFile(project.data / "meeting" / f"{a.slug}.ttl",
                   render_file(header, [Block(f"meeting:{a.slug}", lines)], extra_prefixes(project, a.source)))
