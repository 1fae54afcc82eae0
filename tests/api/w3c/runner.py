"""A runner over the W3C SPARQL 1.1 Protocol test suite's manifest (manifest.ttl beside this file).

Each test is one or more HTTP requests (`ht:requests`: method, path, headers, body) and what each
answer must be (`mf:expectedStatus`, `mf:expectedFormat`, `mf:expectedBoolean`). The runner sends them
as written to a real server, with only these adaptations, none of them in the vendored file:

- **Graph names.** The suite loads three files into graphs named
  `http://kasei.us/2009/09/sparql/data/data1.rdf` ... `data3.rdf`, each typing one resource named like
  its graph (`<.../data1.rdf> a foaf:Document`), and names a graph `data0.rdf` that it never loads. A
  read-only service cannot load them, so each stands for a graph of our store whose resource has a
  type the others share: data1 = `source/data/network/netsob.ttl` (resource `network/netsob`), data2 =
  `insop.ttl` (`network/insop`), data3 = `inbs.ttl` (`network/inbs`), all `skg:Network`; data0 =
  `glosolan.ttl`. In dataset parameters and after FROM, FROM NAMED and GRAPH the graph's name is put
  in, elsewhere (a subject) its resource.
- **query_multiple_dataset**'s path writes the `&` between its two `named-graph-uri` parameters as
  `%26`, which makes one parameter whose value is both IRIs joined; the test's name and its comment's
  intent (the request's named graphs win over the query's FROM) need two, so the value is split.
- **Where the endpoint is.** Requests go to the server's endpoint URL instead of `www.example/sparql/`.

Nothing else changes: bodies without those IRIs are sent byte for byte (in UTF-16 with its BOM where
`cnt:characterEncoding` says so), and headers only as the manifest gives them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode
from xml.etree import ElementTree

import httpx
import rdflib
from rdflib.collection import Collection

MANIFEST = Path(__file__).with_name("manifest.ttl")
BASE = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest.ttl"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")

SOURCE = "https://w3id.org/soilkg/source/data/network/"
RESOURCE = "https://w3id.org/soilkg/id/network/"
SUITE_GRAPH = "http://kasei.us/2009/09/sparql/data/data{}.rdf"
# The suite's graph -> (the store's graph standing for it, the resource that graph types).
STAND_INS = {SUITE_GRAPH.format(n): (f"{SOURCE}{slug}.ttl", f"{RESOURCE}{slug}")
             for n, slug in enumerate(("glosolan", "netsob", "insop", "inbs"))}
DATASET_PARAMETERS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")
_GRAPH_POSITION = re.compile(r"\b(FROM\s+NAMED|FROM|GRAPH)(\s*)<(http://kasei\.us/[^>]*)>", re.IGNORECASE)
_SUITE_IRI = re.compile(r"<(http://kasei\.us/[^>]*)>")

BOOLEAN_TYPES = {"application/sparql-results+json", "application/sparql-results+xml"}
FORMATS = {
    "boolean": BOOLEAN_TYPES,
    "tabular": BOOLEAN_TYPES | {"text/csv", "text/tab-separated-values"},
    "RDF": {"text/turtle", "application/rdf+xml", "application/n-triples", "application/ld+json",
            "application/n-quads", "application/trig"},
}
SRX = "{http://www.w3.org/2005/sparql-results#}"


@dataclass(frozen=True)
class Step:
    """One request of a test and what its answer must be."""

    method: str
    query_string: str  # as in the manifest's path, after the "?" (percent-encoded)
    body: bytes | None
    headers: dict[str, str]
    statuses: frozenset[int]  # status classes: 2, 3, 4
    boolean: bool | None
    format: str | None

    @property
    def is_update(self) -> bool:
        """An update by any of the protocol's forms (`update=`, application/sparql-update)."""
        content_type = self.headers.get("content-type", "")
        form = content_type.startswith("application/x-www-form-urlencoded") and self.body is not None
        names = {k for k, _ in parse_qsl(self.query_string)}
        if form and self.body is not None:
            names |= {k for k, _ in parse_qsl(self.body.decode("utf-8", errors="replace"))}
        return content_type.startswith("application/sparql-update") or "update" in names


@dataclass(frozen=True)
class Case:
    name: str
    steps: tuple[Step, ...]

    @property
    def is_update(self) -> bool:
        return "update" in self.name


