"""The files of history: `soilkg new figure` (a newer value of a reported figure, which skg:updates the
value before it; nothing older is deleted) and `soilkg new status` (a dated skg:StatusChange)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from soilkg.curation.cycle_files import extra_prefixes, names, short, source_line, written_by
from soilkg.curation.references import compact_iri, folder_of, folder_store
from soilkg.curation.render import Line, slugify, text, typed
from soilkg.curation.turtle_out import Block, NewFile, render_file
from soilkg.errors import SoilkgError
from soilkg.namespaces import ID, RDFS, SKG
from soilkg.paths import Project
from soilkg.periods import Period, latest
from soilkg.periods import parse as parse_period
from soilkg.textfmt import format_number


@dataclass
class Earlier:
    """What a new value inherits from the figure it updates (the same measure of the same resource)."""

    iri: str
    value: str
    unit: ox.Literal | None
    measures: ox.Literal | None
    about: list[str]
    counts: bool  # it counts named countries (skg:counts), listed in its measure
    as_of: str  # "" when the earlier figure is not dated ("to date")
    series: str  # the first figure of the series (new values are named after it)


def _one(store: ox.Store, query: str) -> list[ox.QuerySolution]:
    # Each file is a named graph of its own: a series runs across files, so query their union.
    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return list(result)


def earlier_figure(project: Project, figure: str) -> Earlier:
    store = folder_store(project, "figure")
    rows = _one(store, f"""SELECT ?value ?unit ?measures ?asOf WHERE {{ GRAPH ?g {{ <{figure}> <{SKG.value}> ?value
        OPTIONAL {{ <{figure}> <{SKG.unit}> ?unit }} OPTIONAL {{ <{figure}> <{SKG.measures}> ?measures }}
        OPTIONAL {{ <{figure}> <{SKG.asOf}> ?asOf }} }} }}""")
    if not rows:
        raise SoilkgError(f"--updates {compact_iri(project, figure)} has no skg:value: it is not a reported figure.",
                          exit_code=2)
    newer = _one(store, f"SELECT ?f WHERE {{ GRAPH ?g {{ ?f <{SKG.updates}> <{figure}> }} }}")
    if newer:
        latest = compact_iri(project, newer[0]["f"].value)
        raise SoilkgError(f"--updates {compact_iri(project, figure)}: that value was already updated by {latest}. "
                          f"A series goes on from its latest value: give --updates {latest}.", exit_code=2)
    about = _one(store, f"SELECT ?a WHERE {{ GRAPH ?g {{ <{figure}> <{SKG.about}> ?a }} }} ORDER BY ?a")
    counts = bool(_one(store, f"SELECT ?c WHERE {{ GRAPH ?g {{ <{figure}> <{SKG.counts}> ?c }} }} LIMIT 1"))
    root = _one(store, f"""SELECT ?root WHERE {{ <{figure}> <{SKG.updates}>* ?root
        FILTER NOT EXISTS {{ ?root <{SKG.updates}> ?before }} }} LIMIT 1""")
    row = rows[0]

    def literal(name: str) -> ox.Literal | None:
        term = row[name]
        return term if isinstance(term, ox.Literal) else None

    as_of = literal("asOf")
    return Earlier(figure, row["value"].value, literal("unit"), literal("measures"),
                   [a["a"].value for a in about], counts, as_of.value if as_of else "",
                   root[0]["root"].value if root else figure)


def _turtle(term: ox.Literal) -> str:
    return str(term)  # pyoxigraph writes a literal in N-Triples form, which is Turtle


_COUNTRY_LIST = re.compile(r"\s*\([^()]*\)$")


@dataclass
class Counted:
    """What a figure counts, when it counts named countries: their IRIs and English names, in order."""

    iris: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def own_measure(measures: str, counted: Counted, earlier_counts: bool) -> str:
    """What the value measures, naming only the countries it counts itself: the earlier value's
    "(Costa Rica, Ghana, Mexico and Togo)" is dropped, the new value's own names are added."""
    base = _COUNTRY_LIST.sub("", measures) if earlier_counts else measures
    if not counted.names:
        return base
    *rest, final = counted.names  # "Costa Rica, Ghana, Mexico and Togo", as the source lists them
    return f"{base} ({' and '.join(filter(None, [', '.join(rest), final]))})"


