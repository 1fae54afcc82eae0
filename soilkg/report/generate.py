"""Write a paragraph of the draft from the graph: one or more sentences per resource the paragraph states.

The sentences come from the resources' relations (who runs, launched or published what, where an
initiative is implemented, what a survey was sent to) and from the figures about them, with their
dates. A paragraph whose resources carry nothing to write a sentence from is left to the composer,
which quotes the source's stored text instead.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from soilkg.namespaces import SKG
from soilkg.report.gather import Row
from soilkg.report.model import Run
from soilkg.report.text import human_date, join_words, number

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
SUBJECT_TYPES = {str(SKG[t]) for t in ("Initiative", "Programme", "Observatory", "PolicyFramework", "PlanOfAction",
                                       "PolicyDecision", "DecisionParagraph", "Organisation", "Network", "Survey",
                                       "Publication", "StandardOperatingProcedure", "BackgroundStudyPaper",
                                       "MeetingDocument", "Dataset", "CaseStudy")}
PUBLICATION_TYPES = {str(SKG[t]) for t in ("Publication", "StandardOperatingProcedure", "BackgroundStudyPaper")}
# Statuses a sentence need not state: the resource exists and works, which the other sentences already say.
SELF_EVIDENT = {str(SKG[s]) for s in ("established", "ongoing")}
NOT_YET = {str(SKG[s]) for s in ("planned", "inPreparation", "beingFinalized")}


def _p(name: str) -> str:
    return str(SKG[name])


@dataclass
class Value:
    iri_or_text: str
    label: str | None
    acronym: str | None

    @property
    def name(self) -> str:
        if self.acronym:
            return self.acronym
        return with_article(self.label) if self.label else self.iri_or_text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    @property
    def bare(self) -> str:
        """The name without an article (for countries and targets)."""
        return self.acronym or self.label or self.iri_or_text.rsplit("/", 1)[-1]


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

    def name(self) -> str:
        """The full name with its acronym on first mention, the acronym afterwards (as the source writes)."""
        if self.iri in self.mentioned:
            return self.acronym or with_article(self.label)
        self.mentioned.add(self.iri)
        full = with_article(self.label)
        return f"{full} ({self.acronym})" if self.acronym and self.acronym != self.label else full

    def one(self, prop: str) -> Value | None:
        values = self.facts.get(_p(prop))
        return values[0] if values else None

    def names(self, prop: str) -> list[str]:
        return [v.name for v in self.facts.get(_p(prop), [])]

    def bare_names(self, prop: str) -> list[str]:
        return [v.bare for v in self.facts.get(_p(prop), [])]


def _count(items: list[str]) -> str:
    n = len(items)
    return NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def _numeric(label: str) -> list[int]:
    """Sort 'SDG target 2.4' before 'SDG target 15.3'."""
    return [int(n) for n in re.findall(r"\d+", label)]


def _aim(text: str) -> str:
    """'aims to protect ...', 'aims at stopping ...': the graph keeps aims in the source's words."""
    text = text[:1].lower() + text[1:]
    if text.startswith("to "):
        return text
    return ("at " if text.split(" ", 1)[0].endswith("ing") else "to ") + text


