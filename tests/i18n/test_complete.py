"""Every interface string of the site exists, translated, in all six UN languages: site/i18n/<lang>.json
and the list pages' titles (`kind.<folder>`), which the site reads from the kinds' skg:pluralLabel."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg.sitegen import graph as graph_module
from soilkg.sitegen import i18n
from soilkg.sitegen.graph import LANGS

FOLDER = Path(__file__).resolve().parents[2] / "site" / "i18n"
ONTOLOGY = FOLDER.parents[1] / "ontology"
OTHERS = [lang for lang in LANGS if lang != "en"]

# A value may equal the English one only when it is the same word in that language (French shares
# many with English) or carries no words to translate (acronyms, symbols, numbers).
SAME_WORD = {
    "fr": {"Catalogue", "Classes", "Date", "Initiatives", "Organisations", "Programmes", "Publications",
           "Source", "Type", "Sources", "Description", "Impact", "Latitude", "Longitude", "Licence", "Documents",
           "Plus", "Total", "Notes", "Contact", "Options", "Navigation", "Section", "Format", "Service",
           "Version", "Site"},
    "es": {"Total", "Plan", "Error"},
    "ru": set(),
    "zh": set(),
    "ar": set(),
}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def kind_titles() -> dict[str, dict[str, str]]:
    store = ox.Store()
    for path in sorted(ONTOLOGY.glob("*.ttl")):
        store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(path.as_uri()))
    return i18n.kind_titles(graph_module.load(store))


TITLES = kind_titles()


def read(lang: str) -> dict[str, str]:
    """The strings the site has in ``lang`` (Material's own aside)."""
    return {**json.loads((FOLDER / f"{lang}.json").read_text(encoding="utf-8")), **TITLES.get(lang, {})}


def no_words(value: str) -> bool:
    """Acronyms, codes, symbols and bare placeholders: 'CSV', 'ISO 3166-1', '→', '2025', '{value} {unit}'."""
    value = PLACEHOLDER.sub(" ", value)
    return all(not any(c.isalpha() for c in token) or token.isupper() for token in re.split(r"[\s/()·,:–-]+", value))


ENGLISH = read("en")


def test_english_is_the_reference() -> None:
    assert ENGLISH.get("_dir") == "ltr"
    empty = sorted(k for k, v in ENGLISH.items() if not isinstance(v, str) or not v.strip())
    assert empty == [], "empty English strings"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_key_is_translated(lang: str) -> None:
    strings = read(lang)
    missing = sorted(k for k in ENGLISH if not str(strings.get(k, "")).strip())
    assert missing == [], f"site/i18n/{lang}.json lacks: {missing}"
    stale = sorted(k for k in strings if k not in ENGLISH)
    assert stale == [], f"site/i18n/{lang}.json has keys English no longer has: {stale}"


@pytest.mark.parametrize("lang", OTHERS)
def test_no_string_is_left_in_english(lang: str) -> None:
    strings = read(lang)
    same = sorted(k for k, english in ENGLISH.items()
                  if not k.startswith("_") and strings.get(k) == english
                  and english not in SAME_WORD[lang] and not no_words(english))
    assert same == [], f"site/i18n/{lang}.json still has the English text for: {same}"


@pytest.mark.parametrize("lang", OTHERS)
def test_placeholders_are_kept(lang: str) -> None:
    strings = read(lang)
    wrong = sorted(k for k, english in ENGLISH.items() if k in strings
                   and sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(strings[k])))
    assert wrong == [], f"site/i18n/{lang}.json changes the {{placeholders}} of: {wrong}"


def test_direction_and_name() -> None:
    for lang in LANGS:
        strings = read(lang)
        assert strings.get("_dir") == ("rtl" if lang == "ar" else "ltr"), lang
        assert strings.get("_name"), lang


def test_the_check_catches_an_english_leftover() -> None:
    """The rule above is not vacuous: a copied English sentence is caught, an acronym is not."""
    assert not no_words("Download this list (CSV)")
    assert no_words("CSV")
    assert no_words("ISO 3166-1")
