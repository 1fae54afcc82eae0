"""Downloads: each resource as Turtle and JSON-LD, the whole dataset as TriG, N-Quads and Turtle."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from soilkg.namespaces import PREFIXES
from soilkg.sitegen.graph import SiteGraph


def resource_triples(graph: SiteGraph, iri: str) -> list[ox.Triple]:
    """The triples of the file that describes the resource (the resource, its parts, its blank nodes)."""
    node = graph.nodes[iri]
    triples: list[ox.Triple] = []
    for source in sorted(node.files):
        triples.extend(graph.triples_by_file.get(source, []))
    return triples


def write_resource(graph: SiteGraph, iri: str, folder: Path) -> None:
    """resource.ttl and resource.jsonld next to the page (serialized in memory: pyoxigraph writing
    straight to a path is ~100 times slower per small file)."""
    triples = resource_triples(graph, iri)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "resource.ttl").write_bytes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"")
    (folder / "resource.jsonld").write_bytes(ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"")


def write_dataset(store: ox.Store, folder: Path) -> dict[str, tuple[str, str]]:
    """The whole dataset; returns file name -> (format's name, its description's key in site/i18n)."""
    folder.mkdir(parents=True, exist_ok=True)
    quads = list(store.quads_for_pattern(None, None, None, None))
    ox.serialize(quads, str(folder / "soilkg.trig"), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    ox.serialize(quads, str(folder / "soilkg.nq"), format=ox.RdfFormat.N_QUADS)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    ox.serialize(triples, str(folder / "soilkg.ttl"), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return {"soilkg.ttl": ("Turtle", "dl.ttl"), "soilkg.trig": ("TriG", "dl.trig"), "soilkg.nq": ("N-Quads", "dl.nq")}