def _sentences(subject: Subject) -> list[list[Run]]:
    """Sentences about one resource, each a list of runs (the subject's name written as it is first met)."""
    out: list[list[Run]] = []
    since = subject.one("progressSince")
    if subject.document and since is not None:
        topic = subject.names("subject")
        out.append([Run("This document describes progress made in the implementation of "
                        f"{join_words(topic) or 'the initiative'} since {since.name}.")])
    is_publication = bool(subject.types & PUBLICATION_TYPES)
    status = subject.one("status")
    if is_publication:
        year = subject.one("year")
        publisher = subject.names("publishedBy")
        title = [Run(subject.label, italic=True)]
        subject.mentioned.add(subject.iri)
        if status is not None and status.iri_or_text in NOT_YET:
            venue = subject.names("publishedIn")
            tail = (f" in {venue[0]}" if venue else "") + (f" in {year.iri_or_text}" if year else "")
            out.append(title + [Run(f" is {status.name}" + (f"; it is to be published{tail}" if tail else "") + ".")])
        elif year or publisher:
            lead = f"In {year.iri_or_text}, " if year else ""
            out.append([Run(f"{lead}{join_words(publisher) or 'it was'} published "), *title, Run(".")])
    for prop, verb in (("establishedBy", "established"), ("launchedBy", "launched")):
        who = subject.names(prop)
        start = subject.one("startDate")
        if who:
            when = f" in {human_date(start.iri_or_text)}" if start else ""
            out.append([Run(f"{join_words(who)} {verb} {subject.name()}{when}.")])
    if not subject.names("establishedBy") and not subject.names("launchedBy") and not is_publication:
        start = subject.one("startDate")
        if start is not None:
            out.append([Run(f"{subject.name()} was established in {human_date(start.iri_or_text)}.")])
    simple = (("runBy", "is run by"), ("unitOf", "is part of"), ("hostedBy", "acts through"),
              ("designedBy", "was designed by"), ("leadsImplementationOf", "leads the implementation of"),
              ("facilitatesImplementationOf", "facilitates the implementation of"), ("adopts", "adopted"),
              ("establishes", "established"), ("buildsOn", "builds on"), ("contributesTo", "contributes to"),
              ("inLineWith", "works in line with"), ("supports", "is a step towards"),
              ("withinFramework", "is placed within"), ("inCollaborationWith", "works in collaboration with"),
              ("collaboratesWith", "collaborates with"), ("resultsOf", "presents the results of"),
              ("presentedAt", "was presented at"))
    for prop, phrase in simple:
        names = subject.names(prop)
        if names:
            out.append([Run(f"{subject.name()} {phrase} {join_words(names)}.")])
    invited = subject.names("invites")
    if invited:
        through = subject.names("invitesThrough")
        to = subject.one("invitationTo")
        out.append([Run(f"{subject.name()} invited {join_words(invited)}"
                        + (f" through {join_words(through)}" if through else "")
                        + (f" {_aim(to.iri_or_text)}" if to else "") + ".")])
    respondents = subject.one("respondents")
    if respondents is not None:
        out.append([Run(f"{subject.name()} was sent to {respondents.iri_or_text}.")])
    for aim in subject.facts.get(_p("aim"), []):
        out.append([Run(f"{subject.name()} aims {_aim(aim.iri_or_text)}.")])
    for activity in subject.facts.get(_p("activity"), []):
        text = activity.iri_or_text
        partners = subject.partners.get(text, [])
        doers = join_words([subject.name(), *(p.name() for p in partners)])
        # The graph words activities as gerunds ("building and strengthening ..."): "X is building ...".
        head, _, rest = text.partition(" ")
        if head.endswith("ing"):  # "building and strengthening ..." -> "X is building ..."
            sentence = f"{doers} {'are' if partners else 'is'} {text}."
        elif head.endswith("s") and not head.endswith("ss") and text[:1].islower():  # "works to ...", "helps ..."
            sentence = f"{doers} {head[:-1] + ' ' + rest if partners else text}."
        else:  # a statement of its own ("the use of ... are key aspects of INSOP's work")
            sentence = f"For {doers}: {text}."
        out.append([Run(sentence)])
    implemented = subject.bare_names("implementedIn")
    if implemented:
        out.append([Run(f"{subject.name()} is being implemented in {_count(implemented)} countries: "
                        f"{join_words(sorted(implemented))}.")])
    joined = subject.bare_names("joinedBy")
    if joined:
        out.append([Run(f"{_count(joined).capitalize()} other countries have joined {subject.name()}: "
                        f"{join_words(sorted(joined))}.")])
    targets = subject.bare_names("sdgTarget")
    if targets:
        out.append([Run(f"{subject.name()} helps countries report on {join_words(sorted(targets, key=_numeric))}.")])
    if status is not None and not is_publication and status.iri_or_text not in SELF_EVIDENT:
        out.append([Run(f"Status of {subject.name()}: {status.name}.")])
    return [_capitalised(s) for s in out]


