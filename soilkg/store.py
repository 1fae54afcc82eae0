"""Build the pyoxigraph stores from the Turtle sources: one named graph per file, replaced atomically.

`build` is the one place that builds (`soilkg build`, and the commands that need a store, call it
through ``soilkg.validation.build_validated``); everything else opens what it made.

Layout under the build folder::

    stores/<fingerprint>-<time>/preview/   every source file (validation and the curators' preview)
    stores/<fingerprint>-<time>/public/    without the non-public files (soilkg.visibility); made only
                                           when something is non-public, else the public view IS preview/
    store   -> the public store            what /sparql, /id, /queries, the site and the report read
    store-preview -> the preview store     `--include-drafts`

Each store folder has its own manifest.json, which records every file the build wrote (name, size,
SHA-256; soilkg.storefiles): a store that no longer matches is moved aside and rebuilt. The links are
swapped with os.replace, so readers never see half a build. A build whose sources parse badly, whose
``check`` callback reports violations, or that runs out of disk space (soilkg.diskfull) leaves the
previous pair of links and their stores untouched, and its staging folder removed; the staging folders
of killed builds are removed by the next build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox

from soilkg import diskfull, storefiles, visibility
from soilkg.errors import UNREADABLE_RULES, Finding, Severity, SoilkgError
from soilkg.namespaces import SOURCE_GRAPH
from soilkg.output import stderr
from soilkg.paths import Project
from soilkg.provenance import rewrite_annotations
from soilkg.sourcefile import SourceEncodingError, read_source
from soilkg.storefiles import MANIFEST
from soilkg.turtlehints import cli_form_hint

KEEP_OLD_STORES = 2
PUBLIC_LINK = "store"
PREVIEW_LINK = "store-preview"


def graph_iri(relative_path: str) -> str:
    """The named graph that holds one source file's triples."""
    return SOURCE_GRAPH + relative_path


def file_of_graph(graph: str) -> str | None:
    return graph[len(SOURCE_GRAPH):] if graph.startswith(SOURCE_GRAPH) else None


def syntax_finding(relative_path: str, error: SyntaxError, text: str) -> Finding:
    """A Turtle syntax error as file:line:column with the offending text and a hint."""
    line = error.lineno or None
    column = error.offset or None
    lines = text.splitlines()
    detail = str(error.msg).split(": ", 1)[-1] if error.msg else "invalid Turtle"
    # Errors found at the end of the file (or on a blank line) are about the last written line.
    if line is not None and (line > len(lines) or not lines[line - 1].strip()):
        while line > 1 and (line > len(lines) or not lines[line - 1].strip()):
            line -= 1
        column = len(lines[line - 1]) if 0 < line <= len(lines) else None
        if "end" in detail.lower():
            detail = "the file ends in the middle of a statement"
    snippet = lines[line - 1].strip() if line is not None and 0 < line <= len(lines) else ""
    message = f"Turtle syntax error: {detail}."
    if snippet:
        message += f" Offending text: `{snippet[:120]}`."
    message += cli_form_hint(snippet) or (" Check for a missing ' .' or ' ;' at the end of the statement, an "
                                          "unclosed quote or <IRI>, or an undeclared prefix.")
    # The cause is often at the end of the line before (a missing ' ;' or ' .'): show it too.
    if line is not None and 2 <= line <= len(lines) + 1 and (before := lines[line - 2].strip()):
        message += f" The line before ({line - 1}) reads: `{before[:120]}`."
    return Finding(relative_path, line, message, Severity.VIOLATION, rule="turtle-syntax", column=column)


def parse_into(target: ox.Store, project: Project, path: Path) -> Finding | None:
    """Load one file into its named graph; return a finding instead of raising on bad Turtle."""
    relative = project.relative(path)
    try:
        text = read_source(path)
    except SourceEncodingError as error:
        return Finding(relative, error.line, error.message, rule="encoding", column=error.column)
    try:
        target.load(text, format=ox.RdfFormat.TURTLE, base_iri=graph_iri(relative),
                    to_graph=ox.NamedNode(graph_iri(relative)))
    except SyntaxError as error:
        return syntax_finding(relative, error, text)
    # RDF 1.2 annotations ({| ... |}) become RDF 1.1 reification; files without them cost nothing.
    if ("{|" in text or "<<" in text) and rewrite_annotations(target, ox.NamedNode(graph_iri(relative))):
        return Finding(relative, None, "Triple terms (`<<( ... )>>`) are only allowed as annotations: write the "
                       "source after the statement, `S P O {| skg:statedIn report:p4 |}`.", rule="triple-term")
    return None


