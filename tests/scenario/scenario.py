"""SYNTHETIC session-21 update set: every update kind a progress report speaks of, made with the real
`soilkg new ...` commands in a private copy of the repository (never in data/).

Everything here is made up for the test and says so: titles start with "SYNTHETIC", the source text
(synthetic-update-note.txt) says it on its first line, and each file the commands write gets a
"# SYNTHETIC" comment at its top. Passages, figures and dates are fictitious.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.curation.sandbox import REPO, Sandbox, copy_sources

HERE = Path(__file__).resolve().parent
NOTE = HERE / "synthetic-update-note.txt"
DOC = "synthetic-update-note"
TITLE = "SYNTHETIC update note on the International Initiative for Soil Biodiversity"
MARK = "# SYNTHETIC test data (tests/scenario): made up for the session-21 report test; never copy into data/.\n"

# The updates, as a curator types them (the brief's flags).
COMMANDS: list[tuple[str, ...]] = [
    ("new", "source", str(NOTE), "--no-input", "--slug", DOC, "--title",
     TITLE, "--date", "2026-02-01",
     "--url", "https://example.org/synthetic/update-note"),
    ("new", "publication", "--no-input", "--title", "SYNTHETIC guide to soil biodiversity monitoring", "--year",
     "2025", "--issued", "2025-10-10", "--url", "https://example.org/synthetic/guide", "--publisher",
     "organisation:fao", "--status", "published", "--source", f"document:{DOC}/p3", "--slug", "synthetic-guide"),
    ("new", "figure", "--no-input", "--updates", "figure:global-soil-doctors-trainers", "--value", "700", "--as-of",
     "2026-01-31", "--source", f"document:{DOC}/p1", "--slug", "synthetic-global-soil-doctors-trainers-2026"),
    ("new", "status", "--no-input", "--of", "publication:sop-enzyme-activity", "--status", "published", "--date",
     "2025-06-15", "--source", f"document:{DOC}/p2", "--slug", "synthetic-sop-enzyme-activity-published"),
    ("new", "web-page", "--no-input", "--url", "https://example.org/synthetic/cgrfa-21", "--title",
     "SYNTHETIC announcement of the Twenty-first Regular Session", "--accessed", "2026-02-01", "--slug",
     "synthetic-cgrfa-21-announcement"),
    ("new", "meeting", "--no-input", "--body", "cgrfa", "--session", "21", "--place", "Rome", "--start",
     "2027-03-01", "--end", "2027-03-05", "--agenda-item", "7.2", "--source",
     "web-page:synthetic-cgrfa-21-announcement"),
]
CASE_STUDIES = {  # slug -> (title, country, practice)
    "synthetic-composting-with-earthworms": ("SYNTHETIC composting with earthworms", "Ghana", "biofertilizers"),
    "synthetic-bioremediation-plots": ("SYNTHETIC bioremediation plots", "Togo", "bioremediation"),
}
# What a curator types over the case-study template's placeholders, then the review status it reaches.
FILLED = {
    '"TODO: two or three sentences."': '"SYNTHETIC test case study: made up for the session-21 report test."',
    '"TODO: what was done, where, why and by whom."': '"SYNTHETIC test data, no real project."',
    '"TODO: the impact in words."': '"SYNTHETIC: more earthworms."',
    "organismgroup:TODO": "organismgroup:invertebrates",
    "threat:TODO": "threat:erosion",
    "landuse:TODO": "landuse:agricultural-land",
    '"TODO: region, province or district"': '"Synthetic district"',
    '"TODO: who implemented the practice"': '"Synthetic farmers\' group"',
    '"TODO: 2021-03-15"': '"2025-05-01"^^xsd:date',
    '"TODO: plot, field, farm, watershed, district or national"': '"farm"',
    "https://TODO.example/page-that-documents-it": "https://example.org/synthetic/case-study",
    # Reviewed by someone other than the compiler, then published (the shapes require both).
    "skg:reviewStatus skg:draft": "skg:reviewer <https://orcid.org/0000-0001-2345-6789> ;\n"
                                  "    skg:reviewStatus skg:published",
}
# A fictitious reviewer (valid check digit, below the block ORCID issues: nobody's iD), as in tests/curation.
REVIEWER = '\n<https://orcid.org/0000-0001-2345-6789>\n    rdfs:label "Example Reviewer (fictitious ORCID iD)" .\n'



@dataclass(frozen=True)
class Step:
    args: tuple[str, ...]
    result: subprocess.CompletedProcess[str]


def make_sandbox(root: Path, build: Path) -> Sandbox:
    """A copy of the repository's sources and named queries: the scenario's updates are the only additions."""
    copy_sources(root)
    for extra in (root / "data" / "case-study").glob("valid-*.ttl"):  # the curation tests' own case studies
        extra.unlink()
    shutil.copytree(REPO / "server" / "queries", root / "server" / "queries")
    return Sandbox(root, build)


def _mark_written(sandbox: Sandbox, result: subprocess.CompletedProcess[str]) -> None:
    """Put the SYNTHETIC comment at the top of the file a command wrote (its path is on the first line)."""
    for word in (result.stdout + result.stderr).split():
        path = sandbox.root / word.rstrip(".:")
        if word.startswith("data/") and path.is_file():
            text = path.read_text(encoding="utf-8")
            if not text.startswith(MARK):
                path.write_text(MARK + text, encoding="utf-8")


def run_updates(sandbox: Sandbox) -> list[Step]:
    """Every update of the scenario through the real CLI; stops at the first step that fails."""
    steps: list[Step] = []
    for args in COMMANDS:
        result = sandbox.run(*args)
        steps.append(Step(args, result))
        if result.returncode != 0:
            return steps
        _mark_written(sandbox, result)
    for slug, (title, country, practice) in CASE_STUDIES.items():
        args = ("new", "case-study", "--no-input", "--title", title, "--slug", slug, "--country", country,
                "--orcid", "0000-0002-1825-0097", "--name", "Josiah Carberry (fictitious)", "--practice", practice)
        result = sandbox.run(*args)
        steps.append(Step(args, result))
        if result.returncode != 0:
            return steps
        path = sandbox.root / "data" / "case-study" / f"{slug}.ttl"
        text = path.read_text(encoding="utf-8")
        for old, new in FILLED.items():
            text = text.replace(old, new)
        path.write_text(MARK + text + REVIEWER, encoding="utf-8")
        check = ("validate", f"data/case-study/{slug}.ttl")
        steps.append(Step(check, sandbox.run(*check)))
        if steps[-1].result.returncode != 0:
            return steps
    steps.append(Step(("build",), sandbox.run("build")))
    return steps
