"""The site's languages: interface strings, term labels and bidirectional text.

Two sources, one lookup each, both falling back to English:
- interface strings (buttons, headings, tab titles, chart labels) in site/i18n/<lang>.json;
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
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pyoxigraph as ox

from soilkg.sitegen.graph import LABEL, LANGS, PREF_LABEL

ENGLISH = "en"
RTL_LANGS = frozenset({"ar"})


def load(folder: Path) -> dict[str, dict[str, str]]:
    strings: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        path = folder / f"{lang}.json"
        if path.is_file():
            strings[lang] = json.loads(path.read_text(encoding="utf-8"))
    return strings


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

    def data_html(self, group: str, text: str) -> str:
        """A short English text from the data that belongs to a small closed set (a figure's unit
        "countries", its date note "to date"): swapped like an interface string when site/i18n has
        ``<group>.<text>``, else kept English and marked so an Arabic page isolates it."""
        key = f"{group}.{text}"
        if key in self.english:
            return self.html(key)
        return f'<span{lang_attrs(ENGLISH)}>{escape(text)}</span>'

    def languages(self) -> dict[str, str]:
        """Language code -> its own name (``_name`` in its file), in LANGS order."""
        return {lang: self.strings[lang].get("_name", lang) for lang in LANGS if lang in self.strings}

    def script(self) -> str:
        return "window.SKG_I18N=" + json.dumps(self.strings, ensure_ascii=False, separators=(",", ":")) + ";\n"


# --- term and resource labels ------------------------------------------------------------------

LABELS_QUERY = f"""SELECT ?s ?p ?o WHERE {{
  GRAPH ?g {{ ?s ?p ?o }}
  VALUES ?p {{ <{LABEL}> <{PREF_LABEL}> }}
  FILTER(isIRI(?s) && isLiteral(?o))
}}"""


@dataclass(frozen=True)
class TermLabels:
    """IRI -> language -> label; rdfs:label wins over skos:prefLabel, an untagged label is English."""

    labels: dict[str, dict[str, str]]

    @classmethod
    def from_store(cls, store: ox.Store) -> TermLabels:
        found: dict[str, dict[str, str]] = {}
        preferred: dict[str, dict[str, str]] = {}
        solutions = store.query(LABELS_QUERY)
        assert isinstance(solutions, ox.QuerySolutions)
        for row in solutions:
            subject, predicate, literal = row["s"], row["p"], row["o"]
            assert isinstance(literal, ox.Literal)
            target = found if predicate.value == LABEL else preferred
            target.setdefault(subject.value, {}).setdefault(literal.language or ENGLISH, literal.value)
        for iri, by_lang in preferred.items():
            merged = found.setdefault(iri, {})
            for lang, text in by_lang.items():
                merged.setdefault(lang, text)
        return cls(found)

    def lookup(self, iri: str, lang: str) -> tuple[str, str] | None:
        """(label, language of the label): in ``lang``, else in English, else None."""
        by_lang = self.labels.get(iri, {})
        for candidate in (lang, ENGLISH):
            if candidate in by_lang:
                return by_lang[candidate], candidate
        return None

    def label(self, iri: str, lang: str = ENGLISH, default: str | None = None) -> str | None:
        found = self.lookup(iri, lang)
        return found[0] if found else default

    def html(self, iri: str, lang: str, default: str | None = None) -> str:
        """The label escaped for a page in ``lang``, isolated when it falls back to English; the
        escaped ``default`` (or the IRI) when the term has no label at all."""
        found = self.lookup(iri, lang)
        if found is None:
            return in_page(default if default is not None else iri, None, lang)
        return in_page(found[0], found[1], lang)

    def table(self, iris: list[str] | None = None) -> dict[str, dict[str, str]]:
        """IRI -> non-English labels, for the browser's language switch (all IRIs by default)."""
        chosen = self.labels if iris is None else {i: self.labels[i] for i in iris if i in self.labels}
        return {iri: {lang: text for lang, text in by_lang.items() if lang != ENGLISH}
                for iri, by_lang in chosen.items() if len(by_lang) > 1 or ENGLISH not in by_lang}
