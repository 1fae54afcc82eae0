"""The validation run: parse, load each file into its named graph, run the named checks and the
shapes, and report every finding with its file and line.

Two modes share all the code:
- whole graph: every source file in one in-memory store (also the `check` of `soilkg build`);
- some files: those files (and any file edited since the last build, read from disk), plus from the
  last build the types of everything they mention and the statements of other files that pointed at
  resources they no longer define. Only the files' own resources are reported on, so one file takes
  well under a second. Without a build, every other file is loaded instead (slower, same answer).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from soilkg.errors import Finding, SoilkgError
from soilkg.namespaces import SKG
from soilkg.paths import Project
from soilkg.provenance import registry_declarations
from soilkg.store import graph_iri, load_memory, open_read_only, parse_into
from soilkg.validation.attribution import to_finding
from soilkg.validation.cascade import without_cascade
from soilkg.validation.checks import run_checks
from soilkg.validation.context import RDF_TYPE, Context, Hit
from soilkg.validation.misspelt import merge_misspelt_required
from soilkg.validation.shacl import run_shacl

# A change to any of these can change the verdict on every file: validate the whole graph.
GLOBAL_PREFIXES = ("ontology/", "shapes/")


def run(ctx: Context, focus_nodes: list[URIRef] | None = None) -> list[Finding]:
    hits = merge_misspelt_required(run_checks(ctx) + run_shacl(ctx, focus_nodes))
    findings = {to_finding(ctx, hit) for hit in first_per_value(hits) if _hit_in_scope(ctx, hit)}
    return sort_findings(findings)


def first_per_value(hits: list[Hit]) -> list[Hit]:
    """One finding per bad value. An impossible date fails both the literal check and sh:datatype;
    `country:GHN` is an unknown code, an undefined resource and not a skg:Country. The first hit
    wins: named checks in enabled.txt order (most specific first), then the shapes. A rule about the
    resource as a whole (no property: SHACL gives the resource itself as the value) speaks for itself:
    two such rules are two mistakes (coordinates in pairs, and the date a published case study needs),
    and a warning must not hide a violation."""
    seen: set[tuple[object, object, object, object]] = set()
    kept = []
    for hit in hits:
        key = (hit.focus, hit.path, hit.value, hit.rule if hit.path is None else None)
        if hit.value is not None and key in seen:
            continue
        seen.add(key)
        kept.append(hit)
    return kept


def _hit_in_scope(ctx: Context, hit: Hit) -> bool:
    return hit.graph is None or ctx.in_scope(hit.graph)


def sort_findings(findings: Sequence[Finding] | set[Finding]) -> list[Finding]:
    return sorted(without_cascade(findings), key=lambda f: (f.file, f.line or 0, f.rule, f.message))


def project_of(store: ox.Store, files: Sequence[Path]) -> Project:
    """The project whose files were loaded: a file's absolute path ends with its graph's relative path."""
    from soilkg.store import file_of_graph

    relatives = {file_of_graph(g.value) for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    for path in files:
        text = path.resolve().as_posix()
        for relative in relatives:
            if relative and text.endswith("/" + relative):
                return Project(Path(text[: -len(relative) - 1]))
    return Project.here()


def check_store(store: ox.Store, files: list[Path]) -> list[Finding]:
    """Every finding for a store holding all sources; the `check` of soilkg.store.build."""
    project = project_of(store, files)
    return run(Context(project, store, files=frozenset(project.relative(p) for p in files)))


def validate_all(project: Project, sources: list[Path]) -> list[Finding]:
    store, syntax = load_memory(project, sources)
    return sort_findings(syntax + run(Context(project, store, files=frozenset(project.relative(p) for p in sources))))


def validate_files(project: Project, changed: list[Path], include_demo: bool) -> list[Finding]:
    """The changed files, checked against the whole graph."""
    changed_rel = {project.relative(p) for p in changed}
    if any(r.startswith(GLOBAL_PREFIXES) for r in changed_rel):
        return validate_all(project, sorted(set(project.source_files(include_demo)) | set(changed)))
    files = project.listing(include_demo)
    base, stale, deleted = _base_store(project, {r: st for r, st in files.items() if r not in changed_rel},
                                       changed_rel)
    store = ox.Store()
    shared = [project.root / r for r in sorted(files) if r.startswith(GLOBAL_PREFIXES)]
    syntax = [f for p in (*shared, *changed) if (f := parse_into(store, project, p)) is not None]
    for rel in stale:
        parse_into(store, project, project.root / rel)  # its own errors are reported when it is checked
    graphs = {graph_iri(r) for r in changed_rel}
    # Graphs whose content comes from disk, not from the build: the build's copy must not leak in.
    overlay = {graph_iri(project.relative(p)) for p in (*shared, *changed)} | {graph_iri(r) for r in stale} | deleted
    # Files deleted since the build count as changed: whatever pointed at their resources is broken now.
    referrers = _pull_context(store, base, graphs | deleted, overlay)
    store.extend(registry_declarations(base, (ox.NamedNode(g) for g in overlay)))
    ctx = Context(project, store, scope=frozenset(graphs | referrers), lookups=(base,), files=frozenset(changed_rel))
    focus = sorted({URIRef(q.subject.value) for g in graphs
                    for q in store.quads_for_pattern(None, RDF_TYPE, None, ox.NamedNode(g))
                    if isinstance(q.subject, ox.NamedNode)})
    # Referring files are loaded in part (their statements about the changed files' resources):
    # only what they refer to is theirs to hear about in this run.
    own = [f for f in run(ctx, focus) if f.file in changed_rel or f.rule == "undefined-reference"]
    return sort_findings(syntax + own)


TEXT = ox.NamedNode(SKG + "text")
STALE_LIMIT = 200  # more files edited since the last build than this: loading them all is as quick


def _base_store(project: Project, others: dict[str, os.stat_result], changed: set[str]
                ) -> tuple[ox.Store, list[str], set[str]]:
    """The whole graph as last built, with the files edited (or deleted) since then apart from
    `changed`; without a usable build, a fresh in-memory load of every other file."""
    from soilkg.store import preview_store_path, read_manifest

    link = preview_store_path(project)  # every file, unpublished ones too: the whole graph to check against
    manifest = read_manifest(link) if link.exists() else None
    built = manifest.get("files") if manifest is not None else None
    if isinstance(built, dict):
        stale = [rel for rel, stat in others.items() if not _same(built.get(rel), stat)]
        deleted = {graph_iri(rel) for rel in built if rel not in others and rel not in changed}
        if len(stale) <= STALE_LIMIT:
            try:
                return open_read_only(project, preview=True), stale, deleted
            except (SoilkgError, OSError):
                pass  # a build is being swapped in or the store is unreadable: load the files instead
    store, _syntax = load_memory(project, [project.root / r for r in sorted(others)])  # their errors are theirs
    return store, [], set()


def _same(entry: object, stat: os.stat_result) -> bool:
    """Whether a file is as the build saw it (size and modification time, as soilkg.store records)."""
    return isinstance(entry, dict) and entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns


def _pull_context(store: ox.Store, base: ox.Store, graphs: set[str], overlay: set[str]) -> set[str]:
    """Copy into `store` what the checks of the changed files (`graphs`) need from the build.

    Returns the other files that referred to a resource the changed files no longer define: they are
    reported on too, since the change broke them."""
    mentioned: set[ox.NamedNode] = set()
    new_subjects: set[ox.NamedNode] = set()
    for graph in graphs:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
            for term in (quad.subject, quad.object):
                if isinstance(term, ox.NamedNode):
                    mentioned.add(term)
            if isinstance(quad.subject, ox.NamedNode):
                new_subjects.add(quad.subject)
    for iri in mentioned:
        # Its type, and a cited passage's text (identifier-not-in-passage reads it).
        for predicate in (RDF_TYPE, TEXT):
            for quad in base.quads_for_pattern(iri, predicate, None, None):
                if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value not in overlay:
                    store.add(quad)
    referrers: set[str] = set()
    for graph in graphs:
        for quad in base.quads_for_pattern(None, RDF_TYPE, None, ox.NamedNode(graph)):
            gone = quad.subject
            if not isinstance(gone, ox.NamedNode) or gone in new_subjects:
                continue
            for ref in base.quads_for_pattern(None, None, gone, None):
                if isinstance(ref.graph_name, ox.NamedNode) and ref.graph_name.value not in overlay:
                    store.add(ref)
                    referrers.add(ref.graph_name.value)
            for ref in store.quads_for_pattern(None, None, gone, None):  # files edited since the build
                if isinstance(ref.graph_name, ox.NamedNode) and ref.graph_name.value not in graphs:
                    referrers.add(ref.graph_name.value)
    return referrers
