"""End to end on two SYNTHETIC report cycles curated with the documented `soilkg new ...` commands
(tests/scenario/scenario.py), then `soilkg report`:

- session 21: a programme's four figures again in one sentence with their earlier values, the SOP announced as
  being finalized said once as published with its DOI, a status change dated by month only (kept by a --since
  at the start of that month), a case study cited to the passage that reports it and absent from a regenerated
  session-20 draft, English dates ("in April 2026", "on 10 October 2025");
- session 22 on top: the session-21 (and session-20) drafts byte-identical before and after the new updates,
  and each change worded as what it is (a correction, an unchanged value, new countries named, a status going
  back), every new resource of the window present (a network with the first value of its figure, a decision
  paragraph, a case study).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from lxml import html as lxml_html
from scenario import CASE_STUDIES, DOC, DOC_2, TITLE, Sandbox, failures, make_sandbox, run_cycle

from tests.report.docx_pdf import misplaced
from tests.report.report_checklist import docx_text

FORMATS = ("md", "html", "docx")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


@dataclass
class Drafts:
    root: Path
    box: Sandbox
    first: dict[str, Path]  # after cycle 1: "21.md", "21.html", "21.docx", "20.md", "21-since.md"
    second: dict[str, Path]  # after cycle 2: "21.md", "21.html", "20.md", "22.md"


def _draft(box: Sandbox, out: Path, session: int, *args: str) -> Path:
    result = box.run("report", "--session", str(session), "--out", str(out), *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == str(out)
    return out


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Drafts]:
    root = tmp_path_factory.mktemp("cycles-repo")
    box = make_sandbox(root, root / ".soilkg")
    steps = run_cycle(box, 1)
    assert not failures(steps), failures(steps)
    first = {f"21.{fmt}": _draft(box, root / f"first-21.{fmt}", 21, "--format", fmt) for fmt in FORMATS}
    first["20.md"] = _draft(box, root / "first-20.md", 20)
    first["21-since.md"] = _draft(box, root / "first-21-since.md", 21, "--since", "2026-03-01")
    steps = run_cycle(box, 2)
    assert not failures(steps), failures(steps)
    second = {"21.md": _draft(box, root / "second-21.md", 21),
              "21.html": _draft(box, root / "second-21.html", 21, "--format", "html"),
              "20.md": _draft(box, root / "second-20.md", 20), "22.md": _draft(box, root / "second-22.md", 22)}
    yield Drafts(root, box, first, second)
    shutil.rmtree(root, ignore_errors=True)


def _body(path: Path) -> list[str]:
    """The numbered paragraphs of a draft, as a reader sees them (no title block, table, appendix or notes)."""
    if path.suffix == ".docx":
        return [re.sub(r"\s+", " ", p.text) for p in Document(str(path)).paragraphs if re.match(r"\d+\.\t", p.text)]
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        paragraphs = lxml_html.fromstring(raw).xpath("//p[@class='para']")
        for mark in (sup for p in paragraphs for sup in p.xpath(".//sup")):
            mark.drop_tree()  # footnote marks
        return [re.sub(r"\s+", " ", p.text_content()) for p in paragraphs]
    return [re.sub(r"\\(.)", r"\1", re.sub(r"<sup>,</sup>|\[\^\d+\]|(?<!\\)\*", "", line))
            for line in raw.splitlines() if re.match(r"\*\*\d+\.\*\* ", line)]


def _notes(md: str) -> dict[str, str]:
    return dict(re.findall(r"(?m)^\[\^(\d+)\]: (.*)$", md))


def _cited(md: str, phrase: str) -> list[str]:
    """The footnotes the sentence holding the phrase calls (marks up to the end of that sentence)."""
    notes = _notes(md)
    line = next(line for line in md.splitlines() if phrase in line and not line.startswith("[^"))
    tail = line[line.index(phrase) + len(phrase) - (1 if phrase.endswith(".") else 0):]  # the sentence's end
    end = re.search(r"\.((?:<sup>,</sup>)?\[\^\d+\])*", tail)
    assert end is not None, tail
    return [notes[n] for n in re.findall(r"\[\^(\d+)\]", tail[:end.end()])]


def _passage(document: str, number: int) -> re.Pattern[str]:
    """A footnote citing paragraph N of a synthetic note, in full or in short form."""
    return re.compile(rf"^\*SYNTHETIC update note[^*]*\*, paragraph {number}\.$" if document == DOC else
                      rf"^\*SYNTHETIC second update note[^*]*\*, paragraph {number}\.$")


@pytest.mark.parametrize("fmt", FORMATS)
def test_programme_figures_in_one_sentence_with_earlier_values(drafts: Drafts, fmt: str) -> None:
    body = _body(drafts.first[f"21.{fmt}"])
    sentence = ("As of 31 May 2026, the Global Soil Doctors Programme has built the capacity of 702 trainers (657 "
                "reported to the Twentieth Regular Session) and 1 900 Soil Doctor farmers (1 800), and has reached "
                "more than 12 000 farmers (more than 11 500) in 28 countries (26).")
    assert sum(sentence in p for p in body) == 1, body
    assert sum("Global Soil Doctors Programme" in p for p in body) == 1  # one paragraph, not one per figure


@pytest.mark.parametrize("fmt", FORMATS)
def test_announced_sop_published_said_once(drafts: Drafts, fmt: str) -> None:
    body = " ".join(_body(drafts.first[f"21.{fmt}"]))
    assert body.count("Standard operating procedure for enzyme activity") == 1
    assert ("Standard operating procedure for enzyme activity, announced in the last report as being finalized, "
            "was published in April 2026 (doi 10.5555/synthetic-sop-enzyme).") in body


def test_english_an_officer_writes(drafts: Drafts) -> None:
    for path in (drafts.first["21.md"], drafts.second["22.md"]):
        text = path.read_text(encoding="utf-8")
        assert not re.search(rf"\bon (?:{MONTHS}) \d{{4}}", text), re.search(rf"\bon (?:{MONTHS}) \d{{4}}", text)
        for wrong in ("became ", "(meeting:", "can be cited one by one", "(--since)", "Figures for "):
            assert wrong not in " ".join(_body(path)), wrong
    body = " ".join(_body(drafts.first["21.md"]))
    assert "started in March 2026 and are now being implemented" in body  # a month-only date, in words
    assert "On 10 October 2025, FAO published SYNTHETIC guide to soil biodiversity monitoring." in body


def test_each_update_cites_its_own_passage(drafts: Drafts) -> None:
    md = drafts.first["21.md"].read_text(encoding="utf-8")
    assert sum(TITLE in n for n in _notes(md).values()) == 1  # in full once, by the head of its title after
    assert any(_passage(DOC, 1).match(n) for n in _cited(md, "As of 31 May 2026, the Global Soil Doctors"))
    assert any(n.endswith("item 8.4), paragraph 10.") for n in _cited(md, "As of 31 May 2026, the Global Soil"))
    assert any(_passage(DOC, 2).match(n) for n in _cited(md, "(doi 10.5555/synthetic-sop-enzyme)."))
    assert any(n.endswith("item 8.4), paragraph 7.") for n in _cited(md, "*Standard operating procedure for enzyme"))
    assert any(_passage(DOC, 4).match(n) for n in _cited(md, "started in March 2026"))
    guide = _cited(md, "FAO published *SYNTHETIC guide")
    assert any(_passage(DOC, 3).match(n) for n in guide) and any("example.org/synthetic/guide" in n for n in guide)
    assert any("(accessed 1 February 2026)" in n for n in _cited(md, "Twenty-first Regular Session (Rome, 1–5 March"))
    notes = _notes(md)
    assert len(set(notes.values())) == len(notes)  # no passage has two footnotes
    assert set(re.findall(r"\[\^(\d+)\](?!:)", md)) == set(notes)  # every footnote is called


def test_case_study_cites_the_passage_that_reports_it_and_stays_in_its_cycle(drafts: Drafts) -> None:
    md = drafts.first["21.md"].read_text(encoding="utf-8")
    title = CASE_STUDIES["synthetic-composting-with-earthworms"][0]
    published = _cited(md, "was published in the catalogue of best practices on 15 June 2026.")
    assert any(_passage(DOC, 5).match(n) for n in published)
    assert title in md
    assert CASE_STUDIES["synthetic-bioremediation-plots"][0] not in drafts.second["21.md"].read_text(encoding="utf-8")
    assert title not in drafts.first["20.md"].read_text(encoding="utf-8")  # published after session 20
    assert "SYNTHETIC" not in drafts.second["20.md"].read_text(encoding="utf-8")


def test_since_inside_a_month_keeps_the_month_dated_change(drafts: Drafts) -> None:
    body = " ".join(_body(drafts.first["21-since.md"]))
    assert "started in March 2026" in body  # dated 2026-03: it may have happened on or after 1 March 2026
    assert "SYNTHETIC guide" not in body  # 10 October 2025: before
    assert "since 1 March 2026," in body


def test_title_block_from_the_meeting_and_the_initiative(drafts: Drafts) -> None:
    for path, item, session in ((drafts.first["21.md"], "7.2", "Twenty-first"),
                                (drafts.second["22.md"], "7.3", "Twenty-second")):
        md = path.read_text(encoding="utf-8")
        head = md.split("## I. Introduction", 1)[0]
        assert "Food and Agriculture Organization of the United Nations" in head
        assert f"Item {item} of the Provisional Agenda" in head and f"{session} Regular Session" in head
        assert ("# PROGRESS REPORT ON THE IMPLEMENTATION OF THE INTERNATIONAL INITIATIVE FOR THE CONSERVATION AND "
                "SUSTAINABLE USE OF SOIL BIODIVERSITY") in head
    whole = docx_text(drafts.first["21.docx"])
    assert "Twenty-first Regular Session" in whole and "Rome, 1–5 March 2027" in whole


def test_past_session_drafts_do_not_change_when_later_updates_arrive(drafts: Drafts) -> None:
    assert drafts.first["21.md"].read_bytes() == drafts.second["21.md"].read_bytes()
    assert drafts.first["21.html"].read_bytes() == drafts.second["21.html"].read_bytes()
    assert drafts.first["20.md"].read_bytes() == drafts.second["20.md"].read_bytes()


def test_each_change_worded_as_what_it_is(drafts: Drafts) -> None:
    md = drafts.second["22.md"].read_text(encoding="utf-8")
    body = " ".join(_body(drafts.second["22.md"]))
    assert ("was sent to researchers and practitioners in 127 countries (corrected from more than 130 reported to "
            "the Twentieth Regular Session)") in body
    assert "has reached farmers in 28 countries (unchanged from 28 as of 31 May 2026)" in body
    assert ("the Recarbonization of Global Agricultural Soils (RECISOIL) initiative is being implemented in six "
            "countries (four reported to the Twentieth Regular Session; now also Armenia and Kazakhstan)") in body
    assert ("which started to be implemented in March 2026, are no longer being implemented: on 15 January 2028, "
            "they were again seeking funding.") in body
    # The earlier status is cited to the passage that reported it last (the first note), the new one to its own.
    assert any(_passage(DOC, 4).match(n) for n in _cited(md, "which started to be implemented in March 2026,"))
    assert any(_passage(DOC_2, 4).match(n) for n in _cited(md, "they were again seeking funding"))


def test_every_new_resource_of_the_window_appears(drafts: Drafts) -> None:
    body = " ".join(_body(drafts.second["22.md"]))
    for phrase in ("In October 2027, the GSP launched the SYNTHETIC Network on Soil Biodiversity Data (SYNNET) to "
                   "share soil biodiversity data across countries.",  # a new network
                   "In February 2028, SYNNET counted 40 member institutions.",  # the first value of its figure
                   "Paragraph 3 of SYNTHETIC decision 99/1 invited FAO again, through the GSP, to report on the "
                   "implementation of the Plan of Action.",  # a decision paragraph
                   CASE_STUDIES["synthetic-bioremediation-plots"][0]):  # the cycle's case study
        assert body.count(phrase) == 1, phrase
    assert CASE_STUDIES["synthetic-composting-with-earthworms"][0] not in body  # the last cycle's


def test_missing_meeting_says_exactly_what_to_add(tmp_path: Path) -> None:
    (tmp_path / "repo").mkdir()
    box = make_sandbox(tmp_path / "repo", tmp_path / "build")
    result = box.run("report", "--session", "21", "--format", "md")
    assert result.returncode == 2
    assert ("soilkg new meeting --body cgrfa --session 21 --place PLACE --start YYYY-MM-DD --end YYYY-MM-DD "
            "[--agenda-item N.N] --source PASSAGE") in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.libreoffice
def test_docx_prints_each_footnote_under_its_sentence(drafts: Drafts, tmp_path: Path) -> None:
    """The session-21 draft cites passages more than once: each reference has a footnote of its own."""
    assert misplaced(drafts.first["21.docx"], tmp_path) == []


def test_until_ends_the_cycle_early(drafts: Drafts) -> None:
    """--until 2025-12-31: the October 2025 publication is in, the 2026 updates are not."""
    body = " ".join(_body(_draft(drafts.box, drafts.root / "until-21.md", 21, "--until", "2025-12-31")))
    assert "SYNTHETIC guide to soil biodiversity monitoring" in body
    assert "As of 31 May 2026" not in body and "April 2026" not in body and "March 2026" not in body
