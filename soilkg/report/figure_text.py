"""The figures of one programme or survey in one sentence, as FAO writes them: "To date, the Global Soil
Doctors Programme has built the capacity of 657 trainers and 1 800 Soil Doctor farmers, and has reached
more than 11 500 farmers in 26 countries."

The graph words what a figure measures as a noun phrase about its subject ("trainers whose capacity the
Global Soil Doctors Programme has built"); a clause puts the number back where the sentence needs it
("has built the capacity of 657 trainers"). An earlier value goes in brackets after the number it was
reported before ("702 trainers (657 reported to the Twentieth Regular Session)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from soilkg.report.gather import Row
from soilkg.report.text import NUMBER_WORDS, human_date, join_words, number


@dataclass(frozen=True)
class Clause:
    verb: str  # "has built the capacity of", "has reached", "" (a noun phrase of its own)
    object: str  # "657 trainers"
    where: str = ""  # "in 26 countries" (a figure counting where the others happened)
    noun: str = ""  # what "in which" counts in ("farmers" of "countries in which ... has reached farmers")


def value_words(row: Row, prefix: str = "", running: bool = True) -> str:
    """'more than 2 000', '657'; in running text, whole counts under ten in words, as FAO writes them ("in four
    countries", "three other networks"); a table (`running=False`) keeps the digits."""
    def key(name: str) -> str:  # "value", or "earlierValue" with the prefix "earlier"
        return prefix + name[:1].upper() + name[1:] if prefix else name

    comparator = row.get(key("comparatorLabel"), "")
    lexical = row.get(key("value"), "?")
    small = running and re.fullmatch(r"[1-9](\.0*)?", lexical.strip())
    written = NUMBER_WORDS[int(float(lexical))] if small else number(lexical)
    return (f"{comparator} " if comparator and comparator != "exactly" else "") + written


def clause(row: Row, names: list[str], earlier: str = "") -> Clause | None:
    """The clause that says one figure, with its subject taken out of the measure; None when the measure
    does not name the subject (the caller then writes the figure as a noun phrase)."""
    measures = unbracketed(row.get("measures", ""))
    value = value_words(row)
    after = f" ({earlier})" if earlier else ""  # after the whole object: "702 trainers (657 reported to ...)"
    for name in sorted((n for n in names if n), key=len, reverse=True):
        at = _find(measures, name)
        if at < 0:
            continue
        head = measures[:at].rstrip()
        head = re.sub(r"\s+the$", "", head)
        tail = measures[at + len(name):].strip()
        if not head or not tail:
            continue
        whose = re.match(r"^(.*) whose (\w+)$", head)
        if whose:
            return Clause(f"{tail} the {whose.group(2)} of", f"{value} {whose.group(1)}{after}")
        in_which = re.match(r"^(.*) in which$", head)
        if in_which:
            verb, _, noun = tail.rpartition(" ")
            if noun.endswith("ed"):  # "is being implemented": nothing after the verb
                verb, noun = tail, ""
            return Clause(verb, noun, where=f"in {value} {in_which.group(1)}{after}", noun=noun)
        of_the = re.match(r"^(\w+) of the (.+)$", head)
        if of_the:  # "countries of the researchers ... the survey was sent to": where the others are
            return Clause(tail, of_the.group(2), where=f"in {value} {of_the.group(1)}{after}", noun=of_the.group(2))
        if re.match(r"^(has|have|was|were|is|are)\b", tail) or re.fullmatch(r"\w+ed", tail):  # "counted"
            return Clause(tail, f"{value} {head}{after}")
    return None


def _find(text: str, name: str) -> int:
    match = re.search(rf"(?<!\w)(?:the )?{re.escape(name)}(?!\w)", text, re.IGNORECASE)
    if match is None:
        return -1
    return match.start() + (4 if match.group(0).lower().startswith("the ") and not name.lower().startswith("the ")
                            else 0)


def unbracketed(text: str) -> str:
    """A measure without its trailing list in brackets: the sentences around it name each member."""
    while text.endswith(")") and "(" in text:
        depth, at = 0, len(text)
        for at in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[at], 0)
            if depth == 0:
                break
        text = text[:at].rstrip()
    return text


def noun_phrase(row: Row, earlier: str = "") -> str:
    """A figure whose measure does not name its subject: '3 other technical networks ... help to ...',
    'more than 2 000 responses received'."""
    measures, unit = row.get("measures", ""), row.get("unit", "")
    value, after = value_words(row), f" ({earlier})" if earlier else ""
    passive = re.match(r"^(.*?) (received|made|held|collected)\b", measures)
    if passive:  # "responses received to the survey" -> "more than 2 000 responses were received"
        return f"{value} {passive.group(1)}{after} were {passive.group(2)}"
    if not unit or unit in measures:  # "3 other technical networks within ..."
        return f"{value} {measures}{after}".strip()
    return f"{value} {unit}{after} ({measures})"


def spelled(text: str) -> str:
    """A count that opens a sentence is written in words ("Three other technical networks ...")."""
    head, _, rest = text.partition(" ")
    if head.isdigit() and int(head) < len(NUMBER_WORDS):
        return f"{NUMBER_WORDS[int(head)].capitalize()} {rest}"
    return text[:1].upper() + text[1:]


def figures_sentence(subject: str, names: list[str], rows: list[Row], when: str,
                     earlier: dict[str, str] | None = None) -> tuple[str, list[Row]]:
    """One sentence for the figures of one subject, and the rows it could not put in a clause (written by the
    caller as noun phrases). `when` opens the sentence ("To date", "As of 31 May 2026") or is empty."""
    earlier = earlier or {}
    clauses: list[Clause] = []
    left: list[Row] = []
    for row in rows:
        made = clause(row, names, earlier.get(row["figure"], ""))
        if made is None:
            left.append(row)
        else:
            clauses.append(made)
    if not clauses:
        return "", left
    # "has reached farmers in 26 countries" joins "has reached more than 11 500 farmers": one clause.
    wheres = [c for c in clauses if c.where]
    merged: list[Clause] = []
    for c in clauses:
        if c.where:
            continue
        bare = re.sub(r" \([^()]*\)$", "", c.object)  # "more than 12 000 farmers (more than 11 500)"
        extra = [w for w in wheres if w.verb == c.verb and bare.endswith(" " + w.noun)]
        for w in extra:
            wheres.remove(w)
        merged.append(Clause(c.verb, c.object, where=" ".join(w.where for w in extra)))
    merged += [Clause(w.verb, w.noun, where=w.where) for w in wheres]
    by_verb: dict[str, list[Clause]] = {}
    for c in merged:
        by_verb.setdefault(c.verb, []).append(c)
    predicates = [f"{verb} " + join_words([" ".join(p for p in (c.object, c.where) if p) for c in group])
                  for verb, group in by_verb.items()]
    body = predicates[0] if len(predicates) == 1 else ", ".join(predicates[:-1]) + ", and " + predicates[-1]
    lead = f"{when}, " if when else ""
    text = f"{lead}{subject} {body}."
    return text[:1].upper() + text[1:], left


def as_of_phrase(row: Row, reported: str) -> str:
    """The date column of the figures table: a date, or the source's words with the session it was reported to."""
    if "asOf" in row:
        return f"as of {human_date(row['asOf'])}"
    if "asOfNote" in row:
        return f"{row['asOfNote']} (as reported for the session of {reported})" if reported else row["asOfNote"]
    return f"as reported for the session of {reported}" if reported else "undated"
