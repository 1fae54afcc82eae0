"""`soilkg new country`: a country the source document does not name (a case study in Kenya), written
from ISO 3166-1 as pycountry has it, in the layout of data/country/GHA.ttl.

Such a country is not stated in the report, so its provenance is the standard itself, cited as the
registry record that states the codes (`dct:source dataset:iso-3166`, data/dataset/iso-3166.ttl), which
shapes/core.ttl accepts for countries in place of `skg:statedIn` (as it still accepts the ISO web page
that earlier versions of this command wrote)."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

import pycountry
from rdflib import Literal

from soilkg.namespaces import turtle_prefixes
from soilkg.paths import Project

# pycountry's gettext catalogues for the other UN languages (Chinese: simplified, as in GHA.ttl).
UN_LOCALES = (("fr", "fr"), ("es", "es"), ("ru", "ru"), ("ar", "ar"), ("zh", "zh_CN"))


def country_path(project: Project, code: str) -> Path:
    return project.data / "country" / f"{code}.ttl"


@cache
def _catalogue(locale: str) -> gettext.NullTranslations | None:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
    except OSError:  # this pycountry has no catalogue for the language: leave its name out
        return None


def names(code: str) -> list[tuple[str, str]]:
    """(language, name) for English and each UN language pycountry translates the name into."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise ValueError(f"{code} is not an ISO 3166-1 alpha-3 code")
    english = str(country.name)
    found = [("en", english)]
    for lang, locale in UN_LOCALES:
        catalogue = _catalogue(locale)
        # gettext answers the English text when it has no translation: ask the catalogue itself, so
        # that an untranslated name is left out, while "Ghana"@fr (the same spelling) is kept.
        entries = getattr(catalogue, "_catalog", {})
        if catalogue is not None and entries.get(english):
            found.append((lang, catalogue.gettext(english)))
    return found


def country_turtle(code: str) -> str:
    """The Turtle of data/country/<code>.ttl for an ISO 3166-1 alpha-3 code."""
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise ValueError(f"{code} is not an ISO 3166-1 alpha-3 code")
    labels = names(code)
    pref = " ,\n        ".join(Literal(text, lang=lang).n3() for lang, text in labels)
    return f"""# Not named in the source document: added for a case study with `soilkg new country {code}`.
# Names, codes and M49 number from ISO 3166-1 (pycountry {_pycountry_version()}), names in other UN
# languages from pycountry's translations; the source of all of it is the standard's registry record
# (dct:source dataset:iso-3166, data/dataset/iso-3166.ttl).

{turtle_prefixes("skg", "rdfs", "skos", "dct", "dataset", "country")}
country:{code}
    a skg:Country ;
    rdfs:label {Literal(labels[0][1], lang="en").n3()} ;
    skos:prefLabel {pref} ;
    skg:iso3166Alpha2 "{country.alpha_2}" ;
    skg:iso3166Alpha3 "{country.alpha_3}" ;
    skg:m49 "{country.numeric}" ;
    dct:source dataset:iso-3166 .
"""


def _pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def write_country(project: Project, code: str) -> Path | None:
    """Write data/country/<code>.ttl unless it exists; the path written, or None when it was there."""
    path = country_path(project, code)
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(country_turtle(code), encoding="utf-8")
    return path
