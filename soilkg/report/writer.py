"""Write a paragraph of the draft from the graph: one or more sentences per resource the paragraph states.

The sentences come from the resources' relations (who runs, launched or published what, where an
initiative is implemented, what a survey was sent to) and from the figures about them, with their
dates. A paragraph whose resources carry nothing to write a sentence from is left to the composer,
which quotes the source's stored text instead.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from soilkg.report.gather import Row
from soilkg.report.model import Run
from soilkg.report.sentences import as_of_phrase, figure_phrase, sentences_about
from soilkg.report.subjects import SUBJECT_TYPES, Subject, Value, term, with_article
from soilkg.report.text import human_date

StatedBy = Callable[[str, str, str], list[str]]  # (subject, property, value) -> the passages stating it


@dataclass
class ParagraphInput:
    iri: str
    number: int
    text: str  # verbatim: only used to place each fact in the paragraph that states it and to order resources
    figures: list[Row]  # report-figures rows for this paragraph
    notes: dict[str, list[str]]  # footnote IRI called from this paragraph -> what it cites


def _same_status_together(runs: list[Run]) -> list[Run]:
    """Works in the same state make one sentence, as the source writes it: '*A*, *B* and *C* are being
    finalized.' rather than three sentences."""
    out: list[Run] = []
    index = 0
    while index < len(runs):
        group = [index]
        while True:
            at = group[-1]
            nxt = at + 3  # title, " is ...", " "
            if (_status_pair(runs, at) and runs[at + 2:at + 3] == [Run(" ")] and _status_pair(runs, nxt)
                    and runs[nxt + 1].text == runs[at + 1].text):
                group.append(nxt)
            else:
                break
        if len(group) == 1:
            out.append(runs[index])
            index += 1
            continue
        state = runs[index + 1].text[len(" is "):]
        for position, at in enumerate(group):
            if position:
                out.append(Run(" and " if position == len(group) - 1 else ", "))
            out.append(runs[at])
        out.append(Run(f" are {state}"))
        index = group[-1] + 2
    return out


def _status_pair(runs: list[Run], at: int) -> bool:
    """An italic title followed by ' is <status>.' with nothing else in the sentence."""
    return (at + 1 < len(runs) and runs[at].italic and runs[at].note is None
            and runs[at + 1].text.startswith(" is ") and runs[at + 1].text.endswith(".")
            and ";" not in runs[at + 1].text and not runs[at + 1].italic)


def _pronoun(sentence: list[Run], subject: Subject) -> list[Run]:
    """A name without an acronym is not spelled out again in the sentences that follow its first: 'It ...'."""
    first = sentence[0]
    for name in {with_article(subject.short or subject.again()), with_article(subject.label)}:
        for written in (name, name[:1].upper() + name[1:]):
            if first.text.startswith(written + " ") and first.note is None:
                return [Run("It" + first.text[len(written):], first.italic, first.href), *sentence[1:]]
    return sentence


def _paragraph_number(iri: str) -> int:
    tail = iri.rsplit("/p", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _pair_shared_activities(subjects: list[Subject]) -> None:
    """Two resources doing the same thing make one sentence ("GLOSOLAN and NETSOB are building ...")."""
    activity = term("activity")
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
INVERSES = {term("establishes"): term("establishedBy"), term("launches"): term("launchedBy")}
SAME_AS = {term("withinFramework"): term("unitOf"), term("hostedBy"): term("unitOf")}


def _said_otherwise(triples: set[tuple[str, str, str]], subject: str, prop: str, value: str) -> bool:
    if prop in INVERSES and (value, INVERSES[prop], subject) in triples:
        return True
    if prop == term("collaboratesWith") and (value, prop, subject) in triples and value < subject:
        return True
    return prop in SAME_AS and (subject, SAME_AS[prop], value) in triples


class Writer:
    """Writes the draft's paragraphs one after another, each fact once, each name spelled out once."""

    def __init__(self, sources: list[Row], facts: list[Row], stated_by: StatedBy, part_of: dict[str, str],
                 reported: str, document: str) -> None:
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
        # Each fact goes to the paragraph that states it (statement-level sources: the paragraph itself, or a
        # footnote it calls); a fact no passage of this document states is not this report's to tell.
        self.placed: dict[tuple[str, str], dict[str, list[Value]]] = defaultdict(lambda: defaultdict(list))
        triples = {(r["resource"], r["property"], r["value"]) for r in facts}
        for row in facts:
            resource = row["resource"]
            if resource not in self.info or _said_otherwise(triples, resource, row["property"], row["value"]):
                continue
            homes = {part_of[p] for p in stated_by(resource, row["property"], row["value"]) if p in part_of}
            if not homes:
                continue
            home = min(homes, key=_paragraph_number)
            if resource not in self.stated[home]:
                self.stated[home].append(resource)
            value = Value(row["value"], row.get("valueLabel"), row.get("valueAcronym"), row.get("valueAltLabel"))
            values = self.placed[(home, resource)][row["property"]]
            if all(v.iri_or_text != value.iri_or_text for v in values):
                values.append(value)

    def _subjects(self, data: ParagraphInput) -> list[Subject]:
        out: list[Subject] = []
        for resource in self.stated.get(data.iri, []):
            if not self.types[resource] & SUBJECT_TYPES:
                continue
            row = self.info[resource]
            subject = Subject(resource, row.get("label", resource), row.get("acronym"), self.types[resource],
                              self.mentioned, short=row.get("altLabel"))
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
            if subject.label in "".join(r.text for r in runs):  # already named, as another's value
                subject.mentioned.add(subject.iri)
            sentences = sentences_about(subject)
            figures = [f for f in data.figures if f.get("about") == subject.iri]
            if figures:
                about_done.add(subject.iri)
                # The sentence dates figures only when the graph does ("to date"); the table gives every date.
                dated = figures[0].get("asOfNote") or (f"as of {human_date(figures[0]['asOf'])}"
                                                       if "asOf" in figures[0] else "")
                sentences.append([Run(f"Figures for {subject.name()}{', ' + dated if dated else ''}: "
                                      + "; ".join(figure_phrase(f) for f in figures) + ".")])
            if not sentences:
                continue
            used.append(subject.iri)
            marks = [Run(note=key) for key, cited in data.notes.items() if subject.iri in cited and key not in placed]
            placed.update(m.note for m in marks if m.note)
            for index, sentence in enumerate(sentences):
                if index and not subject.acronym:
                    sentence = _pronoun(sentence, subject)
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
        runs = _same_status_together(runs)
        # Footnotes whose cited resources have no sentence of their own still belong to the paragraph.
        runs.extend(Run(note=key) for key in data.notes if key not in placed)
        return runs, used
