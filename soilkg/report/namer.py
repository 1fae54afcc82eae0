"""Names in a draft: the full name with its acronym at first mention, the acronym (or short name) after,
with the article FAO writes before names of bodies and lower case for groups ("governments")."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from soilkg.namespaces import SKG
from soilkg.report.gather import Row
from soilkg.report.subjects import ORGANISATION, head_noun, running_name

TOKEN = ("\x01", "\x02")
BARE = "\x03bare"
TOKEN_RE = re.compile("\x01([^\x02\x03]+)(\x03bare)?\x02")
# "NETSOB designed the NETSOB global survey ...": the doer's acronym is not said again inside the name of
# what it did, as the source writes ("NETSOB designed a survey ...").
SAID_TWICE = re.compile(r"\b([A-Z][A-Z0-9]{1,}) (\w+) the \1 ")
# Bodies FAO names with an article before their acronym ("the GSP", "the GSBI", "the CBD Secretariat").
ARTICLE_BEFORE_ACRONYM = {"Partnership", "Initiative", "Secretariat"}
# What FAO calls a named thing of these kinds when its name does not say it: "the Recarbonization of Global
# Agricultural Soils (RECISOIL) initiative", then "the RECISOIL initiative".
CLASS_NOUNS = {str(SKG[kind]): kind.lower() for kind in ("Initiative", "Programme", "Network", "Observatory")}


@dataclass(frozen=True)
class Fact:
    subject: str
    prop: str
    value: str  # an IRI or a literal's lexical form
    footnote_only: bool = False  # stated only by a footnote: the footnote says it


@dataclass
class Entry:
    label: str
    acronym: str | None = None
    short: str | None = None  # skos:altLabel
    types: set[str] = field(default_factory=set)


class Namer:
    """What the draft knows of each resource's names, and which names it has already spelled out."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        self.mentioned: set[str] = set()

    def learn(self, iri: str, label: str | None, acronym: str | None = None, short: str | None = None,
              kind: str | None = None) -> None:
        entry = self.entries.get(iri)
        if entry is None:
            entry = self.entries[iri] = Entry(label or _tail(iri))
        elif label and entry.label == _tail(iri):
            entry.label = label
        entry.acronym = entry.acronym or acronym
        entry.short = entry.short or short
        if kind:
            entry.types.add(kind)

    def learn_rows(self, sources: list[Row], facts: list[Row]) -> None:
        for row in sources:
            self.learn(row["resource"], row.get("label"), row.get("acronym"), row.get("altLabel"), row.get("type"))
        for row in facts:
            if row["value"].startswith("http"):
                self.learn(row["value"], row.get("valueLabel"), row.get("valueAcronym"), row.get("valueAltLabel"))

    def entry(self, iri: str) -> Entry:
        return self.entries.get(iri) or Entry(_tail(iri))

    def label(self, iri: str) -> str:
        return self.entry(iri).label

    def types(self, iri: str) -> set[str]:
        return self.entry(iri).types

    def __call__(self, iri: str) -> str:
        """A name to be written where it stands in reading order: a token that `resolve` turns into the full
        name at its first mention in the draft and the short one after (sentences are planned out of order)."""
        return f"{TOKEN[0]}{iri}{TOKEN[1]}"

    def bare(self, iri: str) -> str:
        """The name after a possessive: no article ("the GSP's International Network on Soil Biodiversity")."""
        return f"{TOKEN[0]}{iri}{BARE}{TOKEN[1]}"

    def resolve(self, text: str) -> str:
        """Every token of a sentence written as its name, in reading order; names spelled out count as met."""
        def name(match: re.Match[str]) -> str:
            iri, bare = match.group(1), bool(match.group(2))
            written = self.spell(iri)
            return written[4:] if bare and written.startswith("the ") else written

        out = SAID_TWICE.sub(r"\1 \2 the ", TOKEN_RE.sub(name, text))
        self.seen_in(out)
        return out

    def plain(self, text: str) -> str:
        """Tokens as every form of the name (to test what a sentence already says, before it is resolved)."""
        return TOKEN_RE.sub(lambda m: " / ".join(self.forms(m.group(1))), text)

    def spell(self, iri: str) -> str:
        """The name as this mention needs it: in full the first time, short after."""
        e = self.entry(iri)
        noun = _class_noun(e)
        if iri in self.mentioned:
            if e.acronym and noun:
                return f"the {e.acronym} {noun}"
            if e.acronym:  # "the GSP", "the GSBI"; "FAO", "NETSOB"
                return f"the {e.acronym}" if e.label.rsplit(" ", 1)[-1] in ARTICLE_BEFORE_ACRONYM else e.acronym
            return lead_article(running_name(e.short if e.short and e.short != e.label else self._again(e)))
        self.mentioned.add(iri)
        full = lead_article(running_name(e.label))
        full = f"{full} ({e.acronym})" if e.acronym and e.acronym != e.label else full
        return f"{full} {noun}" if noun else full

    def now(self, iri: str, label: str, acronym: str | None = None, kinds: list[str] | None = None) -> str:
        """The name written at once, where the sentence is written in reading order (the next report's
        sentences): learnt, then spelled as `spell` does."""
        self.learn(iri, label, acronym)
        for kind in kinds or []:
            self.learn(iri, label, kind=kind)
        return self.spell(iri)

    def _again(self, e: Entry) -> str:
        return e.label if ORGANISATION in e.types else head_noun(e.label)

    def forms(self, iri: str) -> list[str]:
        """Lower-case forms a text may name the resource by: label, acronym, short name, the label's head,
        and the label without its first word ("case studies on best practices ..." of a "Compilation of ...")."""
        e = self.entry(iri)
        words = e.label.split()
        head = head_noun(e.label)
        forms = [e.label, e.acronym or "", e.short or "", head if len(head.split()) >= 3 else ""]
        if len(words) >= 5:
            forms.append(" ".join(words[2:] if words[1] == "of" else words[1:]))
        return [f.lower() for f in dict.fromkeys(forms) if f and len(f) > 2]

    def seen_in(self, text: str) -> None:
        """Names a sentence spells out in full (inside an activity in the source's words) count as met."""
        for iri, e in self.entries.items():
            if iri not in self.mentioned and e.acronym and f"{e.label} ({e.acronym})" in text:
                self.mentioned.add(iri)


def lead_article(name: str) -> str:
    """'the NETSOB global survey ...', 'the CBD programme of work ...': a name led by an acronym takes 'the'."""
    words = name.split()
    return "the " + name if len(words) > 1 and words[0].isupper() and words[0] not in ("UN", "FAO") else name


def _class_noun(e: Entry) -> str:
    """'initiative' for a named initiative whose name does not say it is one; '' otherwise."""
    if not e.acronym:
        return ""
    return next((noun for kind, noun in CLASS_NOUNS.items() if kind in e.types and noun not in e.label.lower()), "")


def _tail(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def grouped(facts: list[Fact]) -> dict[str, list[Fact]]:
    out: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        out[fact.subject].append(fact)
    return out
