"""The resources a paragraph speaks of, and how their names are written: the full name with its acronym
on first mention, the acronym (or short name) afterwards, with the article FAO writes before names of bodies."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from soilkg.namespaces import SKG

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
SUBJECT_TYPES = {str(SKG[t]) for t in ("Initiative", "Programme", "Observatory", "PolicyFramework", "PlanOfAction",
                                       "PolicyDecision", "DecisionParagraph", "Organisation", "Network", "Survey",
                                       "Publication", "StandardOperatingProcedure", "BackgroundStudyPaper",
                                       "MeetingDocument", "Dataset", "CaseStudy")}
PUBLICATION_TYPES = {str(SKG[t]) for t in ("Publication", "StandardOperatingProcedure", "BackgroundStudyPaper")}
# Statuses a sentence need not state: the resource exists and works, which the other sentences already say.
SELF_EVIDENT = {str(SKG[s]) for s in ("established", "ongoing")}
NOT_YET = {str(SKG[s]) for s in ("planned", "inPreparation", "beingFinalized")}


PLAN = str(SKG.PlanOfAction)
ORGANISATION = str(SKG.Organisation)
LAUNCHED = str(SKG.launched)
PART_OF_DECISION = re.compile(r"^Paragraph (\d+) of (.+ decision .+)$")


def decision_words(label: str) -> str:
    """'CBD COP decision 15/28' -> 'decision 15/28 of the CBD COP', as FAO cites a decision in running text."""
    body, sep, number = label.partition(" decision ")
    return f"decision {number} of the {body}" if sep and body else label


def term(name: str) -> str:
    return str(SKG[name])


@dataclass
class Value:
    iri_or_text: str
    label: str | None
    acronym: str | None
    short: str | None = None  # skos:altLabel: "the Plan of Action (2020–2030)" rather than its full title

    @property
    def name(self) -> str:
        if self.acronym:
            return self.acronym
        if self.short:
            return running_name(self.short)
        return running_name(self.label) if self.label else self.iri_or_text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    @property
    def bare(self) -> str:
        """The name without an article (for countries and targets)."""
        return self.acronym or self.label or self.iri_or_text.rsplit("/", 1)[-1]


def head_noun(label: str) -> str:
    """A long name said again: its head, as a reporter shortens it ('NETSOB global survey on national
    initiatives ...' -> 'NETSOB global survey', 'World Bank Flagship Report on ...' -> 'World Bank Flagship
    Report'). Short names stay whole; so do official names of bodies (the caller's rule)."""
    words = label.split()
    head, sep, _ = label.partition(" on ")
    return head if sep and len(words) >= 5 and len(head.split()) >= 2 else label


def running_name(label: str) -> str:
    """A name inside a sentence: 'governments', 'the CBD Secretariat', 'the International Code ...' (a group's
    label is capitalised as a heading; a sentence starting with it is capitalised again when written)."""
    named = with_article(label)
    first = named.split(" ", 1)[0]
    return named if named.startswith("the ") or first.isupper() else named[:1].lower() + named[1:]


def with_article(label: str) -> str:
    """'the Global Soil Partnership', as FAO writes names of bodies and programmes; acronyms and lower-case
    group names ('farmers') stay bare."""
    words = label.split()
    proper = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    if proper >= 2 and not label.startswith(("The ", "A ", "Paragraph ", "Footnote ")):
        return "the " + label
    return label


@dataclass
class Subject:
    iri: str
    label: str
    acronym: str | None
    types: set[str]
    mentioned: set[str]  # shared by the whole draft: a name is spelled out once, then abbreviated
    facts: dict[str, list[Value]] = field(default_factory=lambda: defaultdict(list))
    partners: dict[str, list[Subject]] = field(default_factory=dict)  # activity -> others doing the same
    document: bool = False  # the report itself ("This document ...")
    short: str | None = None  # a short name (skos:altLabel) for later mentions of a name without an acronym

    def name(self) -> str:
        """The full name with its acronym on first mention, the acronym afterwards (as the source writes)."""
        if self.iri in self.mentioned:
            return self.acronym or with_article(self.short or self.again())
        self.mentioned.add(self.iri)
        full = with_article(self.label)
        return f"{full} ({self.acronym})" if self.acronym and self.acronym != self.label else full

    def again(self) -> str:
        """The name said again without an acronym: a body's official name whole, anything else by its head."""
        return self.label if ORGANISATION in self.types else head_noun(self.label)

    def one(self, prop: str) -> Value | None:
        values = self.facts.get(term(prop))
        return values[0] if values else None

    def names(self, prop: str) -> list[str]:
        return [v.name for v in self.facts.get(term(prop), [])]

    def bare_names(self, prop: str) -> list[str]:
        return [v.bare for v in self.facts.get(term(prop), [])]


def count_words(items: list[str]) -> str:
    n = len(items)
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def numeric_key(label: str) -> list[int]:
    """Sort 'SDG target 2.4' before 'SDG target 15.3'."""
    return [int(n) for n in re.findall(r"\d+", label)]


def aim_phrase(text: str) -> str:
    """'aims to protect ...', 'aims at stopping ...': the graph keeps aims in the source's words."""
    text = text[:1].lower() + text[1:]
    if text.startswith("to "):
        return text
    return ("at " if text.split(" ", 1)[0].endswith("ing") else "to ") + text


