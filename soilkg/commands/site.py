"""`soilkg site build`: the catalogue site for policy officers, generated from the graph."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from soilkg.output import stderr, stdout
from soilkg.paths import Project

site_app = typer.Typer(help="The catalogue site: generated pages for every resource, lists, map and downloads.",
                       no_args_is_help=True)


@site_app.command("build")
def build(
    include_demo: Annotated[bool, typer.Option(
        "--include-demo", help="Also show the demonstration case studies (examples/case-studies).")] = False,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Folder for the built site (default: <build folder>/site, or <build folder>/site-preview "
        "with --include-drafts).", file_okay=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild even when nothing changed.")] = False,
    include_drafts: Annotated[bool, typer.Option(
        "--include-drafts", help="A curator's local preview: also show unpublished case studies, each marked "
        "\"Draft — not public\". Never publish a site built with it.")] = False,
) -> None:
    """Build the static site (works from disk or any static host; `soilkg serve` serves it with the API)."""
    from soilkg.commands.build import describe
    from soilkg.sitegen import build_site_info
    from soilkg.validation import build_validated

    project = Project.here()
    # The one build of the stores; the site is generated from the one it shows and never builds one.
    built = build_validated(project, include_demo=include_demo)
    stderr.print(describe(project, built), markup=False)
    store = built.preview if include_drafts and built.preview is not None else built.path
    info = build_site_info(project, store, force=force, out=out, include_drafts=include_drafts)
    if include_drafts:
        stderr.print("Preview with unpublished case studies (marked \"Draft — not public\"): do not publish this "
                     "site.", markup=False)
    if info.rebuilt:
        stdout.print(f"Built {info.pages} pages in {info.seconds:.1f} s: {info.path}/index.html")
    else:
        stdout.print(f"The site is up to date ({info.pages} pages): {info.path}/index.html")


def register(app: typer.Typer) -> None:
    app.add_typer(site_app, name="site")
