"""The resources a paragraph speaks of, and how their names are written: the full name with its acronym
on first mention, the acronym (or short name) afterwards, with the article FAO writes before names of bodies."""

from __future__ import annotations

from soilkg.namespaces import SKG
from soilkg.report.text import NUMBER_WORDS

PUBLICATION_TYPES = {str(SKG[t]) for t in ("Publication", "StandardOperatingProcedure", "BackgroundStudyPaper")}
# Statuses a sentence need not state: the resource exists and works, which the other sentences already say.
SELF_EVIDENT = {str(SKG[s]) for s in ("established", "ongoing")}
NOT_YET = {str(SKG[s]) for s in ("planned", "inPreparation", "beingFinalized")}
ORGANISATION = str(SKG.Organisation)


def term(name: str) -> str:
    return str(SKG[name])


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
    """'the Global Soil Partnership', as FAO writes names of bodies and programmes; a description in lower case
    after its article ('the fifteenth meeting of the Conference of the Parties ...', 'the national benchmark
    sites for ...'); acronyms and lower-case group names ('farmers') stay bare."""
    if describes(label):
        return "the " + label[:1].lower() + label[1:]
    proper = sum(1 for w in label.split() if w[:1].isupper() or w[:1].isdigit())
    if proper >= 2 and not label.startswith(("The ", "A ", "Paragraph ", "Footnote ")):
        return "the " + label
    return label


def describes(label: str) -> bool:
    """A label that describes rather than names ('Implementation plan for GLOSOB', 'Fifteenth meeting of the
    Conference of the Parties ...', 'Special issue of Soil Organisms ...'): a capitalised first word, then a
    lower-case common noun, then 'for', 'of' or 'on'. 'Other relevant organizations' is a group, 'Food and
    Agriculture Organization ...' and 'Global Soil Partnership' are names."""
    words = label.split()
    return (len(words) > 2 and words[0][:1].isupper() and words[0][1:].islower() and words[1].islower()
            and words[1] not in FUNCTION_WORDS and any(w in ("for", "of", "on") for w in words[2:]))


# Words that join the words of a name ('Food and Agriculture ...', 'Plan of Action'): not a common noun.
FUNCTION_WORDS = {"and", "of", "on", "for", "the", "to", "in", "with"}


def count_words(items: list[str]) -> str:
    """'no', 'one' ... 'ten', then digits, as FAO counts things in running text."""
    n = len(items)
    return "no" if n == 0 else NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)


def aim_phrase(text: str) -> str:
    """'aims to protect ...', 'aims at stopping ...': the graph keeps aims in the source's words."""
    text = text[:1].lower() + text[1:]
    if text.startswith("to "):
        return text
    return ("at " if text.split(" ", 1)[0].endswith("ing") else "to ") + text


