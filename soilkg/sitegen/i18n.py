"""The site's languages: interface strings, term labels and bidirectional text.

Two sources, one lookup each, both falling back to English:
- interface strings (buttons, headings, tab titles, chart labels) in site/i18n/<lang>.json, and the
  list pages' titles ``kind.<folder>``, which are the plural labels (``skg:pluralLabel``) of the kinds'
  classes in the ontology, so that a kind's names in every language live in one place;
- names of terms and resources (classes, properties, statuses, filter values) from the store:
  ``rdfs:label`` (else ``skos:prefLabel``) in the language, as ontology/translations.ttl gives them.

Pages are generated in English with each interface string wrapped as
``<span data-i18n="key">English</span>``; the browser swaps in the chosen language (and sets
``dir="rtl"`` for Arabic). One build instead of six keeps the 10k-page build fast.

Text in another language than the page's (the source document's English on an Arabic page, a
term that has no label in the page's language yet) must be isolated, or an Arabic line moves an
English run's full stop to its start: ``bdi`` and ``lang_attrs`` write the markup for that.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pyoxigraph as ox

from soilkg.kinds import KIND_TABLE
from soilkg.namespaces import SKG
from soilkg.sitegen import material
from soilkg.sitegen.graph import LANGS, SiteGraph

ENGLISH = "en"
RTL_LANGS = frozenset({"ar"})


def load(folder: Path, titles: dict[str, dict[str, str]] | None = None) -> dict[str, dict[str, str]]:
    """Each language's interface strings: the project's (site/i18n/<lang>.json), Material's own and
    ``titles`` (the list pages' titles, ``kind_titles``)."""
    strings: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        path = folder / f"{lang}.json"
        if path.is_file():
            strings[lang] = {**material.material_strings(lang), **json.loads(path.read_text(encoding="utf-8")),
                             **(titles or {}).get(lang, {})}
    return strings


def kind_titles(graph: SiteGraph) -> dict[str, dict[str, str]]:
    """Language -> ``kind.<folder>`` -> the plural label of the kind's class (soilkg/kinds.py), as the
    ontology gives it (English beside the class, the other languages in ontology/translations.ttl)."""
    titles: dict[str, dict[str, str]] = {}
    for kind in KIND_TABLE:
        node = graph.nodes.get(str(SKG[kind.cls]))
        for term in node.out.get(str(SKG.pluralLabel), []) if node else []:
            if isinstance(term, ox.Literal) and term.language:
                titles.setdefault(term.language, {})[f"kind.{kind.folder}"] = term.value
    return titles


# --- direction and isolation -------------------------------------------------------------------

def direction(lang: str) -> str:
    """'rtl' for Arabic, 'ltr' for the other UN languages (and for any unknown tag)."""
    return "rtl" if lang.split("-", 1)[0] in RTL_LANGS else "ltr"


def lang_attrs(lang: str) -> str:
    """`` lang="ar" dir="rtl"`` for an element whose content is in ``lang``."""
    return f' lang="{escape(lang)}" dir="{direction(lang)}"'


def bdi(text: str, lang: str | None = None) -> str:
    """The text escaped and isolated from its surroundings; with ``lang``, marked with it and its
    direction, else left for the browser to work out (``<bdi>`` alone is dir=auto)."""
    attrs = lang_attrs(lang) if lang else ""
    return f"<bdi{attrs}>{escape(text)}</bdi>"


def in_page(text: str, text_lang: str | None, page_lang: str) -> str:
    """The text escaped for a page in ``page_lang``: as it is when it is in the page's language,
    isolated and marked (``<bdi lang dir>``) when it is not or its language is unknown."""
    if text_lang == page_lang:
        return escape(text)
    return bdi(text, text_lang)


def sentence_case(text: str) -> str:
    """'stated in' -> 'Stated in'; acronyms and already capitalised text stay as they are."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text


# --- interface strings -------------------------------------------------------------------------

class Strings:
    def __init__(self, strings: dict[str, dict[str, str]]) -> None:
        self.strings = strings
        self.english = strings.get(ENGLISH, {})

    def plain(self, key: str) -> str:
        return self.english.get(key, key)

    def lookup(self, key: str, lang: str) -> tuple[str, str]:
        """(text, language of the text): the string in ``lang``, else in English, else the key."""
        text = self.strings.get(lang, {}).get(key)
        if text:
            return text, lang
        return self.english.get(key, key), ENGLISH

    def text(self, key: str, lang: str = ENGLISH) -> str:
        return self.lookup(key, lang)[0]

    def html(self, key: str, lang: str = ENGLISH) -> str:
        """The text, marked so the browser can swap it for the reader's language; an English
        fallback on a page in another language carries lang and dir so it stays isolated."""
        text, found = self.lookup(key, lang)
        attrs = lang_attrs(found) if found != lang else ""
        return f'<span data-i18n="{escape(key)}"{attrs}>{escape(text)}</span>'

    def template_html(self, key: str, **values: object) -> str:
        """A whole sentence with its {placeholders} filled ("{quads} quads from {files} files"),
        marked so the browser fills the same template in the reader's language."""
        filled = {name: str(value) for name, value in values.items()}
        spec = json.dumps(filled, ensure_ascii=False, separators=(",", ":"))
        return (f'<span data-i18n="{escape(key)}" data-i18n-vars="{escape(spec)}">'
                f'{escape(self.plain(key).format(**filled))}</span>')

    def languages(self) -> dict[str, str]:
        """Language code -> its own name (``_name`` in its file), in LANGS order."""
        return {lang: self.strings[lang].get("_name", lang) for lang in LANGS if lang in self.strings}
