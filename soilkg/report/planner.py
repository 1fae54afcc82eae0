"""A small sentence planner for a paragraph regenerated from the statements its passage states.

It does not verbalise triple by triple. It takes the facts the paragraph's passage states (or a footnote
the paragraph calls), and writes them as FAO writes:
- events first, each in one sentence with what belongs to it ("FAO established the Global Soil Biodiversity
  Observatory (GLOSOB) to facilitate ...", "COP 15 adopted, through decision 15/28, the Plan of Action ...
  and invited FAO through the GSP to facilitate its implementation");
- what a body does, with the others doing the same ("GLOSOLAN and NETSOB are building ...");
- the figures of one programme or survey in one sentence (soilkg.report.figure_text);
- works grouped by who made them and by state ("*A*, *B* and *C* are being finalized");
- nothing twice: a fact already said in the paragraph, in any words, is not said again, and structure kept
  for the graph (part-of links between bodies, typing, themes, "acts through") is not said unless a
  sentence needs it ("FAO, through the GSP's NETSOB, is leading ...").
Facts stated only by a footnote (a work's publisher and year) are left to that footnote.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from soilkg.report import clauses, works
from soilkg.report.gather import Row
from soilkg.report.model import Run
from soilkg.report.namer import Fact, Namer
from soilkg.report.subjects import term
from soilkg.report.text import capitalised

StatedBy = Callable[[str, str, str], list[str]]  # (subject, property, value) -> the passages stating it
Cite = Callable[[list[Fact]], list[Run]]  # a sentence's facts -> the footnote marks of their passages
Kind = Literal["", "invitation", "answer"]  # an invitation of a decision, or what a body did in answer


@dataclass
class Sentence:
    runs: list[Run]
    about: list[str]  # the resources it speaks of (footnote marks and the appendix)
    rank: int = 0  # where the sentence's matter first stands in the source paragraph
    facts: list[Fact] = field(default_factory=list)  # the facts it says (to cite their passages)
    kind: Kind = ""
    further: list[Run] | None = None  # said as a further answer to an invitation ("The GSP is also contributing")

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class ParagraphInput:
    iri: str
    number: int
    text: str  # the source's verbatim text: only to order the sentences as the source orders its matter
    figures: list[Row]  # report-figures rows for this paragraph
    notes: dict[str, list[str]]  # footnote IRI called from this paragraph -> what it cites


@dataclass
class Plan:
    """The facts of one paragraph, what has been said of them, and the sentences written so far."""

    namer: Namer
    data: ParagraphInput
    facts: list[Fact]
    everything: list[Fact]  # every paragraph's facts: to look up structure a sentence needs (who hosts whom)
    said: set[int] = field(default_factory=set)  # ids of facts already written
    sentences: list[Sentence] = field(default_factory=list)
    pending: list[Fact] = field(default_factory=list)  # taken since the last sentence: what the next one says

    def of(self, subject: str | None = None, prop: str | None = None, value: str | None = None) -> list[Fact]:
        full = None if prop is None else prop if prop.startswith("http") else term(prop)
        return [f for f in self.facts if id(f) not in self.said and (subject is None or f.subject == subject)
                and (full is None or f.prop == full) and (value is None or f.value == value)]

    def take(self, facts: list[Fact]) -> list[Fact]:
        self.said.update(id(f) for f in facts)
        self.pending.extend(facts)
        return facts

    def subjects(self) -> list[str]:
        return list(dict.fromkeys(f.subject for f in self.facts))

    def written(self) -> str:
        return self.namer.plain(" ".join(s.text for s in self.sentences)).lower()

    def covered(self, iri: str) -> bool:
        """Whether a resource is already named in the paragraph (by its name or the words of its name)."""
        text = self.written()
        return any(form in text for form in self.namer.forms(iri))

    def rank(self, iris: list[str]) -> int:
        """Where the sentence's main resource first stands in the source paragraph (else any of the others)."""
        text = self.data.text.lower()
        found = [text.find(form) for form in self.namer.forms(iris[0]) if form in text] if iris else []
        return min(found) if found else len(text)

    def add(self, text: str | list[Run], about: list[str], kind: Kind = "",
            further: str | list[Run] | None = None) -> None:
        runs = [Run(text)] if isinstance(text, str) else text
        also = [Run(further)] if isinstance(further, str) else further
        self.sentences.append(Sentence(runs, about, self.rank(about), self.pending, kind, also))
        self.pending = []


