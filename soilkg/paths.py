"""Where things are: the repository's source folders and the derived build folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SOURCE_DIRS = ("ontology", "shapes", "data")


def find_root(start: Path | None = None) -> Path:
    """The repository root: $SOILKG_ROOT, else the nearest parent holding pyproject.toml and data/."""
    env = os.environ.get("SOILKG_ROOT")
    if env:
        return Path(env).resolve()
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "pyproject.toml").is_file() and (candidate / "data").is_dir():
            return candidate
    # Installed without a checkout next to cwd: fall back to the checkout the package came from.
    return Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def here(cls) -> Project:
        return cls(find_root())

    def __post_init__(self) -> None:
        # A resolved root keeps relative() cheap: listed files are already under it.
        object.__setattr__(self, "root", Path(self.root).resolve())

    @property
    def ontology(self) -> Path:
        return self.root / "ontology"

    @property
    def shapes(self) -> Path:
        return self.root / "shapes"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def checks(self) -> Path:
        """Named SPARQL quality checks (one .rq each), switched on by name."""
        return self.root / "shapes" / "checks"

    @property
    def queries(self) -> Path:
        """Reporters' named queries, served at /queries."""
        return self.root / "server" / "queries"

    @property
    def build(self) -> Path:
        """Derived artefacts (store, site, reports): rebuildable, never edited. $SOILKG_BUILD overrides."""
        env = os.environ.get("SOILKG_BUILD")
        return Path(env).resolve() if env else self.root / ".soilkg"

    def site_dir(self, preview: bool = False) -> Path:
        """The built catalogue: the public one, or the curators' preview (`--include-drafts`), which is
        kept apart so that it is never served or published as the public site by mistake."""
        return self.build / ("site-preview" if preview else "site")

    @property
    def demo(self) -> Path:
        """Demonstration case studies: shown in the guide and tests, left out of the public build."""
        return self.root / "examples" / "case-studies"

    def _walk(self, include_demo: bool) -> list[str]:
        """Repository-relative paths of the source files: folder by folder, sorted within each.

        os.walk on strings: at 100k files it is several times quicker than sorting pathlib paths,
        and a restart with unchanged sources must stay well under two seconds."""
        root = str(self.root)
        folders = [os.path.join(root, d) for d in SOURCE_DIRS]
        if include_demo:
            folders.append(str(self.demo))
        found: list[str] = []
        for folder in folders:
            batch = [os.path.join(dirpath, name)[len(root) + 1:].replace(os.sep, "/")
                     for dirpath, _dirs, names in os.walk(folder) for name in names if name.endswith(".ttl")]
            found.extend(sorted(batch))
        return found

    def source_files(self, include_demo: bool = False) -> list[Path]:
        """Every Turtle file that is a source of truth, in a stable order."""
        return [self.root / relative for relative in self._walk(include_demo)]

    def listing(self, include_demo: bool = False) -> dict[str, os.stat_result]:
        """Every source file as repository-relative path -> stat, in source_files() order."""
        root = str(self.root)
        return {relative: os.stat(os.path.join(root, relative)) for relative in self._walk(include_demo)}

    def relative(self, path: Path) -> str:
        """Repository-relative POSIX path; cheap for paths listed under the root (no resolve)."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
