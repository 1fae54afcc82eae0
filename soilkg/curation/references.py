"""IRIs a curator gives as flags (`--updates figure:gsd-trainers`, `--source report:p10`): expanded,
checked against the resources of data/, and when unknown refused with "did you mean"."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from soilkg.errors import SoilkgError
from soilkg.namespaces import ID, PREFIXES
from soilkg.paths import Project
from soilkg.store import load_memory
from soilkg.validation.suggest import close_iris, did_you_mean, parts_summary, same_kind

_DECLARED = re.compile(r"^\s*@prefix\s+([A-Za-z][\w.-]*):\s*<([^>]*)>", re.MULTILINE)

# Folders whose resources may be cited as a source (`skg:statedIn`): document parts, web pages,
# publications.
SOURCE_FOLDERS = ("document", "web-page", "publication")


def prefixes(project: Project) -> dict[str, str]:
    """Prefix name -> namespace: the project's (PREFIXES), the folder names as written (`web-page:`),
    and the prefixes the documents declare for their parts (`report:` for the progress report)."""
    found = dict(PREFIXES)
    found.update({iri[len(ID):].rstrip("/"): iri for iri in PREFIXES.values()
                  if iri.startswith(ID) and iri.count("/") == ID.count("/") + 1})
    return {**_document_prefixes(project), **found}


def _document_prefixes(project: Project) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((project.data / "document").glob("*.ttl")):
        for name, namespace in _DECLARED.findall(path.read_text(encoding="utf-8", errors="replace")):
            if namespace.startswith(f"{ID}document/") and namespace.endswith("/"):
                found.setdefault(name, namespace)
    return found


def expand(project: Project, text: str, flag: str) -> str:
    """A compact IRI (`report:p10`, `document:cgrfa-20-item-8-4/p3`), `<IRI>` or IRI, as a full IRI."""
    value = text.strip().removeprefix("<").removesuffix(">")
    if re.match(r"^https?://", value):
        return value
    name, colon, local = value.partition(":")
    known = prefixes(project)
    if not colon or not local:
        raise SoilkgError(f"{flag} `{text}` is not an IRI: write it as a prefixed name such as "
                          "`report:p10` or `figure:survey-responses`, or as a full https:// IRI.", exit_code=2)
    if name not in known:
        close = [n for n in known if n.startswith(name[:3])][:3]
        hint = f" Did you mean {' or '.join(f'`{c}:`' for c in close)}?" if close else ""
        raise SoilkgError(f"{flag} `{text}`: the prefix `{name}:` is unknown.{hint} Use the folder name of "
                          "data/ (`publication:`, `web-page:`, `document:`) or a document's prefix (`report:`).",
                          exit_code=2)
    return known[name] + local


def folder_of(iri: str) -> str:
    """The data folder (kind) of one of our IRIs, "" for others."""
    return iri[len(ID):].split("/", 1)[0] if iri.startswith(ID) else ""


@lru_cache(maxsize=64)
def _store(root: str, folder: str, mtimes: tuple[tuple[str, float], ...]) -> ox.Store:
    project = Project(Path(root))
    store, _syntax = load_memory(project, [Path(name) for name, _ in mtimes])  # broken files: `soilkg validate`
    return store


def folder_store(project: Project, folder: str) -> ox.Store:
    """An in-memory store of data/<folder>/*.ttl (reloaded when a file changed)."""
    base = project.data / folder
    files = sorted(base.glob("*.ttl")) if base.is_dir() else []
    return _store(str(project.root), folder, tuple((str(p), p.stat().st_mtime) for p in files))


def subjects(project: Project, folder: str) -> list[str]:
    """Every IRI described in data/<folder>/ (resources and their parts, such as report:p10)."""
    result = folder_store(project, folder).query("SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(result, ox.QuerySolutions)
    return sorted(row["s"].value for row in result
                  if isinstance(row["s"], ox.NamedNode) and row["s"].value.startswith(f"{ID}{folder}/"))


def _initials_match(wrong: str, candidate: str) -> bool:
    """`gsd-trainers` matches `global-soil-doctors-trainers`: each word of the typed name is a word of
    the candidate or the initials of consecutive words, in order."""
    words, target = wrong.split("-"), candidate.split("-")
    position = 0
    for word in words:
        for start in range(position, len(target)):
            if target[start] == word:
                position = start + 1
                break
            initials = "".join(t[:1] for t in target[start:start + len(word)])
            if len(word) > 1 and initials == word:
                position = start + len(word)
                break
        else:
            return False
    return True


def suggestions(wrong: str, candidates: list[str]) -> list[str]:
    close = close_iris(wrong, candidates)
    if close:
        return close
    local = wrong.rsplit("/", 1)[-1].lower()
    return [c for c in candidates if _initials_match(local, c.rsplit("/", 1)[-1].lower())][:3]


def resolve(project: Project, text: str, flag: str, folders: tuple[str, ...], what: str) -> str:
    """The full IRI of an existing resource of one of `folders`, or SoilkgError with did-you-mean."""
    if ":" not in text:
        # A bare slug (`sop-nematodes`): say which resources of these folders it names.
        named = [iri for folder in folders if (project.data / folder).is_dir()
                 for iri in subjects(project, folder) if iri.endswith(f"/{text.strip()}")]
        if named:
            raise SoilkgError(f"{flag} `{text}` needs its kind in front.{did_you_mean(named[:3])}", exit_code=2)
    iri = expand(project, text, flag)
    folder = folder_of(iri)
    if folder not in folders:
        where = ", ".join(f"data/{f}/" for f in folders)
        raise SoilkgError(f"{flag} `{text}` is not {what}: give a resource of {where}.", exit_code=2)
    known = subjects(project, folder)
    if iri not in known:
        # A part of the same document (or resource) first: `document:S/p16` -> `document:S/p6`, not a
        # paragraph of another document.
        close = suggestions(iri, same_kind(iri, known)) or suggestions(iri, known)
        hint = " Did you mean " + " or ".join(f"`{as_typed(project, text, c)}`" for c in close) + "?" if close else ""
        parts = parts_summary(iri, known)
        what = f" ({parts})" if parts else ""
        raise SoilkgError(f"{flag} `{text}`: no file of data/{folder}/ describes {as_typed(project, text, iri)}"
                          f"{what}.{hint}", exit_code=2)
    return iri


def as_typed(project: Project, typed: str, iri: str) -> str:
    """An IRI written the way the curator wrote the one it replaces: `document:S/p6`, `<https://...>` or
    the shortest prefixed name (`report:p6`)."""
    given = typed.strip()
    name = given.split(":", 1)[0]
    namespace = prefixes(project).get(name, "")
    if given.startswith("<") or re.match(r"^https?://", given):
        return f"<{iri}>" if given.startswith("<") else iri
    if namespace and "/" in given.split(":", 1)[-1] and iri.startswith(namespace):
        return f"{name}:{iri[len(namespace):]}"
    return compact_iri(project, iri)


def compact_iri(project: Project, iri: str) -> str:
    """The shortest prefixed name of an IRI (`report:p10`), or <IRI>."""
    best: tuple[str, str] | None = None
    for name, namespace in prefixes(project).items():
        local = iri[len(namespace):]
        if iri.startswith(namespace) and local and "/" not in local and (best is None or len(local) < len(best[1])):
            best = (name, local)
    return f"{best[0]}:{best[1]}" if best else f"<{iri}>"
