"""The draft's shape, as a reporter reads it: title block, grouped numbered paragraphs, footnotes, figures."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lxml_html
from report_checklist import docx_text
from report_cli import Cli

from soilkg.paths import Project
from soilkg.urls import page_path

DOC = "https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4"
GROUPS = ["Monitoring", "Networks", "Methods and laboratories", "Publications", "Capacity development",
          "Initiatives"]


def test_title_block_in_every_format(reports: dict[str, Path]) -> None:
    texts = {"md": reports["md"].read_text(), "html": lxml_html.parse(str(reports["html"])).getroot().text_content(),
             "docx": docx_text(reports["docx"])}
    for fmt, text in texts.items():
        text = re.sub(r"\s+", " ", text)
        for expected in ("COMMISSION ON GENETIC RESOURCES FOR FOOD AND AGRICULTURE",
                         "Item 8.4 of the Provisional Agenda", "Twentieth Regular Session",
                         "Rome, 24–28 March 2025", "联合国粮食及农业组织"):
            assert expected in text, (fmt, expected)


def test_paragraphs_are_numbered_and_grouped_as_the_source_groups_them(reports: dict[str, Path]) -> None:
    md = reports["md"].read_text()
    numbers = [int(n) for n in re.findall(r"(?m)^\*\*(\d+)\.\*\* ", md)]
    assert numbers == list(range(1, 12))
    headings = re.findall(r"(?m)^### (.+)$", md)
    assert headings == GROUPS
    assert md.index("## I. Introduction") < md.index("## II. FAO activities") < md.index("### Monitoring")
    # Every source paragraph appears once, and says whether it was written from the graph or quoted.
    provenance = re.findall(r"Source ¶(\d+)\]?(?:\([^)]*\))?, (written from the graph|quoted from the source)", md)
    assert sorted(int(n) for n, _ in provenance) == list(range(1, 12))
    assert {how for _, how in provenance} == {"written from the graph", "quoted from the source"}


def test_footnotes_are_numbered_by_first_call(reports: dict[str, Path]) -> None:
    md = reports["md"].read_text()
    calls = re.findall(r"\[\^(\d+)\](?!:)", md)
    first = list(dict.fromkeys(int(c) for c in calls))
    assert first == list(range(1, 21))
    definitions = re.findall(r"(?m)^\[\^(\d+)\]: ", md)
    assert [int(d) for d in definitions] == list(range(1, 21))


def test_figures_table_dates_every_figure(reports: dict[str, Path], project: Project) -> None:
    html = lxml_html.parse(str(reports["html"])).getroot()
    rows = html.xpath("//section[@id='figures']//tbody/tr")
    assert len(rows) == len(list((project.data / "figure").glob("*.ttl")))
    for row in rows:
        cells = [c.text_content().strip() for c in row.xpath("td")]
        assert cells[1] and cells[4], cells  # a value and an "as of" for every figure
    as_of = {row.xpath("td")[1].text_content().strip(): row.xpath("td")[4].text_content() for row in rows}
    assert as_of["657"].startswith("to date") and "24–28 March 2025" in as_of["657"]
    assert "more than 11 500" in as_of


def test_appendix_names_by_label_and_links_only_to_real_pages(reports: dict[str, Path], cli: Cli,
                                                              tmp_path: Path) -> None:
    """What each paragraph draws on is in the appendix, by label; with no site built there is no link to
    follow, and with --site-url the links are the published pages."""
    root = lxml_html.parse(str(reports["html"])).getroot()
    paragraphs = root.xpath("//p[@class='para']")
    assert len(paragraphs) == 11
    items = root.xpath("//ul[@class='appendix']/li")
    assert len(items) == 11
    text = " ".join(li.text_content() for li in items)
    assert "GLOSOB" in text and "NETSOB" in text
    assert not re.search(r"\b[0-9a-f]{24,}\b", text)  # no blank-node hash
    assert "https://w3id.org/soilkg/id/" not in text  # no internal IRI
    assert not root.xpath("//ul[@class='appendix']//a"), "links to a site that was not built"
    out = tmp_path / "draft.html"
    result = cli.run("report", "--format", "html", "--site-url", "https://example.org/soilkg", "--out", str(out))
    assert result.returncode == 0, result.stderr
    published = lxml_html.parse(str(out)).getroot()
    hrefs = [a.get("href") for a in published.xpath("//ul[@class='appendix']//a")]
    netsob = page_path("https://w3id.org/soilkg/id/network/netsob")
    assert f"https://example.org/soilkg/{netsob}" in hrefs
    assert all(h.startswith("https://example.org/soilkg/") for h in hrefs)
    # Every footnote mark leads to its note.
    ids = {li.get("id") for li in root.xpath("//ol[@class='footnotes']/li")}
    marks = {a.get("href")[1:] for a in root.xpath("//sup[@class='fn']/a")}
    assert marks == ids and len(ids) == 20
