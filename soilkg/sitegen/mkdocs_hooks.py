"""MkDocs hooks (loaded by path from the generated mkdocs.yml) that let resource pages skip Markdown.

A resource page is generated as HTML already. Its file holds a short Markdown head (the title and
section headings, from which MkDocs builds the table of contents) and, after ``MARKER``, the page's
HTML, which replaces the converted head as the page content. Python-Markdown's raw-HTML pass was the
largest cost of a 10k-page build; this keeps MkDocs' theme, navigation, search index and checks.
"""

from __future__ import annotations

from typing import Any

MARKER = "<!-- skg:html -->"
_HTML: dict[str, str] = {}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    head, found, html = markdown.partition(MARKER)
    if not found:
        return markdown
    _HTML[page.file.src_uri] = html
    return head


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    return _HTML.pop(page.file.src_uri, html)
