"""Nothing silently ignored: each curated file must yield exactly the resource its path names.

A file that parses can still describe nothing the graph will use: it is empty, its `skg:` prefix
is misspelt (every property and class is then unknown), the resource is written as a blank node
`[ a skg:CaseStudy ... ]`, nothing in it has a type, or its IRI is not the one its path names.
Each of these is ONE finding that says what was found instead. A file that fails here fails
structurally: the engine drops the other findings of that file (they follow from this one).
"""

from __future__ import annotations

import difflib
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from soilkg.locate import LineIndex, index_file
from soilkg.namespaces import ID, KINDS, PREFIXES, RDF_TYPE
from soilkg.store import file_of_graph, graph_iri
from soilkg.urls import data_file, is_ours, kind_of
from soilkg.validation.context import Context, Hit
from soilkg.validation.suggest import well_known_terms
from soilkg.validation.terms import compact

DEMO_FOLDER = "examples/case-studies/"
# Namespaces our files use beyond PREFIXES and rdflib's vocabularies.
EXTRA_NAMESPACES = ("http://www.w3.org/2003/01/geo/wgs84_pos#", "https://orcid.org/")
# Rules after which nothing else said about the file is worth reading (see soilkg.validation.cascade).
STRUCTURAL_RULES = frozenset({"empty-file", "unknown-namespace", "wrong-resource", "blank-node-resource",
                              "untyped-resource", "no-resource", "no-folder"})
_TYPE = ox.NamedNode(RDF_TYPE)
_MAX_TYPOS = 2  # a namespace this close to a known one is a typo of it, not a vocabulary of its own


def expected_resource(relative: str) -> str | None:
    """The IRI a file's path names: data/{kind}/{slug}.ttl and examples/case-studies/{slug}.ttl."""
    parts = relative.split("/")
    if len(parts) != 3 or not parts[2].endswith(".ttl"):
        return None
    slug = parts[2][: -len(".ttl")]
    if relative.startswith(DEMO_FOLDER):
        return f"{ID}case-study/{slug}"
    if parts[0] == "data" and parts[1] in KINDS:
        return f"{ID}{parts[1]}/{slug}"
    return None


def curated(relative: str) -> bool:
    return relative.startswith(("data/", DEMO_FOLDER)) and relative.endswith(".ttl")


def checked_files(ctx: Context) -> list[str]:
    """The curated files this run reports on: the files it was given (a single-file run also loads
    a few statements of other files, which are not whole files), else every curated file loaded."""
    files = set(ctx.files) or {file_of_graph(g) or "" for g in ctx.graphs_under("data/", DEMO_FOLDER)}
    return sorted(r for r in files if curated(r) and ctx.in_scope(graph_iri(r)))


def file_structure(ctx: Context) -> list[Hit]:
    return [hit for relative in checked_files(ctx) if (hit := diagnose(ctx, relative)) is not None]


@dataclass
class _File:
    relative: str
    graph: str
    own: str
    quads: list[ox.Quad]
    root: Path

    @cached_property
    def index(self) -> LineIndex:
        """Read only when a finding needs its line: most files have none."""
        return _index(self.root / self.relative)


