"""The one place the catalogue reaches into Material for MkDocs' internals (its translations and its
search plugin's list of entries). Everything else uses MkDocs' public configuration and hooks, so a
move to Material's successor (site/README.md, "Moving off Material") changes this module only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import material

# Material's vetted translations: partials/languages/<code>.html, a Jinja macro around a JSON object.
LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
# Material's own interface strings the catalogue shows (search box, result counts, "Back to top",
# "Skip to content", header and navigation titles), with the translations Material ships: its
# search worker and templates write them in the build's language (English); the browser swaps them.
KEYS = ("action.skip", "clipboard.copy", "clipboard.copied", "footer", "footer.next", "footer.previous",
        "header", "nav", "search", "search.placeholder", "search.share", "search.reset",
        "search.result.initializer", "search.result.placeholder", "search.result.none",
        "search.result.one", "search.result.other", "search.result.more.one",
        "search.result.more.other", "search.result.term.missing", "select.language", "tabs", "toc", "top")
PREFIX = "md."
# The search plugin's names: Material's own, and what MkDocs calls it when configured as "search".
SEARCH_PLUGINS = ("material/search", "search")


def material_strings(lang: str) -> dict[str, str]:
    """Material's translation of its interface strings in ``lang``, keys prefixed ``md.``."""
    text = (LANGUAGES / f"{lang}.html").read_text(encoding="utf-8")
    table = json.loads(text[text.index("{{ {") + 3:text.index("}[key]") + 1])
    return {PREFIX + key: table[key] for key in KEYS if key in table}


def search_entries(config: Any) -> list[dict[str, object]] | None:
    """The search plugin's list of entries for this build (rebuilt on every run: look it up each time);
    entries appended to it are written into search/search_index.json with Material's own."""
    for name in SEARCH_PLUGINS:
        plugin = config.plugins.get(name)
        entries = getattr(getattr(plugin, "search_index", None), "entries", None)
        if isinstance(entries, list):
            return entries
    return None