def _label(value: str, more_than: bool, unit: str, measures: str) -> str:
    printed = ("More than " if more_than else "") + format_number(value)
    return f"{printed} {unit}: {measures}".strip().rstrip(":") if unit or measures else printed


def _value_lines(project: Project, value: str, more_than: bool, counted: Counted, as_of: Period, source: str,
                 about: list[str]) -> tuple[list[Line], list[Line], str]:
    """(lines before unit/measure, lines after, the document) shared by a first value and an update."""
    head = [
        Line("skg:value", [value], "The number, without quotes or spaces."),
        Line("skg:comparator", ["skg:moreThan" if more_than else "skg:exactly"],
             "skg:exactly, or skg:moreThan when the source says \"more than\" or \"over\"."),
    ]
    tail = []
    if about:
        tail.append(Line("skg:about", [short(project, a) for a in about]))
    if counted.iris:
        tail.append(Line("skg:counts", [short(project, c) for c in counted.iris], "The countries it counts."))
    tail.append(Line("skg:asOf", [typed(as_of.lexical, as_of.kind)], "When the value held."))
    document = _document_of(source)
    if document:
        tail.append(Line("skg:reportedIn", [short(project, document)], "The document that reports it."))
    tail.append(source_line(project, source))
    return head, tail, document


def figure(project: Project, *, slug: str, earlier: Earlier, value: str, more_than: bool, as_of: Period,
           source: str, counted: Counted) -> NewFile:
    before = parse_period(earlier.as_of) if earlier.as_of else None
    if before is not None and as_of.last < before.first:
        raise SoilkgError(f"--as-of {as_of} is before the date of the value it updates "
                          f"({compact_iri(project, earlier.iri)}, as of {earlier.as_of}). Give the later date, or "
                          "update another figure.", exit_code=2)
    unit = earlier.unit.value if earlier.unit else ""
    measures = own_measure(earlier.measures.value, counted, earlier.counts) if earlier.measures else ""
    label = _label(value, more_than, unit, measures)
    head, tail, document = _value_lines(project, value, more_than, counted, as_of, source, earlier.about)
    lines = [
        Line("a", ["skg:ReportedFigure"]), *names(label),
        Line("skg:updates", [short(project, earlier.iri)],
             f"The value this one updates ({format_number(earlier.value)}); it stays in the graph as history."),
        *head,
    ]
    if earlier.unit:
        lines.append(Line("skg:unit", [_turtle(earlier.unit)], "Unit and measure as in the series."))
    if earlier.measures:
        lines.append(Line("skg:measures", [text(measures, earlier.measures.language or "en")]))
    lines += tail
    header = [f"Reported figure: {label} (as of {as_of})", written_by("new figure"),
              f"A newer value in the series of {compact_iri(project, earlier.iri)}: nothing older is deleted."]
    extra = extra_prefixes(project, source, *([document] if document else []))
    return NewFile(project.data / "figure" / f"{slug}.ttl",
                   render_file(header, [Block(f"figure:{slug}", lines)], extra))


def first_figure(project: Project, *, slug: str, about: str, value: str, more_than: bool, unit: str,
                 measures: str, as_of: Period, source: str, counted: Counted) -> NewFile:
    """The first value of a figure the graph did not have yet (a series starts here)."""
    measured = own_measure(measures, counted, False)
    label = _label(value, more_than, unit, measured)
    head, tail, document = _value_lines(project, value, more_than, counted, as_of, source, [about])
    lines = [Line("a", ["skg:ReportedFigure"]), *names(label), *head,
             Line("skg:unit", [text(unit)], "What one unit is (countries, farmers, trainers), in English."),
             Line("skg:measures", [text(measured)], "What the figure counts, in the words of the source."),
             *tail]
    header = [f"Reported figure: {label} (as of {as_of})", written_by("new figure"),
              f"The first value of this figure; later values `soilkg new figure --updates figure:{slug}`."]
    extra = extra_prefixes(project, source, *([document] if document else []))
    return NewFile(project.data / "figure" / f"{slug}.ttl",
                   render_file(header, [Block(f"figure:{slug}", lines)], extra))


