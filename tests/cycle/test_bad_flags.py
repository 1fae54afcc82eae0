"""Bad flags of the `soilkg new` commands of the reporting cycle: one clear message (what is wrong, how to
write it, did you mean), exit code 2, no traceback, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cycle.conftest import Repo

SRC = ("--source", "report:p10")

CASES: list[tuple[tuple[str, ...], str]] = [
    (("new", "figure", "--updates", "figure:gsd-trainers", "--value", "700", "--as-of", "2026-06-30", *SRC),
     "Did you mean `figure:global-soil-doctors-trainers`?"),
    (("new", "figure", "--updates", "figure:global-soil-doctors-trainers", "--value", "seven hundred",
      "--as-of", "2026-06-30", *SRC), "--value `seven hundred`: not a number"),
    (("new", "figure", "--updates", "figure:global-soil-doctors-trainers", "--value", "700", "--as-of",
      "2026-13-01", *SRC), "--as-of `2026-13-01`: not a date. Write it as YYYY-MM-DD"),
    (("new", "figure", "--updates", "figure:global-soil-doctors-trainers", "--value", "700", "--as-of",
      "2026-06-30", "--source", "report:p99"), "Did you mean"),
    (("new", "figure", "--updates", "figure:global-soil-doctors-trainers", "--value", "700", "--as-of",
      "2026-06-30", "--source", "reprot:p10"), "the prefix `reprot:` is unknown"),
    (("new", "figure", "--updates", "figure:global-soil-doctors-trainers", "--value", "700", "--as-of",
      "2026-06-30", "--source", "document:cgrfa-20-item-8-4"), "is a whole document: cite the paragraph"),
    (("new", "figure", "--updates", "programme:global-soil-doctors", "--value", "700", "--as-of",
      "2026-06-30", *SRC), "is not a reported figure"),
    (("new", "figure", "--no-input", "--updates", "figure:global-soil-doctors-trainers", "--as-of", "2026-06-30",
      *SRC), "--value is missing"),
    (("new", "status", "--of", "publication:sop-nematodes", "--status", "publishd", "--date", "2026-02-01", *SRC),
     "Did you mean `published`?"),
    (("new", "status", "--of", "publication:sop-nematode", "--status", "published", "--date", "2026-02-01", *SRC),
     "Did you mean `publication:sop-nematodes`?"),
    (("new", "status", "--of", "sop-nematodes", "--status", "published", "--date", "2026-02-01", *SRC),
     "needs its kind in front. Did you mean `publication:sop-nematodes`?"),
    (("new", "status", "--of", "publication:sop-soil-respiration-rate", "--status", "published", "--date",
      "2026-02-01", *SRC), "is already `published`"),
    (("new", "meeting", "--body", "cgrfa", "--session", "twenty-one", "--place", "Rome", "--start", "2027-03-22",
      "--end", "2027-03-26", *SRC), "--session `twenty-one`"),
    (("new", "meeting", "--body", "cgfra", "--session", "21", "--place", "Rome", "--start", "2027-03-22",
      "--end", "2027-03-26", *SRC), "Did you mean `organisation:cgrfa`?"),
    (("new", "meeting", "--body", "cgrfa", "--session", "21", "--place", "Rome", "--start", "2027-03-26",
      "--end", "2027-03-22", *SRC), "--end 2027-03-22 is before --start 2027-03-26"),
    (("new", "meeting", "--body", "cgrfa", "--session", "21", "--place", "Rome", "--start", "2027-03-22",
      "--end", "2027-03-26", "--agenda-item", "item eight", *SRC), "--agenda-item `item eight`: not an agenda item"),
    (("new", "publication", "--title", "X", "--year", "2026", "--doi", "10.4060 cc", *SRC), "not a DOI"),
    (("new", "publication", "--title", "X", "--year", "2026", "--author", "Jane Doe", *SRC),
     "family name first and a comma"),
    (("new", "publication", "--title", "X", "--year", "2025", "--issued", "2026-01-02", *SRC),
     "--issued 2026-01-02 is not in --year 2025"),
    (("new", "publication", "--title", "X", "--year", "2026", "--publisher", "organisation:foa", *SRC),
     "Did you mean `organisation:fao`?"),
    (("new", "web-page", "--url", "www.fao.org", "--title", "X", "--accessed", "2026-05-04"),
     "--url `www.fao.org`: not a web address"),
    (("new", "source", "missing.txt", "--slug", "x"), "No such file: missing.txt"),
    (("new", "figure", "--frobnicate"), "No such option: --frobnicate"),
    (("new", "status", "--of", "publication:sop-nematodes", "--status", "published", "--date", "April 2026", *SRC),
     "YYYY-MM (a month, when only the month is known)"),
    (("new", "status", "--of", "publication:sop-nematodes", "--status", "published", "--date", "2026-04",
      "--source", "document:cgrfa-20-item-8-4/p16"),
     "(its document has paragraphs 1–11 and footnotes 1–20). Did you mean `document:cgrfa-20-item-8-4/p6`"),
    (("new", "status", "--of", "initiative:recisoil", "--status", "implementing", "--date", "2026-04",
      "--doi", "10.4060/x", *SRC), "--doi is for a publication that becomes published"),
    (("new", "publication", "--title", "X", "--year", "2026", "--kind", "manual", *SRC),
     "not a kind of publication of the ontology. Choose from: BackgroundStudyPaper, Publication, "
     "StandardOperatingProcedure"),
    (("new", "figure", "--updates", "figure:survey-responses", "--about", "survey:netsob-global-survey",
      "--value", "1", "--as-of", "2026", *SRC), "not both"),
    (("new", "decision-paragraph", "--decision", "decision:cbd-cop-dec-15-28", "--number", "9", *SRC),
     "Say what the paragraph does"),
    (("new", "decision-paragraph", "--decision", "decision:cbd-cop-dec-15-28", "--number", "7", "--invites",
      "fao", "--invitation", "to x", *SRC), "already has paragraph 7"),
    (("new", "network", "--name", "X", "--kind", "club", *SRC), "--kind `club`: choose one of network, organisation"),
    (("new", "publication", "--title", "X", "--year", "2026", "--kind", "bsp", "--series-number", "LXXIV", *SRC),
     "--series-number `LXXIV`: write the number in digits"),
    (("new", "publication", "--completes", "publication:sop-soil-respiration-rate", "--year", "2023", *SRC),
     "is already `published`"),
]


def _files(root: Path) -> set[Path]:
    return set((root / "data").rglob("*.ttl"))


@pytest.mark.parametrize("args,words", CASES, ids=[" ".join(a[:2]) + f" {i}" for i, (a, _) in enumerate(CASES)])
def test_bad_flag_is_one_clear_message(module_repo: Repo, args: tuple[str, ...], words: str) -> None:
    before = _files(module_repo.root)
    done = module_repo.run(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert words in done.stderr, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert _files(module_repo.root) == before  # nothing written


def test_source_without_numbered_paragraphs(module_repo: Repo) -> None:
    text = module_repo.root.parent / "notes.txt"
    text.write_text("SYNTHETIC NOTES\n\nJust prose, no numbered paragraphs.\n", encoding="utf-8")
    done = module_repo.run("new", "source", str(text))
    assert done.returncode == 2 and "no numbered paragraphs found" in done.stderr
    assert not (module_repo.root / "data" / "document" / "notes.ttl").exists()


def test_existing_file_is_not_overwritten(repo: Repo) -> None:
    args = ("new", "web-page", "--url", "https://example.org/synthetic", "--title", "Synthetic page",
            "--accessed", "2026-05-04")
    assert repo.run(*args).returncode == 0
    path = repo.root / "data" / "web-page" / "synthetic-page.ttl"
    written = path.read_text(encoding="utf-8")
    again = repo.run(*args[:-1], "2026-05-05")
    assert again.returncode == 2 and "already exists: nothing was written" in again.stderr
    assert path.read_text(encoding="utf-8") == written
