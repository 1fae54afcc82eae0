"""SYNTHETIC report cycles: every update kind a progress report speaks of, made with the real `soilkg new ...`
commands in a private copy of the repository (never in data/).

Cycle 1 (between the Twentieth and the Twenty-first Regular Sessions): a programme reports its four figures
again, an SOP the last report called "being finalized" is published, a status change dated by month only,
a new publication, a case study published with the passage that reports it, the session's meeting.
Cycle 2 (towards the Twenty-second): a count corrected down, a value unchanged, a programme that gains
countries, a status that goes back, a new network with the first value of a figure about it, a decision
paragraph that invites FAO again, a second case study, the next meeting.

Everything here is made up for the test and says so: titles start with "SYNTHETIC", each source text says it
on its first line, and each file the commands write gets a "# SYNTHETIC" comment at its top. Passages,
figures and dates are fictitious; 10.5555 is the DOI prefix Crossref keeps for examples.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.curation.sandbox import REPO, Sandbox, copy_sources

HERE = Path(__file__).resolve().parent
NOTE, NOTE_2 = HERE / "synthetic-update-note.txt", HERE / "synthetic-update-note-2.txt"
DOC, DOC_2 = "synthetic-update-note", "synthetic-update-note-2"
TITLE = "SYNTHETIC update note on the International Initiative for Soil Biodiversity"
TITLE_2 = "SYNTHETIC second update note on the International Initiative for Soil Biodiversity"
MARK = "# SYNTHETIC test data (tests/scenario): made up for the report cycle tests; never copy into data/.\n"
GSD = "figure:global-soil-doctors-"

Command = tuple[str, ...]
CYCLE_1: list[Command] = [
    ("new", "source", str(NOTE), "--no-input", "--slug", DOC, "--title", TITLE, "--date", "2026-02-01",
     "--url", "https://example.org/synthetic/update-note"),
    ("new", "publication", "--no-input", "--title", "SYNTHETIC guide to soil biodiversity monitoring", "--year",
     "2025", "--issued", "2025-10-10", "--url", "https://example.org/synthetic/guide", "--publisher",
     "organisation:fao", "--status", "published", "--source", f"document:{DOC}/p3", "--slug", "synthetic-guide"),
    # The programme's four figures reported again, as of one day.
    *(("new", "figure", "--no-input", "--updates", GSD + name, "--value", value, *more, "--as-of", "2026-05-31",
       "--source", f"document:{DOC}/p1", "--slug", f"synthetic-gsd-{name}-2026")
      for name, value, more in (("trainers", "702", ()), ("soil-doctor-farmers", "1900", ()),
                                ("farmers-reached", "12000", ("--more-than",)), ("countries", "28", ()))),
    # The SOP announced as being finalized is now published: the same record, its DOI and year added.
    ("new", "status", "--no-input", "--of", "publication:sop-enzyme-activity", "--status", "published", "--date",
     "2026-04", "--doi", "10.5555/synthetic-sop-enzyme", "--year", "2026", "--kind", "sop", "--source",
     f"document:{DOC}/p2", "--slug", "synthetic-sop-enzyme-activity-published"),
    # A status change known only to the month.
    ("new", "status", "--no-input", "--of", "initiative:national-benchmark-sites", "--status", "implementing",
     "--date", "2026-03", "--source", f"document:{DOC}/p4", "--slug", "synthetic-benchmark-sites-implementing"),
    ("new", "web-page", "--no-input", "--url", "https://example.org/synthetic/cgrfa-21", "--title",
     "SYNTHETIC announcement of the Twenty-first Regular Session", "--accessed", "2026-02-01", "--slug",
     "synthetic-cgrfa-21-announcement"),
    ("new", "meeting", "--no-input", "--body", "cgrfa", "--session", "21", "--place", "Rome", "--start",
     "2027-03-01", "--end", "2027-03-05", "--agenda-item", "7.2", "--source",
     "web-page:synthetic-cgrfa-21-announcement"),
]
CYCLE_2: list[Command] = [
    ("new", "source", str(NOTE_2), "--no-input", "--slug", DOC_2, "--title", TITLE_2, "--date", "2028-02-15",
     "--url", "https://example.org/synthetic/update-note-2"),
    ("new", "figure", "--no-input", "--updates", "figure:survey-recipient-countries", "--value", "127", "--as-of",
     "2027-06-30", "--source", f"document:{DOC_2}/p1", "--slug", "synthetic-survey-countries-corrected"),
    ("new", "figure", "--no-input", "--updates", "figure:synthetic-gsd-countries-2026", "--value", "28", "--as-of",
     "2028-01-31", "--source", f"document:{DOC_2}/p2", "--slug", "synthetic-gsd-countries-2028"),
    ("new", "figure", "--no-input", "--updates", "figure:recisoil-implementing-countries", "--value", "6",
     *(arg for code in ("CRI", "GHA", "MEX", "TGO", "ARM", "KAZ") for arg in ("--counts", code)),
     "--as-of", "2028-01-31", "--source", f"document:{DOC_2}/p3", "--slug", "synthetic-recisoil-countries-2028"),
    ("new", "status", "--no-input", "--of", "initiative:national-benchmark-sites", "--status", "seekingFunding",
     "--date", "2028-01-15", "--source", f"document:{DOC_2}/p4", "--slug", "synthetic-benchmark-sites-unfunded"),
    ("new", "network", "--no-input", "--name", "SYNTHETIC Network on Soil Biodiversity Data", "--acronym",
     "SYNNET", "--launched-by", "gsp", "--date", "2027-10", "--aim", "to share soil biodiversity data across "
     "countries", "--source", f"document:{DOC_2}/p5", "--slug", "synthetic-synnet"),
    ("new", "figure", "--no-input", "--about", "network:synthetic-synnet", "--unit", "member institutions",
     "--measures", "member institutions SYNNET counted", "--value", "40", "--as-of", "2028-02", "--source",
     f"document:{DOC_2}/p6", "--slug", "synthetic-synnet-members"),
    ("new", "decision", "--no-input", "--symbol", "SYNTHETIC/DEC/99/1", "--label", "SYNTHETIC decision 99/1",
     "--source", f"document:{DOC_2}/p7", "--slug", "synthetic-dec-99-1"),
    ("new", "decision-paragraph", "--no-input", "--decision", "decision:synthetic-dec-99-1", "--number", "3",
     "--invites", "organisation:fao", "--through", "organisation:gsp", "--invitation",
     "to report on the implementation of the Plan of Action", "--source", f"document:{DOC_2}/p7"),
    ("new", "web-page", "--no-input", "--url", "https://example.org/synthetic/cgrfa-22", "--title",
     "SYNTHETIC announcement of the Twenty-second Regular Session", "--accessed", "2028-02-15", "--slug",
     "synthetic-cgrfa-22-announcement"),
    ("new", "meeting", "--no-input", "--body", "cgrfa", "--session", "22", "--place", "Rome", "--start",
     "2029-03-05", "--end", "2029-03-09", "--agenda-item", "7.3", "--source",
     "web-page:synthetic-cgrfa-22-announcement"),
]
# slug -> (title, country, practice, published, the passage that reports it): one per cycle.
CASE_STUDIES = {
    "synthetic-composting-with-earthworms": ("SYNTHETIC composting with earthworms", "Ghana", "biofertilizers",
                                             "2026-06-15", f"document:{DOC}/p5"),
    "synthetic-bioremediation-plots": ("SYNTHETIC bioremediation plots", "Togo", "bioremediation", "2027-11-20", ""),
}
CYCLE_OF = {"synthetic-composting-with-earthworms": 1, "synthetic-bioremediation-plots": 2}
# What a curator types over the case-study template's placeholders before it is reviewed.
FILLED = {
    '"TODO: two or three sentences."': '"SYNTHETIC test case study: made up for the report cycle tests."',
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
    # Reviewed by someone other than the compiler (the shapes require it before it is published).
    "skg:reviewStatus skg:draft": "skg:reviewer <https://orcid.org/0000-0001-2345-6789> ;\n"
                                  "    skg:reviewStatus skg:draft",
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
    """Put the SYNTHETIC comment at the top of the files a command wrote (their paths are in its output)."""
    for word in (result.stdout + result.stderr).split():
        path = sandbox.root / word.rstrip(".:,")
        if word.startswith("data/") and path.is_file():
            text = path.read_text(encoding="utf-8")
            if not text.startswith(MARK):
                path.write_text(MARK + text, encoding="utf-8")


def _run(sandbox: Sandbox, steps: list[Step], *args: str) -> bool:
    result = sandbox.run(*args)
    steps.append(Step(args, result))
    if result.returncode == 0:
        _mark_written(sandbox, result)
    return result.returncode == 0


def run_cycle(sandbox: Sandbox, cycle: int) -> list[Step]:
    """Every update of one cycle through the real CLI, then a build; stops at the first step that fails."""
    steps: list[Step] = []
    for args in CYCLE_1 if cycle == 1 else CYCLE_2:
        if not _run(sandbox, steps, *args):
            return steps
    for slug, (title, country, practice, published, passage) in CASE_STUDIES.items():
        if CYCLE_OF[slug] != cycle:
            continue
        if not _run(sandbox, steps, "new", "case-study", "--no-input", "--title", title, "--slug", slug, "--country",
                    country, "--orcid", "0000-0002-1825-0097", "--name", "Josiah Carberry (fictitious)",
                    "--practice", practice):
            return steps
        path = sandbox.root / "data" / "case-study" / f"{slug}.ttl"
        text = path.read_text(encoding="utf-8")
        for old, new in FILLED.items():
            text = text.replace(old, new)
        path.write_text(MARK + text + REVIEWER, encoding="utf-8")
        publish = ("new", "status", "--no-input", "--of", f"case-study:{slug}", "--status", "published", "--date",
                   published, *(("--source", passage) if passage else ()))
        if not _run(sandbox, steps, *publish):
            return steps
    _run(sandbox, steps, "build")
    return steps


def failures(steps: list[Step]) -> str:
    return "\n".join(f"soilkg {' '.join(s.args)} -> exit {s.result.returncode}\n{s.result.stdout}{s.result.stderr}"
                     for s in steps if s.result.returncode != 0)
