"""Where a curator of the cycle stalled (issue 19, point 7), through the real CLI on a copy of the
repository: the Turtle messages for an unknown status, a passage its document does not have and the
command line's `document:S/p6` pasted into Turtle; `new source` rerun over its own output and a
disclaimer heading never taken as the title; a shortened --slug says so. All values are SYNTHETIC."""

from __future__ import annotations

import json
from pathlib import Path

from soilkg.curation.source_text import parse_source_text
from tests.cycle.conftest import Repo


def _findings(repo: Repo, path: str) -> list[dict[str, object]]:
    done = repo.run("validate", path, "--format", "json")
    assert "Traceback" not in done.stderr
    return list(json.loads(done.stdout)["findings"])


def _edit(repo: Repo, path: str, old: str, new: str) -> None:
    file = repo.root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_turtle_messages(repo: Repo) -> None:
    _edit(repo, "data/publication/sop-nematodes.ttl", "skg:status skg:beingFinalized",
          "skg:status skg:beingFinalised")
    status = _findings(repo, "data/publication/sop-nematodes.ttl")
    assert len(status) == 1
    message = str(status[0]["message"])
    assert "write one of" in message and "`skg:seekingFunding`" in message and "`skg:published`" in message
    assert message.endswith("Did you mean `skg:beingFinalized`?")

    _edit(repo, "data/figure/survey-responses.ttl", "skg:statedIn report:p6 .", "skg:statedIn report:p16 .")
    passage = _findings(repo, "data/figure/survey-responses.ttl")
    assert len(passage) == 1
    message = str(passage[0]["message"])
    assert "its document has paragraphs 1–11 and footnotes 1–20" in message
    assert "Did you mean `report:p6`" in message and "own file" not in message

    _edit(repo, "data/figure/survey-responses.ttl", "skg:statedIn report:p16 .",
          "skg:statedIn document:cgrfa-20-item-8-4/p6 .")
    pasted = _findings(repo, "data/figure/survey-responses.ttl")
    assert [f["rule"] for f in pasted] == ["turtle-syntax"]
    assert "in Turtle write `<https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/p6>`" in str(
        pasted[0]["message"])


NOTE = """# Disclaimer

# SYNTHETIC progress note (test data)

Item 8.4 of the Provisional Agenda

## I. Updates

1. SYNTHETIC. A paragraph made up for the tests.
"""


def test_disclaimer_heading_is_not_the_title() -> None:
    assert parse_source_text(NOTE, "note.md").title == "SYNTHETIC progress note (test data)"
    plain = "NOT AN OFFICIAL DOCUMENT: made up for the tests.\n\nSYNTHETIC NOTE ON SOILS\n\n1. SYNTHETIC text.\n"
    assert parse_source_text(plain, "note.txt").title == "SYNTHETIC NOTE ON SOILS"


def test_source_reruns_over_its_own_output(repo: Repo) -> None:
    note = repo.root.parent / "synthetic-note.md"
    note.write_text(NOTE, encoding="utf-8")
    first = repo.ok("new", "source", str(note))
    assert "Wrote data/document/synthetic-note.ttl" in first.stdout
    written = (repo.root / "data/document/synthetic-note.ttl").read_text(encoding="utf-8")
    assert 'dct:title "SYNTHETIC progress note (test data)"@en' in written
    again = repo.ok("new", "source", str(note))
    assert "is up to date" in again.stdout
    note.write_text(NOTE + "2. SYNTHETIC. A second paragraph.\n", encoding="utf-8")
    changed = repo.run("new", "source", str(note))
    assert changed.returncode == 2 and "--force" in changed.stderr and "Traceback" not in changed.stderr
    forced = repo.ok("new", "source", str(note), "--force")
    assert "Valid." in forced.stdout
    assert "synthetic-note:p2" in (repo.root / "data/document/synthetic-note.ttl").read_text(encoding="utf-8")


def test_shortened_slug_is_announced(repo: Repo) -> None:
    title = "SYNTHETIC web page with a title far longer than any file name should ever be in a catalogue"
    done = repo.ok("new", "web-page", "--url", "https://example.org/synthetic-long", "--title", title,
                   "--accessed", "2026-05-04")
    assert "is longer than 60 characters; the file is named" in done.stderr
    written = [p for p in (repo.root / "data" / "web-page").glob("*.ttl") if p.stem.startswith("synthetic-web")]
    assert len(written) == 1 and len(Path(written[0]).stem) <= 60