def cases() -> list[Case]:
    """Every test of the manifest, in its order."""
    graph = rdflib.Graph().parse(MANIFEST, format="turtle", publicID=BASE)
    manifest = next(graph.subjects(rdflib.RDF.type, MF.Manifest))
    out = []
    for entry in Collection(graph, _node(graph, manifest, MF.entries)):
        requests = Collection(graph, _node(graph, _node(graph, entry, MF.action), HT.requests))
        name = str(entry).rpartition("#")[2]
        out.append(Case(name, tuple(_step(graph, request) for request in requests)))
    return out


def _node(graph: rdflib.Graph, subject: rdflib.term.Node, predicate: rdflib.URIRef) -> rdflib.term.Node:
    value = graph.value(subject, predicate)
    assert value is not None, f"the manifest lacks {predicate} of {subject}"
    return value


def _step(graph: rdflib.Graph, request: rdflib.term.Node) -> Step:
    path = str(graph.value(request, HT.absolutePath))
    body_node = graph.value(request, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower())  # utf-16: with its BOM
    headers = {}
    header_list = graph.value(request, HT.headers)
    if header_list is not None:
        for header in Collection(graph, header_list):
            headers[str(graph.value(header, HT.fieldName)).lower()] = str(graph.value(header, HT.fieldValue))
    response = graph.value(request, HT.resp)
    statuses = frozenset(int(str(s).rpartition("StatusCode")[2][0]) for s in graph.objects(response, MF.expectedStatus))
    boolean = graph.value(response, MF.expectedBoolean)
    fmt = graph.value(response, MF.expectedFormat)
    return Step(str(graph.value(request, HT.methodName)), path.partition("?")[2], body, headers, statuses,
                None if boolean is None else str(boolean) == "true", None if fmt is None else str(fmt))


def adapt_query(text: str) -> str:
    """The suite's graph names in graph positions, their resources elsewhere (see the module's text)."""
    text = _GRAPH_POSITION.sub(lambda m: f"{m.group(1)}{m.group(2)}<{STAND_INS[m.group(3)][0]}>", text)
    return _SUITE_IRI.sub(lambda m: f"<{STAND_INS[m.group(1)][1]}>", text)


def adapt_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for key, value in pairs:
        if key in DATASET_PARAMETERS and "&" in value:  # query_multiple_dataset's %26: two parameters
            first, _, rest = value.partition("&")
            out += adapt_pairs([(key, first), *parse_qsl(rest)])
        elif key in DATASET_PARAMETERS:
            out.append((key, STAND_INS.get(value, (value,))[0]))
        elif key == "query":
            out.append((key, adapt_query(value)))
        else:
            out.append((key, value))
    return out


def _encode(pairs: list[tuple[str, str]]) -> str:
    return urlencode(pairs, quote_via=quote)


def send(client: httpx.Client, endpoint: str, step: Step) -> httpx.Response:
    """The step's request to the endpoint, adapted only where the suite's graph names occur."""
    query_string = step.query_string
    if "kasei.us" in query_string:
        query_string = _encode(adapt_pairs(parse_qsl(query_string, keep_blank_values=True)))
    body = step.body
    if body is not None and b"kasei.us" in body:
        text = body.decode("utf-8")
        if step.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            body = _encode(adapt_pairs(parse_qsl(text, keep_blank_values=True))).encode()
        else:
            body = adapt_query(text).encode()
    url = endpoint + ("?" + query_string if query_string else "")
    return client.request(step.method, httpx.URL(url), content=body, headers=step.headers)


def problems(step: Step, response: httpx.Response) -> list[str]:
    """What in the answer differs from what the manifest expects (empty: the step passes)."""
    found = []
    if response.status_code // 100 not in step.statuses:
        found.append(f"status {response.status_code}, expected {sorted(f'{s}xx' for s in step.statuses)}: "
                     f"{response.text[:300]}")
        return found
    media_type = response.headers.get("content-type", "").partition(";")[0].strip()
    if step.format is not None and media_type not in FORMATS[step.format]:
        found.append(f"content type {media_type!r} is not one for {step.format} results")
    if step.boolean is not None and boolean_of(response) is not step.boolean:
        found.append(f"answer {boolean_of(response)}, expected {step.boolean}")
    return found


def boolean_of(response: httpx.Response) -> bool | None:
    """The boolean of an ASK answer in SPARQL results JSON or XML (None: not a boolean answer)."""
    media_type = response.headers.get("content-type", "").partition(";")[0].strip()
    if media_type == "application/sparql-results+json":
        value = json.loads(response.content).get("boolean")
        return value if isinstance(value, bool) else None
    if media_type == "application/sparql-results+xml":
        node = ElementTree.fromstring(response.content).find(f"{SRX}boolean")
        return None if node is None else node.text == "true"
    return None
