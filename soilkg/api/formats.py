"""Content negotiation: which serialization answers a request, by `format` parameter or Accept header."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from soilkg.api.problems import ApiError


@dataclass(frozen=True)
class Format:
    name: str  # short name accepted by ?format=
    oxigraph: ox.QueryResultsFormat | ox.RdfFormat  # what serializes it: its media type and file extension
    also: tuple[str, ...] = ()  # other media types and aliases that select it

    @property
    def media_type(self) -> str:
        """What we send in Content-Type (without pyoxigraph's charset parameter: run_query adds it to text/)."""
        return self.oxigraph.media_type.split(";", 1)[0]

    @property
    def extension(self) -> str:
        return self.oxigraph.file_extension


RESULTS = (
    Format("json", ox.QueryResultsFormat.JSON, ("application/json", "json")),
    Format("xml", ox.QueryResultsFormat.XML, ("application/xml", "text/xml", "xml")),
    Format("csv", ox.QueryResultsFormat.CSV),
    Format("tsv", ox.QueryResultsFormat.TSV),
)
GRAPHS = (
    Format("turtle", ox.RdfFormat.TURTLE, ("ttl", "application/x-turtle")),
    Format("ntriples", ox.RdfFormat.N_TRIPLES, ("nt", "n-triples", "text/plain")),
    Format("rdfxml", ox.RdfFormat.RDF_XML, ("rdf", "rdf+xml", "xml", "application/xml", "text/xml")),
    Format("jsonld", ox.RdfFormat.JSON_LD, ("json-ld", "json", "application/json")),
)
ALL_MEDIA_TYPES = tuple(f.media_type for f in (*RESULTS, *GRAPHS))


def family_for(form: str) -> tuple[Format, ...]:
    return RESULTS if form in ("SELECT", "ASK") else GRAPHS


def _by_name(value: str, choices: tuple[Format, ...]) -> Format | None:
    key = value.strip().lower().split(";", 1)[0].strip()
    for fmt in choices:
        if key in (fmt.name, fmt.media_type, fmt.extension, *fmt.also):
            return fmt
    return None


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values, best first (stable for equal q)."""
    if not header:
        return [("*/*", 1.0)]
    ranges: list[tuple[str, float, int]] = []
    for n, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        q = 1.0
        for param in pieces[1:]:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((pieces[0].lower(), q, n))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(r, q) for r, q, _ in ranges if q > 0]


def _matches(media_range: str, fmt: Format) -> bool:
    if media_range == "*/*":
        return True
    if media_range.endswith("/*"):
        return fmt.media_type.startswith(media_range[:-1])
    return media_range == fmt.media_type or media_range in fmt.also


def negotiate(choices: tuple[Format, ...], accept: str | None, format_param: str | None) -> Format:
    """The format to answer in; ApiError 406 when nothing we can write is acceptable."""
    if format_param:
        chosen = _by_name(format_param, choices)
        if chosen is None:
            raise ApiError(406, "not_acceptable", f"Unknown format `{format_param}` for this answer.",
                           {"supported": [f.name for f in choices]})
        return chosen
    for media_range, _q in parse_accept(accept):
        for fmt in choices:
            if _matches(media_range, fmt):
                return fmt
    raise ApiError(406, "not_acceptable", f"None of the requested media types ({accept}) can be produced here.",
                   {"supported": [f.media_type for f in choices]})


def prefers_html(accept: str | None) -> bool:
    """True when a browser asks: text/html ranks at least as high as every RDF type it names."""
    best_html = best_rdf = 0.0
    for media_range, q in parse_accept(accept):
        if media_range in ("text/html", "application/xhtml+xml"):
            best_html = max(best_html, q)
        elif any(_matches(media_range, f) for f in GRAPHS) and media_range != "*/*":
            best_rdf = max(best_rdf, q)
    return best_html > 0 and best_html >= best_rdf