def load_memory(project: Project, files: Iterable[Path]) -> tuple[ox.Store, list[Finding]]:
    """An in-memory store of the given files (for validation), with syntax findings."""
    store = ox.Store()
    findings = [f for path in files if (f := parse_into(store, project, path)) is not None]
    return store, findings


@dataclass(frozen=True)
class StoreInfo:
    path: Path  # the public store (the same folder as `preview` when nothing is non-public)
    fingerprint: str
    files: int
    quads: int  # in the preview store (every file)
    rebuilt: bool
    seconds: float
    preview: Path | None = None  # the store with everything, for curators
    public_quads: int | None = None
    hidden_files: int = 0  # files left out of the public store
    public_seconds: float = 0.0  # time spent making the public copy


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(store_dir: Path) -> dict[str, object] | None:
    try:
        data = json.loads((store_dir / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def fingerprint_sources(project: Project, files: list[Path], previous: dict[str, object] | None
                        ) -> tuple[str, dict[str, dict[str, object]]]:
    """Hash of every source file's path and content; unchanged files (size, mtime) reuse old hashes.

    This runs on every start, so it works on strings and skips hashing when nothing changed."""
    old_files = previous.get("files", {}) if previous else {}
    assert isinstance(old_files, dict)
    entries: dict[str, dict[str, object]] = {}
    root = str(project.root) + os.sep
    all_unchanged = previous is not None and len(old_files) == len(files)
    for path in files:
        full = str(path)
        relative = full[len(root):].replace(os.sep, "/") if full.startswith(root) else project.relative(path)
        stat = os.stat(full)
        old = old_files.get(relative)
        if isinstance(old, dict) and old.get("size") == stat.st_size and old.get("mtime_ns") == stat.st_mtime_ns:
            entries[relative] = old
        else:
            all_unchanged = False
            entries[relative] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": _sha256(path)}
    if all_unchanged and previous is not None and isinstance(previous.get("fingerprint"), str):
        return str(previous["fingerprint"]), entries
    digest = hashlib.sha256()
    for relative, entry in entries.items():
        digest.update(f"{relative}\0{entry['sha256']}\n".encode())
    return digest.hexdigest()[:16], entries


def current_store_path(project: Project) -> Path:
    """The public store's link: what every reader opens by default."""
    return project.build / PUBLIC_LINK


def preview_store_path(project: Project) -> Path:
    """The link to the store with every file, unpublished ones too (validation, curators' preview)."""
    return project.build / PREVIEW_LINK


def store_path(project: Project, preview: bool = False) -> Path:
    return preview_store_path(project) if preview else current_store_path(project)


Check = Callable[[ox.Store, list[Path]], list[Finding]]


def build(project: Project, *, force: bool = False, check: Check | None = None,
          files: list[Path] | None = None) -> StoreInfo:
    """Make the public and preview stores reflect the sources; skip all parsing when nothing changed.

    The linked stores are checked against what their build wrote first (soilkg.storefiles): one that
    fails is moved aside, with one line saying so, and rebuilt from the sources."""
    started = time.perf_counter()
    sources = files if files is not None else project.source_files()
    public_link, preview_link = current_store_path(project), preview_store_path(project)
    aside = _set_aside_if_failed(project, preview_link, public_link)
    previous = read_manifest(preview_link) if preview_link.exists() and public_link.exists() else None
    fingerprint, entries = fingerprint_sources(project, sources, previous)
    if previous and previous.get("fingerprint") == fingerprint and not force:
        _touch_manifest(preview_link, entries, previous)
        public = read_manifest(public_link) or {}
        return StoreInfo(public_link.resolve(), fingerprint, len(sources), int(str(previous.get("quads", 0))),
                         rebuilt=False, seconds=time.perf_counter() - started, preview=preview_link.resolve(),
                         public_quads=int(str(public.get("quads", 0))),
                         hidden_files=int(str(public.get("hidden_files", 0))))
    if aside:
        kept = "The store that failed its check stays moved aside: nothing is served until the sources build."
    else:
        kept = "The last good store is unchanged." if public_link.exists() else "No store was made."
    needs = diskfull.build_needs(sum(int(str(entry["size"])) for entry in entries.values()))
    with diskfull.translated(project.build, "building the store", needs, after=kept):
        return _rebuild(project, sources, check, fingerprint, entries, started, kept)


def _set_aside_if_failed(project: Project, *links: Path) -> Path | None:
    """Check the linked stores; move a build whose store fails aside, saying so; return where it went."""
    stores = (project.build / "stores").resolve()  # as the links resolve (the build folder may be a link)
    for folder in dict.fromkeys(link.resolve() for link in links if link.exists()):
        if folder.parent.parent != stores:
            continue  # not a build of this folder (a store put there by hand): left to _swap_link
        why = storefiles.problem(folder, read_manifest(folder))
        if why is not None:
            aside = storefiles.move_aside(folder.parent)
            where = f"It was moved aside to {aside.name}" if aside else "Another process moved it aside"
            stderr.print(f"The store {folder} failed its check: {why}. {where}; rebuilding it from the sources.",
                         markup=False)
            return aside or folder.parent
    return None


def check_served(project: Project, preview: bool = False) -> None:
    """Refuse to serve a store that no longer holds what its build wrote (`soilkg serve --no-build`)."""
    folder = store_path(project, preview).resolve()
    why = storefiles.problem(folder, read_manifest(folder))
    if why is not None:
        raise SoilkgError(f"The store {folder} failed its check: {why}. It is not served. The sources are "
                          "intact: run `soilkg build` (or drop --no-build) to rebuild it from them.", exit_code=2)


class _Made(NamedTuple):
    quads: int
    public_quads: int | None  # None: nothing is non-public, the preview store is the public view
    hidden: visibility.Hidden
    public_seconds: float


def _rebuild(project: Project, sources: list[Path], check: Check | None, fingerprint: str,
             entries: dict[str, dict[str, object]], started: float, kept: str) -> StoreInfo:
    stores = project.build / "stores"
    stores.mkdir(parents=True, exist_ok=True)
    storefiles.remove_abandoned(stores)
    staging, lock = storefiles.new_staging(stores, fingerprint)
    try:
        made = _fill(project, sources, check, staging, fingerprint, entries, kept)
        # A new folder each time (even for a forced rebuild of the same sources): readers of the old
        # one keep it until they follow the link, and workers notice the link changed.
        final = stores / f"{fingerprint}-{time.time_ns():x}"
        staging.rename(final)
    except BaseException as error:
        # Close the half-built stores first (the frames of the failed steps hold them): RocksDB's
        # background threads may still be writing into the folder, and a removal racing them left a
        # stray `.building-` folder behind.
        traceback.clear_frames(error.__traceback__)
        raise
    finally:
        _remove(staging)
        os.close(lock)
    public_dir = final / ("public" if made.public_quads is not None else "preview")
    _swap_link(preview_store_path(project), final / "preview")
    _swap_link(current_store_path(project), public_dir)
    _prune(stores, keep=final)
    return StoreInfo(public_dir, fingerprint, len(sources), made.quads, rebuilt=True,
                     seconds=time.perf_counter() - started, preview=final / "preview",
                     public_quads=made.quads if made.public_quads is None else made.public_quads,
                     hidden_files=len(made.hidden.graphs), public_seconds=made.public_seconds)


def _fill(project: Project, sources: list[Path], check: Check | None, staging: Path, fingerprint: str,
          entries: dict[str, dict[str, object]], kept: str) -> _Made:
    """Load, validate and finish the stores in the staging folder, each with its manifest."""
    built_at = time.time()
    store = ox.Store(str(staging / "preview"))
    findings = [f for path in sources if (f := parse_into(store, project, path)) is not None]
    if not findings and check is not None:
        findings = [f for f in check(store, sources) if f.severity is Severity.VIOLATION]
    if findings:
        # Same exit codes as `soilkg validate`: 2 for unusable input (bad Turtle), 1 for violations.
        unusable = any(f.rule in UNREADABLE_RULES for f in findings)
        raise SoilkgError(f"The build stopped: the sources have errors. {kept}", findings,
                          exit_code=2 if unusable else 1)
    store.optimize()
    quads = len(store)
    store.flush()
    public_started = time.perf_counter()
    hidden = visibility.hidden(store)
    public_quads = _write_public(store, quads, hidden, staging / "public") if hidden else None
    public_seconds = time.perf_counter() - public_started
    del store
    _drop_spent_logs(staging / "preview")
    manifest: dict[str, object] = {"fingerprint": fingerprint, "files": entries, "quads": quads,
                                   "built_at": built_at,
                                   # With nothing non-public, this one store is the public view too.
                                   "view": "preview" if public_quads is not None else "public",
                                   storefiles.RECORD: storefiles.record(staging / "preview")}
    (staging / "preview" / MANIFEST).write_text(json.dumps(manifest, indent=1))
    if public_quads is not None:
        public_files = {rel: entry for rel, entry in entries.items() if graph_iri(rel) not in hidden.graphs}
        (staging / "public" / MANIFEST).write_text(json.dumps(
            {**manifest, "files": public_files, "quads": public_quads, "view": "public",
             "hidden_files": len(entries) - len(public_files),
             storefiles.RECORD: storefiles.record(staging / "public")}, indent=1))
    return _Made(quads, public_quads, hidden, public_seconds)


def _remove(folder: Path, attempts: int = 3) -> None:
    """Remove a folder that a closing store may still be writing a last file into."""
    for _ in range(attempts):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.05)


def _write_public(store: ox.Store, quads: int, hidden: visibility.Hidden, folder: Path) -> int:
    """The public copy of the (optimized, flushed) preview store: a checkpoint of it (hard links, so
    nearly free) from which the non-public statements are removed (soilkg.visibility)."""
    store.backup(str(folder))
    public = ox.Store(str(folder))
    quads -= visibility.make_public(store, public, hidden)
    # Compact after the removals: without it every read skips their tombstones and the reopened
    # write-ahead log (the public store answered the benchmark queries 1.2-1.7x slower than the same
    # quads compacted; compaction costs about 0.6 s at 5,000 case studies).
    public.optimize()
    public.flush()
    del public
    _drop_spent_logs(folder)
    return quads


def _drop_spent_logs(folder: Path) -> None:
    """Open a closed store once more and close it: RocksDB deletes the write-ahead logs that the last
    flush made obsolete only when it next opens the folder, and readers open it read-only, so they
    stayed for good (125 MB in the preview and 50 MB in the public store at 5,000 case studies, more
    than the data). Opening takes milliseconds: everything is flushed, nothing is replayed."""
    try:
        ox.Store(str(folder))  # dropped at once: that closes it
    except OSError:
        pass  # still held (it should not be): the logs stay, harmless for readers


def _touch_manifest(link: Path, entries: dict[str, dict[str, object]], previous: dict[str, object]) -> None:
    """Remember new mtimes of files whose content did not change, so the next check is stat-only."""
    if previous.get("files") != entries:
        previous["files"] = entries
        tmp = link / (MANIFEST + ".tmp")
        try:
            tmp.write_text(json.dumps(previous, indent=1))
            os.replace(tmp, link / MANIFEST)
        except OSError as error:
            tmp.unlink(missing_ok=True)
            if not diskfull.is_full(error):
                raise
            # The store is still good; only this shortcut is lost: the next check hashes those files again.


def _swap_link(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}-link-{os.getpid()}")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(os.path.relpath(target, link.parent))
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a plain folder left by hand; the link replaces it
    os.replace(tmp, link)


def _prune(stores: Path, keep: Path) -> None:
    """Keep the newest few complete builds (pairs of stores) so that readers of an older one are not cut off."""
    # Builds are named <fingerprint>-<time>; staging folders and stores moved aside have a dot in the name.
    complete = sorted((p for p in stores.iterdir() if p.is_dir() and "." not in p.name and p != keep),
                      key=lambda p: p.stat().st_mtime, reverse=True)
    for old in complete[KEEP_OLD_STORES - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def open_read_only(project: Project, preview: bool = False) -> ox.Store:
    """The last good public store (or, with `preview`, the one with everything), opened read-only
    (several processes may do so at once)."""
    link = store_path(project, preview)
    if not (link / MANIFEST).is_file():
        raise SoilkgError("No store has been built yet. Run `soilkg build` first.", exit_code=2)
    return ox.Store.read_only(str(link.resolve()))