def _capitalised(sentence: list[Run]) -> list[Run]:
    first = sentence[0]
    if first.text[:1].islower():
        sentence[0] = Run(first.text[0].upper() + first.text[1:], first.italic, first.href, first.note)
    return sentence


def figure_phrase(row: Row) -> str:
    comparator = row.get("comparatorLabel", "")
    comparator = "" if comparator in ("", "exactly") else comparator + " "
    unit = f" {row['unit']}" if "unit" in row else ""
    measures = f" ({row['measures']})" if "measures" in row and row["measures"] != row.get("unit") else ""
    return f"{comparator}{number(row['value'])}{unit}{measures}"


def as_of_phrase(row: Row, reported: str) -> str:
    if "asOf" in row:
        return f"as of {human_date(row['asOf'])}"
    if "asOfNote" in row:
        return f"{row['asOfNote']} (as reported for the session of {reported})" if reported else row["asOfNote"]
    return f"as reported for the session of {reported}" if reported else "undated"


@dataclass
class ParagraphInput:
    iri: str
    number: int
    text: str  # verbatim: only used to place each fact in the paragraph that states it and to order resources
    figures: list[Row]  # report-figures rows for this paragraph
    notes: dict[str, list[str]]  # footnote IRI called from this paragraph -> what it cites


def _mentions(text: str, value: Value) -> bool:
    """Whether a paragraph's text states this value: the head of a phrase, a name, or a year."""
    if value.label is None and value.acronym is None:
        phrase = value.iri_or_text
        return phrase[:40] in text or phrase[:4] in text and phrase[:4].isdigit()
    lowered = text.lower()
    return any(name and name.lower() in lowered for name in (value.acronym, value.label))


def _pair_shared_activities(subjects: list[Subject]) -> None:
    """Two resources doing the same thing make one sentence ("GLOSOLAN and NETSOB are building ...")."""
    activity = _p("activity")
    first_with: dict[str, Subject] = {}
    for subject in subjects:
        keep: list[Value] = []
        for value in subject.facts.get(activity, []):
            owner = first_with.setdefault(value.iri_or_text, subject)
            if owner is subject:
                keep.append(value)
            else:
                owner.partners.setdefault(value.iri_or_text, []).append(subject)
        if activity in subject.facts:
            subject.facts[activity] = keep


# A relation the graph states both ways is written once, from the side that reads naturally.
INVERSES = {_p("establishes"): _p("establishedBy"), _p("launches"): _p("launchedBy")}
SAME_AS = {_p("withinFramework"): _p("unitOf"), _p("hostedBy"): _p("unitOf")}


def _said_otherwise(triples: set[tuple[str, str, str]], subject: str, prop: str, value: str) -> bool:
    if prop in INVERSES and (value, INVERSES[prop], subject) in triples:
        return True
    if prop == _p("collaboratesWith") and (value, prop, subject) in triples and value < subject:
        return True
    return prop in SAME_AS and (subject, SAME_AS[prop], value) in triples


