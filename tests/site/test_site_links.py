"""The real data's site: `mkdocs build --strict` is clean and no internal link is broken."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from soilkg.paths import Project
from soilkg.sitegen import SiteInfo
from soilkg.sitegen.build import prepare
from soilkg.validation import build_validated

SERVER_ROUTES = {"query"}  # served by `soilkg serve` next to the site, not files of the site


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif (name == "href" and tag in ("a", "link")) or (name == "src" and tag in ("script", "img")):
                self.links.append(value)


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    pages = {p.resolve(): parse(p) for p in site.rglob("*.html")}
    root = site.resolve()
    problems = []
    for page, parsed in pages.items():
        if page == root / "404.html":
            continue  # hosts serve it for any missing path, so mkdocs writes it with root-absolute links
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("#lang=", "mailto:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_relative_to(root):
                problems.append(f"{page.relative_to(root)}: {link} (outside the site)")
                continue
            if target.relative_to(root).as_posix() in SERVER_ROUTES:
                continue
            if not target.exists():
                problems.append(f"{page.relative_to(root)}: {link} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if parts.fragment not in ids:
                    problems.append(f"{page.relative_to(root)}: {link} (no element with that id)")
    return problems


def test_no_broken_internal_link(real_site: SiteInfo) -> None:
    pages = list(real_site.path.rglob("*.html"))
    assert len(pages) > 50, "the real data gives a page per resource"
    assert broken_links(real_site.path) == []


def test_link_checker_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="x"><a href="../b/index.html">b</a><a href="#x">x</a>'
                                               '<a href="#y">y</a></p>')
    assert broken_links(tmp_path) == ["a/index.html: ../b/index.html (no such file)",
                                      "a/index.html: #y (no element with that id)"]


def test_mkdocs_build_strict_is_clean(project: Project, tmp_path: Path) -> None:
    env = {**os.environ, "SOILKG_BUILD": str(tmp_path / "build"), "NO_MKDOCS_2_WARNING": "1"}
    os.environ["SOILKG_BUILD"] = env["SOILKG_BUILD"]
    try:
        store_dir = build_validated(project).path
        config = prepare(project, store_dir, tmp_path / "work").config
    finally:
        del os.environ["SOILKG_BUILD"]
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
