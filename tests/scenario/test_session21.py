"""End to end on a SYNTHETIC session-21 update set: `soilkg new ...` (source, publication, figure, status,
web page, meeting, two case studies), `soilkg build`, then `soilkg report --session 21` in md, docx and html.
Each update appears once, with its own source footnote; the figure shows the value it updates."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from lxml import html as lxml_html
from scenario import CASE_STUDIES, TITLE, Sandbox, make_sandbox, run_updates

from tests.report.report_checklist import docx_text

FORMATS = ("md", "html", "docx")


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Path]]]:
    """The sandbox after every update and a build, and the session-21 draft in each format."""
    root = tmp_path_factory.mktemp("scenario-repo")
    box = make_sandbox(root, root / ".soilkg")
    steps = run_updates(box)
    failed = [s for s in steps if s.result.returncode != 0]
    assert not failed, "\n".join(f"soilkg {' '.join(s.args)} -> exit {s.result.returncode}\n{s.result.stdout}"
                                 f"{s.result.stderr}" for s in failed)
    drafts: dict[str, Path] = {}
    for fmt in FORMATS:
        out = root / f"draft.{fmt}"
        result = box.run("report", "--session", "21", "--format", fmt, "--out", str(out))
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.strip() == str(out)
        drafts[fmt] = out
    yield root, drafts
    shutil.rmtree(root, ignore_errors=True)


def _body(fmt: str, path: Path) -> list[str]:
    """The numbered paragraphs of a draft, as a reader sees them (no title block, table or footnotes)."""
    if fmt == "docx":
        return [re.sub(r"\s+", " ", p.text) for p in Document(str(path)).paragraphs if re.match(r"\d+\.\t", p.text)]
    raw = path.read_text(encoding="utf-8")
    if fmt == "html":
        return [re.sub(r"\s+", " ", p.text_content()) for p in lxml_html.fromstring(raw).xpath("//p[@class='para']")]
    return [re.sub(r"\\(.)", r"\1", line) for line in raw.splitlines() if re.match(r"\*\*\d+\.\*\* ", line)]


def _notes_md(md: str) -> dict[str, str]:
    return dict(re.findall(r"(?m)^\[\^(\d+)\]: (.*)$", md))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_update_appears_once(scenario: tuple[Path, dict[str, Path]], fmt: str) -> None:
    body = " ".join(_body(fmt, scenario[1][fmt]))
    once = ["SYNTHETIC guide to soil biodiversity monitoring",  # the new publication
            "657 reported to the Twentieth Regular Session",  # the figure beside its earlier value ...
            "700 as of 31 January 2026",  # ... and its new one
            "was published on 15 June 2025",  # the status change
            *(title for title, _, _ in CASE_STUDIES.values()),  # two case studies
            "SYNTHETIC update note on the International Initiative for Soil Biodiversity"]  # the new source
    for phrase in once:
        assert body.count(phrase) == 1, (fmt, phrase, body.count(phrase))
    whole = docx_text(scenario[1][fmt]) if fmt == "docx" else scenario[1][fmt].read_text(encoding="utf-8")
    # The session's facts come from meeting:cgrfa-21.
    assert "Twenty-first Regular Session" in whole and "Rome, 1–5 March 2027" in whole


def _cited(md: str, phrase: str) -> list[str]:
    """The footnotes the sentence holding the phrase calls (marks up to the end of that sentence)."""
    notes = _notes_md(md)
    line = next(line for line in md.splitlines() if phrase in line and not line.startswith("[^"))
    tail = line[line.index(phrase):]
    end = re.search(r"\.((?:<sup>,</sup>)?\[\^\d+\])*", tail)
    assert end is not None, tail
    return [notes[n] for n in re.findall(r"\[\^(\d+)\]", tail[:end.end()])]


def test_each_update_cites_its_own_source(scenario: tuple[Path, dict[str, Path]]) -> None:
    md = scenario[1]["md"].read_text(encoding="utf-8")
    # The note cites the document in full the first time, by the head of its title after that.
    assert TITLE in md.split("[^1]: ", 1)[1]

    def note(n: int) -> re.Pattern[str]:
        return re.compile(rf"^\*SYNTHETIC update note[^*]*\*, paragraph {n}\.$")

    assert any(note(1).match(n) for n in _cited(md, "700 as of 31 January 2026"))
    assert any(note(2).match(n) for n in _cited(md, "was published on 15 June 2025"))
    guide = _cited(md, "SYNTHETIC guide to soil biodiversity monitoring")
    assert any(note(3).match(n) for n in guide)  # the passage that states it ...
    assert any("<https://example.org/synthetic/guide>" in n for n in guide)  # ... and the work itself
    # The earlier value cites paragraph 10 of the session-20 report; the new one does not.
    earlier = re.search(r"657 reported to the Twentieth Regular Session\[\^(\d+)\]", md)
    assert earlier is not None
    assert _notes_md(md)[earlier.group(1)].endswith("item 8.4), paragraph 10.")
    # The meeting's source is a web page, cited with its access date.
    assert any("SYNTHETIC announcement of the Twenty-first Regular Session" in n and "(accessed 1 February 2026)" in n
               for n in _cited(md, "for its Twenty-first Regular Session (Rome, 1–5 March 2027)"))
    # Every footnote is called, and no passage has two footnotes.
    notes = _notes_md(md)
    assert len(set(notes.values())) == len(notes)
    assert {n for n in re.findall(r"\[\^(\d+)\](?!:)", md)} == set(notes)


def test_case_studies_cite_their_own_record(scenario: tuple[Path, dict[str, Path]]) -> None:
    md = scenario[1]["md"].read_text(encoding="utf-8")
    section = md.split("## Case studies of best practice", 1)[1]
    paragraphs = [line for line in section.splitlines() if line.startswith("**")]
    assert len(paragraphs) == len(CASE_STUDIES)
    notes = _notes_md(md)
    for line in paragraphs:
        marks = re.findall(r"\[\^(\d+)\]", line)
        assert marks and any("example.org/synthetic/case-study" in notes[m] for m in marks), line


def test_title_block_names_the_agenda_item_given_to_new_meeting(scenario: tuple[Path, dict[str, Path]]) -> None:
    """`soilkg new meeting --agenda-item 7.2` is what the draft's title block shows, and no note asks for it."""
    md = scenario[1]["md"].read_text(encoding="utf-8")
    assert "Item 7.2 of the Provisional Agenda" in md
    assert "agenda item is not in the graph" not in md


