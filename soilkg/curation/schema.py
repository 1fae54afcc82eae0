"""The case study as curators and contributors see it, written once: its sections in QCAT's order,
each field with the property it becomes, whether it is required, its vocabulary and what to write.
The Turtle template (`soilkg new case-study`), the spreadsheet template and its importer, the
catalogue's contribution form and the curator guide's field list are all made from this one list;
tests/curation/test_schema.py checks it against shapes/case-study.ttl and the ontology."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    TEXT = "text"  # a language-tagged text
    PLAIN = "plain"  # a text without language (codes, names)
    CURRENCY = "currency"  # an ISO 4217 code, written as a plain text
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


class Form(Enum):
    """How the contribution form treats a field."""

    ASK = "ask"  # the contributor fills it in
    FIXED = "fixed"  # the form writes its `form_value` (a contribution arrives as "submitted")
    CURATOR = "curator"  # left for the curator (the reviewer)


# (key, title): the sections of a case study, after WOCAT's technology questionnaire.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("general", "General information"),
    ("description", "Description"),
    ("classification", "Classification"),
    ("location", "Location"),
    ("implementation", "Implementation"),
    ("impacts", "Impacts"),
    ("references", "References, licence and review"),
)


@dataclass(frozen=True)
class Field:
    column: str
    prop: str  # the property as written in Turtle (prefixed name)
    kind: Kind
    required: bool
    section: str  # a key of SECTIONS
    help: str
    example: str  # a value as a spreadsheet cell holds it (the template's example row)
    many: bool = False  # several values, separated by "|"
    vocabulary: str = ""  # data/ folder of the concepts (Kind.CONCEPT)
    placeholder: str = ""  # what the Turtle template writes after "TODO: " until the curator fills it in
    note: str = ""  # the Turtle template's comment, where it differs from `help`
    sample: str = ""  # the Turtle template's commented-out example, where `example` is empty
    form: Form = Form.ASK
    form_value: str = ""  # Form.FIXED: the cell value the form writes


SEPARATOR = "|"
IMPACT_SLOTS = 3  # impact_1_* .. impact_3_* columns in the spreadsheet (and impacts in the form)
TODO = "TODO"

# Cell forms the importer and the form accept (the shapes then check the Turtle they become).
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
NUMBER = re.compile(r"^[+-]?(?:\d+|\d*\.\d+)(?:[eE][+-]?\d+)?$")  # a Turtle numeric literal, as written
ORCID = re.compile(r"^(?:https?://orcid\.org/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MESSAGE = "cannot be a file name: use lower case letters, digits and hyphens"
ORCID_BASE = "https://orcid.org/"

CASE_STUDY_FIELDS: tuple[Field, ...] = (
    Field("slug", "", Kind.PLAIN, True, "general", "Short name of the case study in lower case and hyphens; it "
          "becomes the file name and the web address.", "biofertilizers-ashanti"),
    Field("title", "rdfs:label", Kind.TEXT, True, "general", "Title, as a reader would search for it.",
          "Biofertilizers on smallholder maize farms", placeholder="title"),
    Field("language", "dct:language", Kind.PLAIN, True, "general", "ISO 639 code of the language the case study is "
          "written in.", "en"),
    Field("summary", "dct:abstract", Kind.TEXT, True, "general", "Two or three sentences.",
          "Farmers replace part of ...", placeholder="two or three sentences."),
    Field("description", "dct:description", Kind.TEXT, True, "description", "What was done, where, why and by whom.",
          "A group of smallholder farmers ...", placeholder="what was done, where, why and by whom."),
    Field("practices", "skg:practice", Kind.CONCEPT, True, "classification", "Practices applied.", "biofertilizers",
          many=True, vocabulary="practice"),
    Field("organism_groups", "skg:organismGroup", Kind.CONCEPT, True, "classification",
          "Soil organism groups concerned.", "microorganisms", many=True, vocabulary="organism-group"),
    Field("soil_functions", "skg:soilFunction", Kind.TEXT, False, "classification",
          "Soil functions concerned, in words.", "nutrient cycling", many=True),
    Field("threats", "skg:threatAddressed", Kind.CONCEPT, True, "classification",
          "Threats to soil biodiversity addressed.", "overuse-of-fertilizers", many=True, vocabulary="threat"),
    Field("land_uses", "skg:landUse", Kind.CONCEPT, True, "classification", "Land use where it takes place.",
          "agricultural-land", many=True, vocabulary="land-use"),
    Field("themes", "skg:theme", Kind.CONCEPT, False, "classification", "Themes of the catalogue.",
          "biofertilizers", many=True, vocabulary="theme"),
    Field("country", "skg:country", Kind.COUNTRY, True, "location", "Country: ISO 3166-1 alpha-3 code or English "
          "name.", "GHA", note="ISO 3166-1 alpha-3 code after `country:` (country:GHA, country:MEX ...)."),
    Field("administrative_area", "skg:administrativeArea", Kind.PLAIN, True, "location",
          "Region, province or district.", "Ashanti Region", placeholder="region, province or district"),
    Field("latitude", "geo:lat", Kind.NUMBER, False, "location", "Latitude in decimal degrees (south negative).",
          "6.6885"),
    Field("longitude", "geo:long", Kind.NUMBER, False, "location", "Longitude in decimal degrees (west negative).",
          "-1.6244"),
    Field("implementer", "skg:implementer", Kind.PLAIN, True, "implementation", "Who implemented the practice.",
          "Farmers' group of ...", placeholder="who implemented the practice",
          note="A name in quotes, or an organisation of the graph such as organisation:fao."),
    Field("start_date", "skg:startDate", Kind.DATE, True, "implementation", "When it started: 2021-03-15, 2021-03 "
          "or 2021.", "2022-04", placeholder="2021-03-15",
          note='As precise as you know: "2021-03-15"^^xsd:date, "2021-03"^^xsd:gYearMonth or "2021"^^xsd:gYear.'),
    Field("end_date", "skg:endDate", Kind.DATE, False, "implementation", "When it ended; empty while it goes on.",
          "2023-11"),
    Field("scale", "skg:scale", Kind.PLAIN, True, "implementation", "Plot, field, farm, watershed, district, "
          "national ...", "farm", placeholder="plot, field, farm, watershed, district or national"),
    Field("area_hectares", "skg:areaHectares", Kind.NUMBER, False, "implementation", "Area in hectares.", "12.5"),
    Field("cost_amount", "skg:costAmount", Kind.NUMBER, False, "implementation",
          "Cost of implementation (a number).", "40"),
    Field("cost_currency", "skg:costCurrency", Kind.CURRENCY, False, "implementation",
          "ISO 4217 currency code of the cost.", "USD"),
    Field("cost_note", "skg:costNote", Kind.TEXT, False, "implementation", "What the cost covers.",
          "per hectare and season"),
    Field("dois", "skg:doi", Kind.PLAIN, False, "references", "DOIs that document it, without https://doi.org/ "
          "(a DOI or a reference URL is required).", "10.4060/cc9423en", many=True),
    Field("reference_urls", "skg:referenceUrl", Kind.URL, False, "references", "Web pages that document it.",
          "https://www.fao.org/...", many=True, placeholder="https://TODO.example/page-that-documents-it",
          note='At least one reference: a web page here and/or a DOI as skg:doi "10.4060/cc9423en".'),
    Field("license", "dct:license", Kind.LICENSE, True, "references", "CC-BY-4.0, CC-BY-SA-4.0 or CC0-1.0.",
          "CC-BY-4.0", note="CC BY 4.0 (as here), CC BY-SA 4.0 or CC0 1.0 "
          "(creativecommons.org/publicdomain/zero/1.0/)."),
    Field("compiler_orcid", "skg:compiler", Kind.ORCID, True, "references", "The compiler's ORCID iD.",
          "0000-0002-1825-0097", note="Your ORCID iD; your name is at the end of the file."),
    Field("compiler_name", "rdfs:label", Kind.PLAIN, True, "references", "The compiler's name.", "Josiah Carberry",
          placeholder="your name"),
    Field("reviewer_orcid", "skg:reviewer", Kind.ORCID, False, "references", "The reviewer's ORCID iD (required "
          "once reviewed or published).", "", sample="0000-0000-0000-0000",
          note="The reviewer adds their ORCID iD (and name below) when they review it.", form=Form.CURATOR),
    Field("reviewer_name", "rdfs:label", Kind.PLAIN, False, "references", "The reviewer's name.", "",
          form=Form.CURATOR),
    # The reporting cycle's part (shapes/cycle.ttl): written when the case study is published. The status
    # stays the last field, so that the template's and the form's last statement (ending " .") is always there.
    Field("published_date", "dct:issued", Kind.DATE, False, "references", "The date it was published: "
          "2026-05-04, 2026-05 or 2026 (`soilkg new status --of case-study:SLUG --status published` writes it).",
          "", sample="2026-05-04", note="The date it was published; `soilkg new status --of case-study:SLUG "
          "--status published --date 2026-05-04` writes it with the status.", form=Form.CURATOR),
    Field("mentioned_in", "skg:mentionedIn", Kind.URL, False, "references", "Paragraphs or footnotes of a "
          "document, or web pages, that announce or report it (their IRIs).", "", many=True,
          sample="https://w3id.org/soilkg/id/document/cgrfa-21-item-8-4/p9", note="A paragraph, footnote or "
          "web page that announces or reports it (`soilkg new status ... --source` writes it).",
          form=Form.CURATOR),
    Field("status", "skg:reviewStatus", Kind.STATUS, True, "references", "draft, submitted, reviewed or published.",
          "draft", note="draft -> submitted (ready for review) -> reviewed -> published.",
          form=Form.FIXED, form_value="submitted"),
)

IMPACT_FIELDS: tuple[Field, ...] = (
    Field("on", "skg:impactOn", Kind.IMPACT_AREA, True, "impacts",
          "soil biodiversity, soil health, yields or livelihoods.", "soil biodiversity"),
    Field("direction", "skg:impactDirection", Kind.DIRECTION, True, "impacts", "improvement, decline or no change.",
          "improvement"),
    Field("description", "dct:description", Kind.TEXT, True, "impacts", "The impact in words.",
          "Soil microbial biomass rose.", placeholder="the impact in words."),
    Field("indicator", "skg:indicator", Kind.TEXT, False, "impacts", "What was measured.",
          "soil microbial biomass carbon"),
    Field("value", "schema:value", Kind.NUMBER, False, "impacts", "The measured change (a number).", "35"),
    Field("unit", "schema:unitText", Kind.PLAIN, False, "impacts", "The unit of the change.", "mg C/kg soil"),
)

# The two people a case study names by ORCID iD, each with the column that holds their name.
PERSON_NAMES: dict[str, str] = {"compiler_orcid": "compiler_name", "reviewer_orcid": "reviewer_name"}
NOT_PROPERTIES = frozenset({"slug", *PERSON_NAMES.values()})  # columns written elsewhere than as a property

LICENSES: dict[str, str] = {
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}
STATUSES = ("draft", "submitted", "reviewed", "published")
IMPACT_AREAS: dict[str, str] = {"soil biodiversity": "onSoilBiodiversity", "soil health": "onSoilHealth",
                                "yields": "onYields", "livelihoods": "onLivelihoods"}
DIRECTIONS: dict[str, str] = {"improvement": "improvement", "decline": "decline", "no change": "noChange"}


def choices(kind: Kind) -> dict[str, str]:
    """Cell value -> the `skg:` local name it becomes, for the kinds with a fixed list of values."""
    if kind is Kind.STATUS:
        return {s: s for s in STATUSES}
    return IMPACT_AREAS if kind is Kind.IMPACT_AREA else DIRECTIONS if kind is Kind.DIRECTION else {}


def concept_prefix(folder: str) -> str:
    """The Turtle prefix of a vocabulary folder's concepts: `organismgroup:` for data/organism-group/."""
    return folder.replace("-", "")


def section_fields(key: str) -> list[Field]:
    return [f for f in CASE_STUDY_FIELDS if f.section == key]


def impact_column(slot: int, field: Field) -> str:
    return f"impact_{slot}_{field.column}"


def all_columns() -> list[str]:
    columns = [f.column for f in CASE_STUDY_FIELDS]
    for slot in range(1, IMPACT_SLOTS + 1):
        columns.extend(impact_column(slot, f) for f in IMPACT_FIELDS)
    return columns


def required_columns() -> list[str]:
    """The columns a spreadsheet's header must have (the first impact's required ones among them)."""
    return [f.column for f in CASE_STUDY_FIELDS if f.required] + \
        [impact_column(1, f) for f in IMPACT_FIELDS if f.required]


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