def _document_of(passage: str) -> str:
    """The document a paragraph or footnote belongs to (document:<slug>/p3 -> document:<slug>)."""
    if folder_of(passage) != "document":
        return ""
    local = passage[len(f"{ID}document/"):]
    return f"{ID}document/{local.split('/', 1)[0]}" if "/" in local else ""


def current_status(project: Project, resource: str) -> tuple[str, str]:
    """(status IRI, date) the resource has now: its latest status change, else its own skg:status ("" date)."""
    changes = _one(folder_store(project, "status-change"), f"""SELECT ?status ?date WHERE {{ GRAPH ?g {{
        ?c <{SKG.statusOf}> <{resource}> ; <{SKG.newStatus}> ?status ; <{SKG.date}> ?date }} }}""")
    dated = {row["date"].value: row["status"].value for row in changes if parse_period(row["date"].value)}
    last = latest([p for p in (parse_period(d) for d in dated) if p is not None])
    if last is not None:
        return dated[last.lexical], last.lexical
    own = _one(folder_store(project, folder_of(resource)),
               f"SELECT ?status WHERE {{ GRAPH ?g {{ <{resource}> <{SKG.status}> ?status }} }} LIMIT 1")
    return (own[0]["status"].value, "") if own else ("", "")


def status_slug(resource: str, status: str) -> str:
    return slugify(f"{resource.rsplit('/', 1)[-1]}-{_words(status)}")


def _words(status: str) -> str:
    """skg:beingFinalized -> "being finalized"."""
    local = status.rsplit("#", 1)[-1]
    return "".join(f" {c.lower()}" if c.isupper() else c for c in local).strip()


def _resource_label(project: Project, resource: str) -> str:
    rows = _one(folder_store(project, folder_of(resource)), f"""SELECT ?l WHERE {{ GRAPH ?g {{ <{resource}>
        <{RDFS.label}> ?l FILTER(LANG(?l) = "en") }} }} LIMIT 1""")
    return rows[0]["l"].value if rows else compact_iri(project, resource)


def status_change(project: Project, *, slug: str, resource: str, status: str, day: Period, source: str) -> NewFile:
    previous, since = current_status(project, resource)
    if previous == status:
        when = f" since {since}" if since else ""
        raise SoilkgError(f"{compact_iri(project, resource)} is already `{_words(status)}`{when}: there is no "
                          "change to record.", exit_code=2)
    since_period = parse_period(since) if since else None
    if since_period is not None and day.last < since_period.first:
        raise SoilkgError(f"--date {day} is before the latest status change of {compact_iri(project, resource)} "
                          f"({since}). Give the later date.", exit_code=2)
    label = f"{_resource_label(project, resource)}: {_words(status)} ({day})"
    lines = [
        Line("a", ["skg:StatusChange"]), *names(label),
        Line("skg:statusOf", [short(project, resource)], "The resource whose status changed."),
    ]
    if previous:
        lines.append(Line("skg:previousStatus", [short(project, previous)], "Where it stood before."))
    lines += [
        Line("skg:newStatus", [short(project, status)], "Where it stands from this date on."),
        Line("skg:date", [typed(day.lexical, day.kind)],
             "When the change took effect (a day, or the month or year when that is all the source says)."),
        source_line(project, source),
    ]
    header = [f"Status change: {label}", written_by("new status"),
              "The resource's own skg:status stays as first stated; its current status is that of its latest "
              "change."]
    return NewFile(project.data / "status-change" / f"{slug}.ttl",
                   render_file(header, [Block(f"statuschange:{slug}", lines)], extra_prefixes(project, source)))
