"""Every class, property and controlled value of the ontology has a label in each of the other five
UN languages (ontology/translations.ttl), every class with a plural label has its plural in them too,
and the site's lookups read them from a real store."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg.kinds import KIND_TABLE
from soilkg.namespaces import SKG
from soilkg.sitegen import graph as graph_module
from soilkg.sitegen import i18n, material
from soilkg.sitegen.graph import LANGS

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
TRANSLATIONS = ONTOLOGY / "translations.ttl"
OTHERS = ("ar", "zh", "fr", "ru", "es")
CASED = ("fr", "ru", "es")
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
PLURAL = str(SKG.pluralLabel)
TRANSLATED_PREDICATES = (LABEL, PREF_LABEL, PLURAL)


def read(path: Path) -> list[tuple[str, str, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple]]:
    """(subject IRI, predicate IRI, object) of a Turtle file; pyoxigraph reads RDF 1.2 annotations too."""
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return [(q.subject.value, q.predicate.value, q.object) for q in store
            if isinstance(q.subject, ox.NamedNode)]


def english_terms() -> dict[str, set[str]]:
    """Term -> the label predicates it has in English, over every ontology file but the translations."""
    terms: dict[str, set[str]] = {}
    for path in sorted(ONTOLOGY.glob("*.ttl")):
        if path == TRANSLATIONS:
            continue
        for subject, predicate, label in read(path):
            if predicate in TRANSLATED_PREDICATES and isinstance(label, ox.Literal) and label.language in (None, "en"):
                terms.setdefault(subject, set()).add(predicate)
    return terms


TERMS = english_terms()
TRANSLATED = read(TRANSLATIONS)


def labels(term: str, predicate: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for subject, pred, label in TRANSLATED:
        if subject == term and pred == predicate and isinstance(label, ox.Literal):
            found.setdefault(label.language or "", []).append(label.value)
    return found


def literals() -> list[tuple[str, ox.Literal]]:
    return [(p, o) for _, p, o in TRANSLATED if isinstance(o, ox.Literal)]


def test_the_ontology_has_terms_to_translate() -> None:
    assert str(SKG.Initiative) in TERMS and str(SKG.published) in TERMS
    assert len(TERMS) > 150


@pytest.mark.parametrize("lang", OTHERS)
def test_every_term_has_one_label_per_language(lang: str) -> None:
    missing, doubled = [], []
    for term, predicates in TERMS.items():
        for predicate in predicates:
            found = labels(term, predicate).get(lang, [])
            if not found:
                missing.append(f"{term} {predicate}")
            elif len(found) > 1:
                doubled.append(f"{term} {predicate}: {found}")
    assert missing == [], f"ontology/translations.ttl has no @{lang} label for: {sorted(missing)}"
    assert doubled == [], f"two @{lang} labels: {doubled}"


def test_translations_name_only_terms_of_the_ontology() -> None:
    """A misspelt term (skg:statedln) would add a label nobody reads; our namespace must match."""
    ours = {s for s, _, _ in TRANSLATED if s.startswith(str(SKG))}
    assert sorted(ours - set(TERMS)) == []


def test_translations_add_no_english_and_nothing_but_labels() -> None:
    assert {p for _, p, _ in TRANSLATED} <= set(TRANSLATED_PREDICATES)
    assert [o for _, o in literals() if o.language not in OTHERS] == []


def test_labels_are_in_sentence_case() -> None:
    wrong = [f"{s} {o}" for s, p, o in TRANSLATED
             if isinstance(o, ox.Literal) and o.language in CASED and not o.value[:1].isupper()]
    assert wrong == []


def test_arabic_and_chinese_labels_are_in_their_script() -> None:
    """A label copied from English would pass the completeness test; its script gives it away."""
    def mostly_latin(text: str) -> bool:
        """More Latin words than Arabic words and Chinese characters (a Chinese word is 1-3 of them)."""
        latin = len(re.findall(r"[A-Za-z]+", text))
        own = len(re.findall(r"[\u0600-\u06ff]+", text)) + len(re.findall(r"[\u4e00-\u9fff]", text))
        return latin > own

    latin = [o.value for _, o in literals() if o.language in ("ar", "zh") and mostly_latin(o.value)]
    assert latin == []


def test_every_section_names_its_terminology_source() -> None:
    text = TRANSLATIONS.read_text(encoding="utf-8")
    sections = [line[len("# Source: "):] for line in text.splitlines() if line.startswith("# Source: ")]
    assert sections and all(s.startswith(("UNTERM", "AGROVOC", "translated here")) for s in sections)
    first_term = min(i for i, line in enumerate(text.splitlines()) if line.startswith(("skg:", "rdf", "skos:", "dct:")))
    assert any(line.startswith("# Source: ") for line in text.splitlines()[:first_term])


# --- the lookups the site uses, on a real store ------------------------------------------------

@pytest.fixture(scope="module")
def store() -> ox.Store:
    loaded = ox.Store()
    for path in sorted(ONTOLOGY.glob("*.ttl")):
        loaded.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(f"urn:test:{path.name}"))
    return loaded


def test_term_labels_from_the_store(store: ox.Store) -> None:
    """The site's one label lookup (SiteGraph.labels / label) reads the translations."""
    graph = graph_module.load(store)
    assert graph.labels(str(SKG.statedIn))["fr"] == "Énoncé dans"
    assert graph.label(str(SKG.statedIn), "en") == "stated in"
    assert graph.label(str(SKG.published), "zh") == "已发布"
    # An unknown language falls back to English.
    assert graph.label(str(SKG.statedIn), "de") == "stated in"


