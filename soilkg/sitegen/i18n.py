"""Interface strings in the six UN languages (site/i18n/<lang>.json).

Pages are generated once, in English, with each interface string wrapped as
``<span data-i18n="key">English</span>``; the browser swaps in the chosen language (and sets
``dir="rtl"`` for Arabic). One build instead of six keeps the 10k-page build fast.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from soilkg.sitegen.graph import LANGS


def load(folder: Path) -> dict[str, dict[str, str]]:
    strings: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        path = folder / f"{lang}.json"
        if path.is_file():
            strings[lang] = json.loads(path.read_text(encoding="utf-8"))
    return strings


class Strings:
    def __init__(self, strings: dict[str, dict[str, str]]) -> None:
        self.strings = strings
        self.english = strings.get("en", {})

    def plain(self, key: str) -> str:
        return self.english.get(key, key)

    def html(self, key: str) -> str:
        """The English text, marked so the browser can swap it for the reader's language."""
        return f'<span data-i18n="{escape(key)}">{escape(self.plain(key))}</span>'

    def script(self) -> str:
        return "window.SKG_I18N=" + json.dumps(self.strings, ensure_ascii=False, separators=(",", ":")) + ";\n"
