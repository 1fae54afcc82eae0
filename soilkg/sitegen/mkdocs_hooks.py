"""MkDocs hooks (loaded by path from the generated mkdocs.yml) that let resource pages skip Markdown
and index them in the search by their names.

A resource page is generated as HTML already. Its file holds a short Markdown head (the title and
section headings, from which MkDocs builds the table of contents) and, after ``MARKER``, the page's
HTML, which replaces the converted head as the page content. Its search entry is its title plus the
``skg_search`` text of its front matter (every label, acronym, kind and summary) instead of the
whole page: parsing every page's HTML for the index was the largest cost of a 10k-page build, and
what people look resources up by is their names. Pages without the marker are left to MkDocs.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import jieba

from soilkg.sitegen.material import search_entries

jieba.setLogLevel(logging.WARNING)  # not "Building prefix dict..." in every build's output

MARKER = "<!-- skg:html -->"
# Chinese has no spaces between words: as Material does for the entries it makes itself, runs of Han
# characters are cut into words by jieba and the word ends marked with U+200B, which the search's
# separator (site/mkdocs.yml) splits on, so "网络" is a word of the index, not part of a long run.
_HAN_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{_HAN_CHARS}]+")
_WORD_END = "\u200b"
_HTML: dict[str, str] = {}
# The index's Chinese words, for the browser to cut a query as the index was cut (skg-search.js).
ZH_WORDS_SCRIPT = "assets/js/skg-zh-words.js"
_NOT_HAN = re.compile(f"[^{_HAN_CHARS}]+")


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    # A page that says what the search should show for it (resource and list pages) is not indexed
    # from its body: table cells would run together into an unreadable preview.
    if "skg_search" in page.meta and search_entries(config) is not None:
        page.meta["search"] = {"exclude": True}
    head, found, html = markdown.partition(MARKER)
    if not found:
        return markdown
    _HTML[page.file.src_uri] = html
    return head


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    html = _HTML.pop(page.file.src_uri, html)
    if page.file.src_uri == "report/index.md":
        # The draft's footnotes are written after its English body, outside the block marked English.
        html = html.replace('<div class="footnote">', '<div class="footnote" lang="en" dir="ltr">')
    return html


def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    entries = search_entries(config)
    if entries is not None and "skg_search" in page.meta:
        # Resources outrank the ontology's and the lists' pages (boost, as Material's own entries).
        entries.append({"location": page.url, "title": segment_chinese(str(page.meta.get("title", page.title))),
                        "text": segment_chinese(str(page.meta["skg_search"])),
                        "boost": float(page.meta.get("skg_boost", 1))})
    return context


def segment_chinese(text: str) -> str:
    """The text with each run of Han characters cut into words, word ends marked with U+200B."""
    return _HAN.sub(lambda run: _WORD_END + _WORD_END.join(jieba.cut(run.group())) + _WORD_END, text)


def on_post_build(config: Any) -> None:
    """Write the Chinese words of the finished index (Material's entries and ours) as a script: a query
    typed without spaces is cut into these words in the browser, longest first (skg-search.js)."""
    site = Path(config["site_dir"])
    index = site / "search" / "search_index.json"
    words: set[str] = set()
    if index.is_file():
        for doc in json.loads(index.read_text(encoding="utf-8")).get("docs", []):
            for field in ("title", "text"):
                words.update(w for w in _NOT_HAN.split(str(doc.get(field, ""))) if w)
    target = site / ZH_WORDS_SCRIPT
    target.parent.mkdir(parents=True, exist_ok=True)
    # Han characters only: nothing in a word can close the string or the script.
    target.write_text("window.SKG_ZH_WORDS = " + json.dumps(sorted(words), ensure_ascii=False) + ";\n",
                      encoding="utf-8")