class Writer:
    """Writes the draft's paragraphs one after another, each fact once, each name spelled out once."""

    def __init__(self, sources: list[Row], facts: list[Row], texts: dict[str, str], reported: str,
                 document: str) -> None:
        self.reported = reported
        self.document = document
        self.mentioned: set[str] = set()
        self.info: dict[str, Row] = {}
        self.types: dict[str, set[str]] = defaultdict(set)
        self.stated: dict[str, list[str]] = defaultdict(list)  # paragraph -> resources, as the source orders them
        for row in sources:
            resource, paragraph = row["resource"], row.get("paragraph")
            self.info.setdefault(resource, row)
            if "type" in row:
                self.types[resource].add(row["type"])
            if paragraph and row.get("part") == paragraph and resource not in self.stated[paragraph]:
                self.stated[paragraph].append(resource)
        # Each fact goes to the paragraph whose text states it, else to the first paragraph stating its resource.
        self.placed: dict[tuple[str, str], dict[str, list[Value]]] = defaultdict(lambda: defaultdict(list))
        first: dict[str, str] = {}
        for paragraph in sorted(self.stated, key=lambda iri: int(iri.rsplit("p", 1)[-1]) if iri[-1].isdigit() else 0):
            for resource in self.stated[paragraph]:
                first.setdefault(resource, paragraph)
        triples = {(r["resource"], r["property"], r["value"]) for r in facts}
        rows_of: dict[tuple[str, str], list[Value]] = defaultdict(list)
        for r in facts:
            sibling = Value(r["value"], r.get("valueLabel"), r.get("valueAcronym"))
            rows_of[(r["resource"], r["property"])].append(sibling)
        for row in facts:
            resource = row["resource"]
            if resource not in first or _said_otherwise(triples, resource, row["property"], row["value"]):
                continue
            value = Value(row["value"], row.get("valueLabel"), row.get("valueAcronym"))
            home = self._home(resource, value, rows_of[(resource, row["property"])], texts, first[resource])
            values = self.placed[(home, resource)][row["property"]]
            if all(v.iri_or_text != value.iri_or_text for v in values):
                values.append(value)

    def _home(self, resource: str, value: Value, siblings: list[Value], texts: dict[str, str], first: str) -> str:
        """The paragraph a fact is written in. A phrase goes where the text states it; related resources
        (those invited, countries) go together, where the text names most of them."""
        candidates = [p for p, rs in self.stated.items() if resource in rs]
        if value.label is None and value.acronym is None:
            homes = [p for p in candidates if _mentions(texts.get(p, ""), value)]
            return min(homes, key=lambda p: p != first) if homes else first
        scores = {p: sum(_mentions(texts.get(p, ""), v) for v in siblings) for p in candidates}
        best = max(scores.values(), default=0)
        if best == 0:
            return first
        return min((p for p, s in scores.items() if s == best), key=lambda p: p != first)

    def _subjects(self, data: ParagraphInput) -> list[Subject]:
        out: list[Subject] = []
        for resource in self.stated.get(data.iri, []):
            if not self.types[resource] & SUBJECT_TYPES:
                continue
            row = self.info[resource]
            subject = Subject(resource, row.get("label", resource), row.get("acronym"), self.types[resource],
                              self.mentioned)
            subject.document = resource == self.document
            subject.facts.update({k: list(v) for k, v in self.placed.get((data.iri, resource), {}).items()})
            out.append(subject)
        _pair_shared_activities(out)

        def position(subject: Subject) -> int:
            found = [data.text.find(t) for t in (subject.label, subject.acronym or "") if t and t in data.text]
            return min(found) if found else len(data.text)

        return sorted(out, key=position)

    def paragraph(self, data: ParagraphInput) -> tuple[list[Run] | None, list[str]]:
        """The paragraph written from the graph with its footnote marks (None when there is nothing to write),
        and the resources it drew on."""
        runs: list[Run] = []
        placed: set[str] = set()
        about_done: set[str] = set()
        used: list[str] = []
        for subject in self._subjects(data):
            sentences = _sentences(subject)
            figures = [f for f in data.figures if f.get("about") == subject.iri]
            if figures:
                about_done.add(subject.iri)
                when = as_of_phrase(figures[0], self.reported)
                sentences.append([Run(f"Figures for {subject.name()}, {when}: "
                                      + "; ".join(figure_phrase(f) for f in figures) + ".")])
            if not sentences:
                continue
            used.append(subject.iri)
            marks = [Run(note=key) for key, cited in data.notes.items() if subject.iri in cited and key not in placed]
            placed.update(m.note for m in marks if m.note)
            for index, sentence in enumerate(sentences):
                if runs:
                    runs.append(Run(" "))
                runs.extend(sentence)
                if index == 0:
                    runs.extend(marks)
        loose = [f for f in data.figures if f.get("about") not in about_done]
        if loose:
            runs.append(Run((" " if runs else "") + "Figures reported: " + "; ".join(
                f"{figure_phrase(f)}, {as_of_phrase(f, self.reported)}" for f in loose) + "."))
        if not runs:
            return None, []
        # Footnotes whose cited resources have no sentence of their own still belong to the paragraph.
        runs.extend(Run(note=key) for key in data.notes if key not in placed)
        return runs, used
