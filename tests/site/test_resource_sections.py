"""Aims and activities show under their own labelled headings (translated like every heading), in
the page's heading order, not as bare paragraphs."""

from __future__ import annotations

import json
import re
from pathlib import Path

from soilkg.sitegen import SiteInfo

REPO = Path(__file__).resolve().parents[2]


def test_recisoil_page_has_aims_and_activities_headings(real_site: SiteInfo) -> None:
    page = (real_site.path / "initiative" / "recisoil" / "index.html").read_text(encoding="utf-8")
    aims = page.index('<h2 id="aims"')
    activities = page.index('<h2 id="activities"')
    facts = page.index('<h2 id="facts"')
    assert page.index('id="title"') < aims < activities < facts
    assert 'data-i18n="aims">Aims<' in page and 'data-i18n="activities">Activities<' in page
    between = page[aims:activities]
    assert "to recarbonize agricultural soils" in between and "<li>" in between
    assert "contributes to restoring degraded lands" in page[activities:facts]
    assert not re.search(r'<p class="skg-prose">\s*to recarbonize', page), "no longer a bare paragraph"
    # The table of contents lists them in order, after the title.
    toc = re.findall(r'href="#(aims|activities|facts)"', page)
    assert toc[:3] == ["aims", "activities", "facts"], toc


def test_every_language_names_the_headings() -> None:
    for path in sorted((REPO / "site" / "i18n").glob("*.json")):
        strings = json.loads(path.read_text(encoding="utf-8"))
        assert strings.get("aims") and strings.get("activities") and strings.get("draft_banner"), path.name
