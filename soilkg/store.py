"""Build the pyoxigraph store from the Turtle sources: one named graph per file, replaced atomically.

Layout under the build folder::

    stores/<fingerprint>/        one complete store per distinct set of sources
    stores/<fingerprint>/manifest.json
    store -> stores/<fingerprint>  symlink swapped with os.replace, so readers never see half a build

A build whose sources parse badly, or whose ``check`` callback reports violations, leaves the
previous ``store`` link and its data untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from soilkg.errors import Finding, Severity, SoilkgError
from soilkg.namespaces import SOURCE_GRAPH
from soilkg.paths import Project

MANIFEST = "manifest.json"
KEEP_OLD_STORES = 2


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
    message += (" Check for a missing ' .' or ' ;' at the end of the statement, an unclosed quote"
                " or <IRI>, or an undeclared prefix.")
    # The cause is often at the end of the line before (a missing ' ;' or ' .'): show it too.
    if line is not None and 2 <= line <= len(lines) + 1 and (before := lines[line - 2].strip()):
        message += f" The line before ({line - 1}) reads: `{before[:120]}`."
    return Finding(relative_path, line, message, Severity.VIOLATION, rule="turtle-syntax", column=column)


def parse_into(target: ox.Store, project: Project, path: Path) -> Finding | None:
    """Load one file into its named graph; return a finding instead of raising on bad Turtle."""
    relative = project.relative(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return Finding(relative, None, "The file is not UTF-8 text. Save it as UTF-8.", rule="encoding")
    try:
        target.load(text, format=ox.RdfFormat.TURTLE, base_iri=graph_iri(relative),
                    to_graph=ox.NamedNode(graph_iri(relative)))
    except SyntaxError as error:
        return syntax_finding(relative, error, text)
    return None


def load_memory(project: Project, files: Iterable[Path]) -> tuple[ox.Store, list[Finding]]:
    """An in-memory store of the given files (for validation), with syntax findings."""
    store = ox.Store()
    findings = [f for path in files if (f := parse_into(store, project, path)) is not None]
    return store, findings


@dataclass(frozen=True)
class StoreInfo:
    path: Path
    fingerprint: str
    files: int
    quads: int
    rebuilt: bool
    seconds: float


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
    return project.build / "store"


Check = Callable[[ox.Store, list[Path]], list[Finding]]


def build(project: Project, *, force: bool = False, check: Check | None = None,
          files: list[Path] | None = None) -> StoreInfo:
    """Make ``build/store`` reflect the sources; skip all parsing when nothing changed."""
    started = time.perf_counter()
    sources = files if files is not None else project.source_files()
    link = current_store_path(project)
    previous = read_manifest(link) if link.exists() else None
    fingerprint, entries = fingerprint_sources(project, sources, previous)
    if previous and previous.get("fingerprint") == fingerprint and not force:
        _touch_manifest(link, entries, previous)
        return StoreInfo(link.resolve(), fingerprint, len(sources), int(str(previous.get("quads", 0))),
                         rebuilt=False, seconds=time.perf_counter() - started)

    stores = project.build / "stores"
    stores.mkdir(parents=True, exist_ok=True)
    staging = stores / f"{fingerprint}.building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        store = ox.Store(str(staging))
        findings = [f for path in sources if (f := parse_into(store, project, path)) is not None]
        if not findings and check is not None:
            findings = [f for f in check(store, sources) if f.severity is Severity.VIOLATION]
        if findings:
            # Same exit codes as `soilkg validate`: 2 for unusable input (bad Turtle), 1 for violations.
            unusable = any(f.rule in ("turtle-syntax", "encoding") for f in findings)
            raise SoilkgError("The build stopped: the sources have errors. The last good store is unchanged.",
                              findings, exit_code=2 if unusable else 1)
        store.optimize()
        quads = len(store)
        store.flush()
        del store
        manifest = {"fingerprint": fingerprint, "files": entries, "quads": quads, "built_at": time.time()}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=1))
        final = stores / fingerprint
        shutil.rmtree(final, ignore_errors=True)
        staging.rename(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _swap_link(link, final)
    _prune(stores, keep=final)
    return StoreInfo(final, fingerprint, len(sources), quads, rebuilt=True,
                     seconds=time.perf_counter() - started)


def _touch_manifest(link: Path, entries: dict[str, dict[str, object]], previous: dict[str, object]) -> None:
    """Remember new mtimes of files whose content did not change, so the next check is stat-only."""
    if previous.get("files") != entries:
        previous["files"] = entries
        tmp = link / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(previous, indent=1))
        os.replace(tmp, link / MANIFEST)


def _swap_link(link: Path, target: Path) -> None:
    tmp = link.with_name(f".store-link-{os.getpid()}")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(os.path.relpath(target, link.parent))
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)  # a plain folder left by hand; the link replaces it
    os.replace(tmp, link)


def _prune(stores: Path, keep: Path) -> None:
    """Keep the newest few complete stores so that readers of an older one are not cut off."""
    complete = sorted((p for p in stores.iterdir() if p.is_dir() and ".building-" not in p.name and p != keep),
                      key=lambda p: p.stat().st_mtime, reverse=True)
    for old in complete[KEEP_OLD_STORES - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def open_read_only(project: Project) -> ox.Store:
    """The last good store, opened read-only (several processes may do so at once)."""
    link = current_store_path(project)
    if not (link / MANIFEST).is_file():
        raise SoilkgError("No store has been built yet. Run `soilkg build` first.", exit_code=2)
    return ox.Store.read_only(str(link.resolve()))