def test_standing_context(scenario: tuple[Path, dict[str, Path]]) -> None:
    md = scenario[1]["md"].read_text(encoding="utf-8")
    intro = md.split("## I. Introduction", 1)[1].split("### ", 1)[0]
    assert "was established in 2002 by paragraph 13 of CBD COP decision VI/5" in intro
    assert "adopted by decision 15/28 of the CBD COP (paragraph 1)" in intro
    assert "lead its implementation" in intro and "(NETSOB)" in intro
    assert "since the Commission's Twentieth Regular Session" in intro
    assert "established in 2020" not in md and "is placed within" not in md
    # Standing sentences cite the session-20 report's paragraphs, not the synthetic note.
    assert all(n.endswith(("paragraph 1.", "paragraph 4.", "footnote 1.", "footnote 2.", "footnote 4.",
                           "title block."))
               for n in _cited(md, "adopted by decision 15/28"))


def test_since_overrides_the_close_of_the_last_session(scenario: tuple[Path, dict[str, Path]]) -> None:
    """--since 2026-01-01: the figure (31 January 2026) and the note (1 February 2026) are new since then; the
    publication (October 2025) and the status change (June 2025) are not."""
    root = scenario[0]
    out = root / "since.md"
    box = Sandbox(root, root / ".soilkg")
    result = box.run("report", "--session", "21", "--since", "2026-01-01", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    body = " ".join(_body("md", out))
    assert "700 as of 31 January 2026" in body and TITLE in body
    assert "SYNTHETIC guide" not in body and "was published on 15 June 2025" not in body
    assert "since 1 January 2026 (--since)" in out.read_text(encoding="utf-8")


def test_missing_meeting_says_exactly_what_to_add(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    box = make_sandbox(tmp_path / "repo", tmp_path / "build")
    result = box.run("report", "--session", "21", "--format", "md")
    assert result.returncode == 2
    assert ("soilkg new meeting --body cgrfa --session 21 --place PLACE --start YYYY-MM-DD --end YYYY-MM-DD "
            "[--agenda-item N.N] --source PASSAGE") in result.stderr
    assert "Traceback" not in result.stderr