def diagnose(ctx: Context, relative: str) -> Hit | None:
    """The one structural problem of a file, or None when it describes the resource its path names."""
    graph = graph_iri(relative)
    own = expected_resource(relative)
    if own is None:
        first = _index(ctx.project.root / relative).first_statement or 1
        folder = relative.split("/")[1] if relative.count("/") >= 2 else ""
        if folder in KINDS or relative.startswith(DEMO_FOLDER):
            why = "files go directly in their kind's folder (no sub-folders), named after the resource's slug."
        else:
            kinds = difflib.get_close_matches(folder, list(KINDS), n=1)
            why = f"`{folder}` is not a kind of resource." + (f" Did you mean data/{kinds[0]}/?" if kinds else "")
        return Hit("no-folder", graph, None,
                   f"{relative} is not where a resource lives: files go in data/<kind>/<slug>.ttl, and {why} Move "
                   "the file into one of the folders listed in data/README.md.", line=first)
    quads = list(ctx.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    file = _File(relative, graph, own, quads, ctx.project.root)
    if not quads:
        return Hit("empty-file", graph, URIRef(own),
                   f"The file states nothing (it is empty, or holds only comments and prefixes), so "
                   f"`{compact(own)}` does not exist in the graph. {_start_hint(own)} Or delete the file.",
                   line=file.index.first_statement or 1)
    if (typo := _namespace_typo(file)) is not None:
        return typo
    typed = {q.subject for q in quads if q.predicate == _TYPE}
    if ox.NamedNode(own) in typed:
        return None  # a second resource, or anything else, is ownership's to tell (soilkg.validation.ownership)
    return _missing_own(file, typed)


def _index(path: Path) -> LineIndex:
    return index_file(path) if path.is_file() else LineIndex()


def _missing_own(file: _File, typed: AbstractSet[object]) -> Hit:
    own, index = file.own, file.index
    named = sorted((s for s in typed if isinstance(s, ox.NamedNode)), key=lambda s: (not is_ours(s.value), s.value))
    objects = {q.object for q in file.quads}
    anonymous = [s for s in typed if isinstance(s, ox.BlankNode) and s not in objects]
    subjects = {q.subject for q in file.quads}
    if named:
        found = named[0].value
        # Its focus is what the file describes instead: what the shapes say about that follows from this.
        return Hit("wrong-resource", file.graph, URIRef(found), _wrong_resource(file, found),
                   line=index.line_of(found) or index.first_statement or 1)
    if anonymous:
        classes = sorted(q.object.value for q in file.quads if q.subject in anonymous and q.predicate == _TYPE
                         and isinstance(q.object, ox.NamedNode))
        what = f"`{compact(classes[0])}`" if classes else "resource"
        return Hit("blank-node-resource", file.graph, URIRef(own),
                   f"The {what} here is written as a blank node (`[ a ... ]` or `_:name`), which has no IRI: nothing "
                   f"can link to it and the catalogue never shows it. Name it `{compact(own)}`: write "
                   f"`{compact(own)}` in place of the opening `[` and end its description with ` .` instead of "
                   "`] .`.", line=index.anonymous_subjects[0] if index.anonymous_subjects else index.first_statement)
    if ox.NamedNode(own) in subjects:
        return Hit("untyped-resource", file.graph, URIRef(own),
                   f"`{compact(own)}` has no type, so no rule checks it and the catalogue does not list it. Add "
                   f"`a {_class_of(own)} ;` as its first property.", line=index.line_of(own))
    about = sorted({compact(s.value) for s in subjects if isinstance(s, ox.NamedNode)})
    found = (" It only states facts about " + ", ".join(f"`{a}`" for a in about[:3]) + ".") if about else ""
    return Hit("no-resource", file.graph, URIRef(own),
               f"Nothing in this file has a type (`a {_class_of(own)}`), so it describes no resource and "
               f"`{compact(own)}` never appears.{found} {_start_hint(own)}",
               line=index.first_statement or 1)


def _wrong_resource(file: _File, found: str) -> str:
    own, relative = file.own, file.relative
    message = f"This file's path names `{compact(own)}`, but the file describes `{compact(found)}`"
    if not is_ours(found):
        return (message + f": resources of this graph have IRIs under {ID}. Write `{compact(own)}` as its "
                          "subject (declare the prefix with the others at the top).")
    home = data_file(found) if kind_of(found) else None
    if home is None or home == relative or relative.startswith(DEMO_FOLDER):
        home = None
    exists = home is not None and (file.root / home).is_file()
    if exists:
        message += f", which {home} already describes (a copy whose IRI was not changed?)"
    message += "."
    if close(found.rsplit("/", 1)[-1], own.rsplit("/", 1)[-1]) or close(found, own):
        return message + f" Did you mean `{compact(own)}`? Fix the subject's IRI (or its @prefix)."
    move = f", or rename the file (`git mv {relative} {home}`)" if home and not exists else ""
    return message + f" Write `{compact(own)}` as the subject if this file is meant to describe it{move}."


def _class_of(own: str) -> str:
    kind = kind_of(own)
    return f"skg:{KINDS[kind]}" if kind else "skg:..."


def _start_hint(own: str) -> str:
    slug = own.rsplit("/", 1)[-1]
    if kind_of(own) == "case-study":
        return f"Write its description: `soilkg new case-study --slug {slug}` writes a template to fill in."
    return f"Start the description with `{compact(own)} a {_class_of(own)} ;`."


@cache
def known_namespaces() -> frozenset[str]:
    return frozenset(PREFIXES.values()) | frozenset(well_known_terms()) | frozenset(EXTRA_NAMESPACES)


def namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def _namespace_typo(file: _File) -> Hit | None:
    """A property, class or subject whose namespace is a near miss of a known one (a misspelt
    `@prefix skg:`): every term written with it means nothing here."""
    known = known_namespaces()
    spaces = {namespace(term.value) for quad in file.quads
              for term in (quad.predicate, quad.subject, quad.object if quad.predicate == _TYPE else None)
              if isinstance(term, ox.NamedNode)}
    seen = {space: meant for space in spaces
            if not _known(space, known) and (meant := nearest(space, known)) is not None}
    if not seen:
        return None
    wrong, meant = min(seen.items(), key=lambda item: file.index.prefix_lines.get(item[0], 10**9))
    prefix = next((p for p, ns in PREFIXES.items() if ns == meant), None)
    named = f" (`{prefix}:`)" if prefix else ""
    return Hit("unknown-namespace", file.graph, URIRef(file.own),
               f"The namespace <{wrong}> is not one this graph knows, so every property and class written with it "
               f"means nothing here. Did you mean <{meant}>{named}? Fix the @prefix line.",
               line=file.index.prefix_lines.get(wrong) or file.index.first_statement)


def _known(space: str, known: frozenset[str]) -> bool:
    """Known vocabularies, and under our IRI base any kind's folder or a resource's parts
    (`document:cgrfa-20-item-8-4/` for `report:p4`)."""
    return space in known or (space.startswith(ID) and kind_of(space + "x") is not None)


@cache
def nearest(space: str, known: frozenset[str]) -> str | None:
    best = min(known, key=lambda k: distance(space, k))
    return best if distance(space, best) <= _MAX_TYPOS and len(space) > 12 else None


def close(a: str, b: str) -> bool:
    return a != b and distance(a, b) <= _MAX_TYPOS


def distance(a: str, b: str) -> int:
    """Levenshtein distance, stopping early once it exceeds what counts as a typo."""
    if abs(len(a) - len(b)) > _MAX_TYPOS:
        return _MAX_TYPOS + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > _MAX_TYPOS:
            return _MAX_TYPOS + 1
        previous = current
    return previous[-1]
