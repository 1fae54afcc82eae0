"""`build_site`: store -> Markdown pages -> mkdocs-material site, swapped in only when it built cleanly."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pyoxigraph as ox
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from soilkg import provenance, visibility
from soilkg import store as store_module
from soilkg.curation.workflow import unpublished_case_studies
from soilkg.errors import SoilkgError
from soilkg.paths import Project
from soilkg.sitegen import contribute, footer, home, i18n, mapdata, ontology, reference
from soilkg.sitegen import graph as graph_module
from soilkg.sitegen.pages import NAV_KINDS, Generator, language_scripts, sorted_kinds, term_labels
from soilkg.urls import page_path

STAMP = ".soilkg-site.json"
PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class SiteInfo:
    path: Path
    pages: int
    seconds: float
    rebuilt: bool


def site_folder(project: Project) -> Path:
    """Templates, assets and strings: the project's own ``site/``, else the checkout this package is in
    (benchmarks and tests build sites for generated projects that have data but no templates)."""
    own = project.root / "site"
    return own if (own / "templates").is_dir() else PACKAGE.parent.parent / "site"


def site_sources(project: Project) -> list[Path]:
    """Everything besides the store that shapes the site: templates, assets, strings, code, queries."""
    files = [p for p in sorted(site_folder(project).rglob("*")) if p.is_file()]
    files += sorted(PACKAGE.glob("*.py"))
    if project.queries.is_dir():
        files += sorted(project.queries.glob("*.rq"))
    return files


def fingerprint(project: Project, store_dir: Path, include_drafts: bool = False) -> str:
    digest = hashlib.sha256()
    manifest = store_dir / store_module.MANIFEST
    stored = json.loads(manifest.read_text()) if manifest.is_file() else {}
    # The store's fingerprint covers its files (demonstrations too); its view (public or preview) is ours.
    digest.update(f"{stored.get('fingerprint', '')}|{stored.get('view', '')}|drafts={include_drafts}\n".encode())
    for path in site_sources(project):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\n")
    return digest.hexdigest()[:16]


def generate_docs(project: Project, store: ox.Store, docs: Path, drafts: frozenset[str] = frozenset(),
                  preview: bool = False) -> tuple[Generator, list[dict[str, object]], dict[str, object]]:
    """Write every page and asset under ``docs``; return the generator (for the downloads), the navigation
    and what the theme's templates read from the config's ``extra`` (the footer, the preview banner).
    `drafts`: unpublished case studies the store still holds (a curator's preview), shown with a banner."""
    site_src = site_folder(project)
    graph = graph_module.load(store)
    onto = ontology.read(graph)
    strings = i18n.Strings(i18n.load(site_src / "i18n", i18n.kind_titles(graph)))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(site_src / "templates"), autoescape=False,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    gen = Generator(graph, onto, strings, env, docs, drafts, provenance.statement_sources(store))
    if (site_src / "assets").is_dir():
        shutil.copytree(site_src / "assets", docs / "assets", dirs_exist_ok=True)
    if (site_src / "pages").is_dir():
        shutil.copytree(site_src / "pages", docs, dirs_exist_ok=True)  # curator guide etc., verbatim
    kinds = graph.resources()
    labels: dict[str, dict[str, object]] = {}
    for kind in sorted_kinds(kinds):
        for iri in kinds[kind]:
            gen.resource_page(kind, iri)
            other = {lang: text for lang, text in graph.labels(iri).items() if lang != "en"}
            if other:
                labels[page_path(iri) or ""] = dict(other)
            for path, by_lang in gen.titles.labels([iri, *graph.parts(iri)]).items():
                labels.setdefault(path, {}).update(by_lang)
        gen.list_page(kind, kinds[kind])
    if "case-study" not in kinds:
        gen.list_page("case-study", [])  # always there: it says that none is published yet
    labels.update(term_labels(graph, onto))
    labels.update(gen.titles.reference_labels(kinds.get("document", [])))
    language_scripts(docs / "assets" / "lang", strings, labels)
    home.render(gen, kinds)
    mapdata.render(gen, kinds)
    gen.figures_and_catalogue(kinds)
    reference.ontology_pages(gen, kinds, project, store)
    reference.downloads_page(store, gen, kinds)
    has_queries = reference.queries_page(project, store, gen)
    has_report = reference.report_page(project, store, docs, strings)
    contribute.render(gen, project)  # curators/contribute/: in the curator guide's navigation
    # A preview's banner is drawn by the theme above every page (site/overrides/main.html), so no page
    # of a curator's preview can pass for the public catalogue, and no page is rewritten to say so.
    extra: dict[str, object] = {"skg_footer": footer.footer(graph, strings),
                                "skg_preview": visibility.PREVIEW_BANNER if preview else ""}
    return gen, navigation(strings, kinds, docs, has_queries, has_report), extra


def navigation(strings: i18n.Strings, kinds: dict[str, list[str]], docs: Path, has_queries: bool,
               has_report: bool) -> list[dict[str, object]]:
    """The kinds a policy officer looks for first; every other kind is on the catalogue page, grouped.
    Case studies are always listed (their page says when none is published yet)."""
    catalogue: list[object] = [{strings.plain(f"kind.{k}"): f"{k}/index.md"} for k in NAV_KINDS
                               if k in kinds or k == "case-study"]
    catalogue.append({strings.plain("all_kinds"): "catalogue/index.md"})
    nav: list[dict[str, object]] = [
        {strings.plain("home"): "index.md"},
        {strings.plain("catalogue"): catalogue},
        {strings.plain("map"): "map/index.md"},
        {strings.plain("figures"): "figures/index.md"},
        {strings.plain("timeline"): "timeline/index.md"},
    ]
    reference_nav: list[object] = []
    if has_queries:
        reference_nav.append({strings.plain("queries"): "queries/index.md"})
    reference_nav.append({strings.plain("ontology"): "ontology/index.md"})
    reference_nav.append({strings.plain("downloads"): "downloads/index.md"})
    if has_report:
        reference_nav.append({strings.plain("report_draft"): "report/index.md"})
    nav.append({strings.plain("reference"): reference_nav})
    guide = sorted(p.relative_to(docs).as_posix() for p in (docs / "curators").rglob("*.md")) \
        if (docs / "curators").is_dir() else []
    if guide:
        first = "curators/index.md" if "curators/index.md" in guide else guide[0]
        nav.append({strings.plain("curator_guide"): [first, *[g for g in guide if g != first]]})
    return nav


def write_config(project: Project, work: Path, docs: Path, out: Path, nav: list[dict[str, object]],
                 extra: dict[str, object]) -> Path:
    """The mkdocs.yml for this build: the template in site/ plus folders and the generated navigation."""
    config = yaml.safe_load((site_folder(project) / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=str(docs), site_dir=str(out), nav=nav, hooks=[str(PACKAGE / "mkdocs_hooks.py")])
    config["extra"].update(extra)
    overrides = site_folder(project) / "overrides"
    if overrides.is_dir():
        config["theme"]["custom_dir"] = str(overrides)
    config_file = work / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


@dataclass
class Prepared:
    config: Path  # the mkdocs.yml to build
    site: Path  # where mkdocs writes the site
    generator: Generator

    def finish(self) -> None:
        """What goes into the built site after mkdocs (which empties its output folder first)."""
        self.generator.write_downloads(self.site)


def prepare(project: Project, store_dir: Path, work: Path, include_drafts: bool = False) -> Prepared:
    """Generate the pages under ``work/docs`` and the mkdocs config for ``work/site``, from the store in
    ``store_dir`` as it is: the public store, or (``include_drafts``) the curators' preview store."""
    docs = work / "docs"
    docs.mkdir(parents=True)
    store = ox.Store.read_only(str(store_dir))
    if not include_drafts and visibility.hidden(store):
        raise SoilkgError(f"{store_dir} holds unpublished or non-public files: a public site is built from the "
                          "public store (soilkg.store.current_store_path), a preview with --include-drafts.",
                          exit_code=2)
    drafts = frozenset(unpublished_case_studies(store)) if include_drafts else frozenset()
    generator, nav, extra = generate_docs(project, store, docs, drafts, preview=include_drafts)
    return Prepared(write_config(project, work, docs, work / "site", nav, extra), work / "site", generator)


def run_mkdocs(config_file: Path) -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    warnings = _Collect()
    logger.addHandler(warnings)
    try:
        mkdocs_build(load_config(str(config_file)))
    except MkDocsException as error:
        detail = "; ".join(warnings.messages[:5]) or str(error)
        raise SoilkgError(f"The site did not build: mkdocs reported: {detail}. The last good site is unchanged.",
                          exit_code=1) from None
    finally:
        logger.removeHandler(warnings)


class _Collect(logging.Handler):
    """Keeps mkdocs' warnings, so a strict-mode failure says what was wrong."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def swap_in(built: Path, final: Path) -> None:
    """Replace the live site with the new one; the old one is removed only after the new one is in place."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        final.rename(old)
    built.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def build_site(project: Project, store_dir: Path, *, force: bool = False, out: Path | None = None,
               include_drafts: bool = False) -> Path:
    """The catalogue from a built store; `include_drafts` (with the preview store) for curators."""
    return build_site_info(project, store_dir, force=force, out=out, include_drafts=include_drafts).path


def build_site_info(project: Project, store_dir: Path, *, force: bool = False, out: Path | None = None,
                    include_drafts: bool = False) -> SiteInfo:
    """Generate the site from the store in `store_dir` (made by `soilkg build`; never built here):
    the public store for the public site, the preview store with `include_drafts`."""
    started = time.perf_counter()
    store_dir = store_dir.resolve()
    final = (out or project.site_dir(preview=include_drafts)).resolve()
    stamp = fingerprint(project, store_dir, include_drafts)
    previous = final / STAMP
    if not force and previous.is_file():
        old = json.loads(previous.read_text())
        if old.get("fingerprint") == stamp:
            return SiteInfo(final, int(old.get("pages", 0)), time.perf_counter() - started, rebuilt=False)
    final.parent.mkdir(parents=True, exist_ok=True)
    work = final.parent / f".site-building-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    try:
        prepared = prepare(project, store_dir, work, include_drafts)
        pages = sum(1 for _ in (work / "docs").rglob("*.md"))
        built = prepared.site
        run_mkdocs(prepared.config)
        prepared.finish()
        (built / STAMP).write_text(json.dumps({"fingerprint": stamp, "pages": pages, "built_at": time.time()}))
        swap_in(built, final)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return SiteInfo(final, pages, time.perf_counter() - started, rebuilt=True)