STEPS = (clauses.scope, clauses.establishment, clauses.adoption, clauses.leadership, clauses.countries,
         clauses.figures, clauses.activities, works.presented, works.publications, clauses.invitations,
         clauses.remaining)
# A relation is said when one sentence names both its ends ("The GSP raises awareness ... through its Global
# Soil Doctors programme" says the programme is the GSP's): it is not said again.
SAID_BY_NAMING = {term(p) for p in ("runBy", "contributesTo", "producedBy", "collaboratesWith", "inCollaborationWith",
                                    "unitOf", "hostedBy", "withinFramework")}


def further_answers(sentences: list[Sentence]) -> list[Sentence]:
    """After an invitation, each answer but the first is said as a further one, as the source does: 'In 2024
    FAO published ... The GSP is also contributing ... NETSOB is also publishing ...' (paragraph 9)."""
    answered = False
    invited = False
    out = []
    for sentence in sentences:
        if sentence.kind == "invitation":
            invited, answered = True, False
        elif sentence.kind == "answer" and invited:
            if answered and sentence.further is not None:
                sentence = replace(sentence, runs=sentence.further, further=None)
            answered = True
        out.append(sentence)
    return out


def plan_paragraph(namer: Namer, data: ParagraphInput, facts: list[Fact], everything: list[Fact],
                   cite: Cite | None = None) -> tuple[list[Run] | None, list[str]]:
    """The paragraph's runs with footnote marks (None when nothing can be written), and what it drew on.

    Marks come from the footnotes the source paragraph calls (a regenerated report), or with ``cite`` from
    the passages that state each sentence's facts (a next report)."""
    plan = Plan(namer, data, facts, everything)
    for step in STEPS:
        step(plan)
        plan.pending = []
        _settle(plan)
    if not plan.sentences:
        return None, []
    ordered = further_answers(sorted(plan.sentences, key=lambda s: s.rank))
    placed: set[str] = set()
    runs: list[Run] = []
    for sentence in ordered:
        if runs:
            runs.append(Run(" "))
        runs.extend(capitalised([Run(namer.resolve(r.text), r.italic, r.href, r.note) for r in sentence.runs]))
        if cite is not None:
            runs.extend(cite(sentence.facts))
        for key, cited in data.notes.items():
            if key not in placed and set(cited) & set(sentence.about):
                runs.append(Run(note=key))
                placed.add(key)
    # Footnotes whose cited resources have no sentence of their own still belong to the paragraph.
    runs.extend(Run(note=key) for key in data.notes if key not in placed)
    used = list(dict.fromkeys(iri for s in ordered for iri in s.about))
    return runs, used


def _settle(plan: Plan) -> None:
    """Take the relations a written sentence already says by naming both ends."""
    sentences = [plan.namer.plain(s.text).lower() for s in plan.sentences]
    for fact in plan.of():
        if fact.prop not in SAID_BY_NAMING:
            continue
        ends = (plan.namer.forms(fact.subject), plan.namer.forms(fact.value))
        if any(all(any(form in text for form in forms) for forms in ends) for text in sentences):
            plan.take([fact])


def place_facts(rows: list[Row], stated_by: StatedBy, part_of: dict[str, str]) -> dict[str, list[Fact]]:
    """Each fact in the paragraph whose passage states it (the paragraph itself, or a footnote it calls; the
    lowest-numbered one when several do), once. A fact no passage of this document states is not this
    report's to tell."""
    out: dict[str, list[Fact]] = defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    for row in rows:
        key = (row["resource"], row["property"], row["value"])
        if key in seen:
            continue
        seen.add(key)
        passages = [p for p in stated_by(*key) if p in part_of]
        if not passages:
            continue
        home = min((part_of[p] for p in passages), key=paragraph_number)
        footnote_only = all(part_of[p] != p for p in passages)
        out[home].append(Fact(*key, footnote_only=footnote_only))
    return out


def paragraph_number(iri: str) -> int:
    match = re.search(r"/p(\d+)$", iri)
    return int(match.group(1)) if match else 0


__all__ = ["ParagraphInput", "Plan", "Sentence", "paragraph_number", "place_facts", "plan_paragraph"]
