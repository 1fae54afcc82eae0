"""The fields of a case study as curators see them: one spreadsheet column each, with the property
it becomes, whether it is required and what to write. The CSV template, the importer and the curator
guide all read this one list."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    TEXT = "text"  # a language-tagged text
    PLAIN = "plain"  # a text without language (codes, names)
    NUMBER = "number"
    DATE = "date"  # 2021-03-15, 2021-03 or 2021
    CONCEPT = "concept"  # one or more concepts of a vocabulary folder under data/
    COUNTRY = "country"
    URL = "url"
    ORCID = "orcid"
    LICENSE = "license"
    STATUS = "status"
    IMPACT_AREA = "impact area"
    DIRECTION = "direction"


@dataclass(frozen=True)
class Field:
    column: str
    prop: str  # the property as written in Turtle (prefixed name)
    kind: Kind
    required: bool
    help: str
    example: str
    many: bool = False  # several values, separated by "|"
    vocabulary: str = ""  # data/ folder of the concepts (Kind.CONCEPT)


SEPARATOR = "|"
IMPACT_SLOTS = 3  # impact_1_* .. impact_3_* columns in the spreadsheet

CASE_STUDY_FIELDS: tuple[Field, ...] = (
    Field("slug", "", Kind.PLAIN, True, "Short name of the case study in lower case and hyphens; it becomes the "
          "file name and the web address.", "biofertilizers-ashanti"),
    Field("title", "rdfs:label", Kind.TEXT, True, "Title, as a reader would search for it.",
          "Biofertilizers on smallholder maize farms"),
    Field("language", "dct:language", Kind.PLAIN, True, "ISO 639 code of the language the case study is "
          "written in.", "en"),
    Field("summary", "dct:abstract", Kind.TEXT, True, "Two or three sentences.", "Farmers replace part of ..."),
    Field("description", "dct:description", Kind.TEXT, True, "What was done, where, why and by whom.",
          "A group of smallholder farmers ..."),
    Field("practices", "skg:practice", Kind.CONCEPT, True, "Practices applied.", "biofertilizers",
          many=True, vocabulary="practice"),
    Field("organism_groups", "skg:organismGroup", Kind.CONCEPT, True, "Soil organism groups concerned.",
          "microorganisms", many=True, vocabulary="organism-group"),
    Field("soil_functions", "skg:soilFunction", Kind.TEXT, False, "Soil functions concerned, in words.",
          "nutrient cycling", many=True),
    Field("threats", "skg:threatAddressed", Kind.CONCEPT, True, "Threats to soil biodiversity addressed.",
          "overuse-of-fertilizers", many=True, vocabulary="threat"),
    Field("land_uses", "skg:landUse", Kind.CONCEPT, True, "Land use where it takes place.", "agricultural-land",
          many=True, vocabulary="land-use"),
    Field("themes", "skg:theme", Kind.CONCEPT, False, "Themes of the catalogue.", "biofertilizers",
          many=True, vocabulary="theme"),
    Field("country", "skg:country", Kind.COUNTRY, True, "Country: ISO 3166-1 alpha-3 code or English name.",
          "GHA"),
    Field("administrative_area", "skg:administrativeArea", Kind.PLAIN, True, "Region, province or district.",
          "Ashanti Region"),
    Field("latitude", "geo:lat", Kind.NUMBER, False, "Latitude in decimal degrees (south negative).", "6.6885"),
    Field("longitude", "geo:long", Kind.NUMBER, False, "Longitude in decimal degrees (west negative).",
          "-1.6244"),
    Field("implementer", "skg:implementer", Kind.PLAIN, True, "Who implemented the practice.",
          "Farmers' group of ..."),
    Field("start_date", "skg:startDate", Kind.DATE, True, "When it started: 2021-03-15, 2021-03 or 2021.",
          "2022-04"),
    Field("end_date", "skg:endDate", Kind.DATE, False, "When it ended; empty while it goes on.", "2023-11"),
    Field("scale", "skg:scale", Kind.PLAIN, True, "Plot, field, farm, watershed, district, national ...", "farm"),
    Field("area_hectares", "skg:areaHectares", Kind.NUMBER, False, "Area in hectares.", "12.5"),
    Field("cost_amount", "skg:costAmount", Kind.NUMBER, False, "Cost of implementation (a number).", "40"),
    Field("cost_currency", "skg:costCurrency", Kind.PLAIN, False, "ISO 4217 currency code of the cost.", "USD"),
    Field("cost_note", "skg:costNote", Kind.TEXT, False, "What the cost covers.", "per hectare and season"),
    Field("dois", "skg:doi", Kind.PLAIN, False, "DOIs that document it, without https://doi.org/ "
          "(a DOI or a reference URL is required).", "10.4060/cc9423en", many=True),
    Field("reference_urls", "skg:referenceUrl", Kind.URL, False, "Web pages that document it.",
          "https://www.fao.org/...", many=True),
    Field("license", "dct:license", Kind.LICENSE, True, "CC-BY-4.0, CC-BY-SA-4.0 or CC0-1.0.", "CC-BY-4.0"),
    Field("compiler_orcid", "skg:compiler", Kind.ORCID, True, "The compiler's ORCID iD.", "0000-0002-1825-0097"),
    Field("compiler_name", "rdfs:label", Kind.PLAIN, True, "The compiler's name.", "Josiah Carberry"),
    Field("reviewer_orcid", "skg:reviewer", Kind.ORCID, False, "The reviewer's ORCID iD (required once "
          "reviewed or published).", ""),
    Field("reviewer_name", "rdfs:label", Kind.PLAIN, False, "The reviewer's name.", ""),
    Field("status", "skg:reviewStatus", Kind.STATUS, True, "draft, submitted, reviewed or published.", "draft"),
)

IMPACT_FIELDS: tuple[Field, ...] = (
    Field("on", "skg:impactOn", Kind.IMPACT_AREA, True, "soil biodiversity, soil health, yields or livelihoods.",
          "soil biodiversity"),
    Field("direction", "skg:impactDirection", Kind.DIRECTION, True, "improvement, decline or no change.",
          "improvement"),
    Field("description", "dct:description", Kind.TEXT, True, "The impact in words.",
          "Soil microbial biomass rose."),
    Field("indicator", "skg:indicator", Kind.TEXT, False, "What was measured.", "soil microbial biomass carbon"),
    Field("value", "schema:value", Kind.NUMBER, False, "The measured change (a number).", "35"),
    Field("unit", "schema:unitText", Kind.PLAIN, False, "The unit of the change.", "mg C/kg soil"),
)


def impact_column(slot: int, field: Field) -> str:
    return f"impact_{slot}_{field.column}"


def all_columns() -> list[str]:
    columns = [f.column for f in CASE_STUDY_FIELDS]
    for slot in range(1, IMPACT_SLOTS + 1):
        columns.extend(impact_column(slot, f) for f in IMPACT_FIELDS)
    return columns


def number_columns() -> set[str]:
    """The spreadsheet columns that hold numbers (where a decimal comma is read as a decimal mark)."""
    columns = {f.column for f in CASE_STUDY_FIELDS if f.kind is Kind.NUMBER}
    for slot in range(1, IMPACT_SLOTS + 1):
        columns.update(impact_column(slot, f) for f in IMPACT_FIELDS if f.kind is Kind.NUMBER)
    return columns


def column_of_property(prop_iri: str, expand: dict[str, str]) -> str | None:
    """The spreadsheet column a property comes from (for reporting findings by column)."""
    for field in (*CASE_STUDY_FIELDS, *IMPACT_FIELDS):
        prefix, _, local = field.prop.partition(":")
        if field.prop and expand.get(prefix, "") + local == prop_iri:
            return field.column if field in CASE_STUDY_FIELDS else "impact_N_" + field.column
    return None

LICENSES: dict[str, str] = {
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}
STATUSES = ("draft", "submitted", "reviewed", "published")
IMPACT_AREAS: dict[str, str] = {"soil biodiversity": "onSoilBiodiversity", "soil health": "onSoilHealth",
                                "yields": "onYields", "livelihoods": "onLivelihoods"}
DIRECTIONS: dict[str, str] = {"improvement": "improvement", "decline": "decline", "no change": "noChange"}