def test_list_titles_are_the_plural_labels_of_the_kinds_classes(store: ox.Store) -> None:
    """`kind.<folder>` (list titles, navigation, catalogue, search, the browser's language switch) is read
    from skg:pluralLabel, in every language, for every kind of soilkg/kinds.py; not from site/i18n/."""
    titles = i18n.kind_titles(graph_module.load(store))
    assert titles["fr"]["kind.network"] == "Réseaux" and titles["en"]["kind.status-change"] == "Status changes"
    assert {lang: len(titles.get(lang, {})) for lang in LANGS} == {lang: len(KIND_TABLE) for lang in LANGS}
    strings = i18n.Strings(i18n.load(ONTOLOGY.parent / "site" / "i18n", titles))
    assert strings.html("kind.network", "ar") == '<span data-i18n="kind.network">الشبكات</span>'
    assert strings.plain("kind.web-page") == "Web pages"


def test_material_strings_come_from_the_installed_theme() -> None:
    """Material's own interface strings are its vetted translations, read from the theme."""
    zh = material.material_strings("zh")
    assert zh["md.search.result.placeholder"] == "键入以开始搜索" and "#" in zh["md.search.result.other"]
    assert material.material_strings("en")["md.top"] == "Back to top"
    assert set(material.material_strings("ar")) == set(material.material_strings("en"))


def test_sentence_templates_are_filled_whole() -> None:
    strings = i18n.Strings({"en": {"n": "{quads} quads from {files} files"}})
    assert strings.template_html("n", quads=3, files="<2>") == (
        '<span data-i18n="n" data-i18n-vars="{&quot;quads&quot;:&quot;3&quot;,'
        '&quot;files&quot;:&quot;&lt;2&gt;&quot;}">'
        '3 quads from &lt;2&gt; files</span>')


def test_interface_strings_fall_back_to_english() -> None:
    strings = i18n.Strings({"en": {"home": "Home", "map": "Map"}, "ar": {"home": "الصفحة الرئيسية"}})
    assert strings.text("home", "ar") == "الصفحة الرئيسية"
    assert strings.text("map", "ar") == "Map"
    assert strings.html("home") == '<span data-i18n="home">Home</span>'
    assert strings.html("map", "ar") == '<span data-i18n="map" lang="en" dir="ltr">Map</span>'
    assert strings.plain("nothing") == "nothing"


def test_direction_helpers() -> None:
    assert i18n.direction("ar") == "rtl" and i18n.direction("zh") == "ltr"
    assert i18n.lang_attrs("ar") == ' lang="ar" dir="rtl"'
    assert i18n.bdi("a<b", "en") == '<bdi lang="en" dir="ltr">a&lt;b</bdi>'
    assert i18n.in_page("Rome", "en", "en") == "Rome"
    assert i18n.sentence_case("stated in") == "Stated in" and i18n.sentence_case("DOI") == "DOI"
