"""Sentences about one resource, written from its relations and figures (the session-20 regeneration)."""

from __future__ import annotations

from soilkg.report.gather import Row
from soilkg.report.model import Run
from soilkg.report.subjects import (
    LAUNCHED,
    NOT_YET,
    PART_OF_DECISION,
    PLAN,
    PUBLICATION_TYPES,
    SELF_EVIDENT,
    Subject,
    aim_phrase,
    count_words,
    decision_words,
    numeric_key,
    term,
)
from soilkg.report.text import human_date, join_words, number


def sentences_about(subject: Subject) -> list[list[Run]]:
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
    # A plan's dates are its period (2020–2030), given in its name: it is adopted, not established.
    if not subject.names("establishedBy") and not subject.names("launchedBy") and not is_publication \
            and PLAN not in subject.types:
        start = subject.one("startDate")
        if start is not None:
            out.append([Run(f"{subject.name()} was established in {human_date(start.iri_or_text)}.")])
    simple = (("runBy", "is run by"), ("unitOf", "is part of"), ("hostedBy", "acts through"),
              ("designedBy", "was designed by"), ("leadsImplementationOf", "leads the implementation of"),
              ("facilitatesImplementationOf", "facilitates the implementation of"),
              ("establishes", "established"), ("buildsOn", "builds on"), ("contributesTo", "contributes to"),
              ("inLineWith", "works in line with"), ("supports", "is a step towards"),
              ("withinFramework", "is part of"), ("inCollaborationWith", "works in collaboration with"),
              ("collaboratesWith", "collaborates with"), ("resultsOf", "presents the results of"),
              ("presentedAt", "was presented at"))
    adopted = subject.names("adopts")
    if adopted:
        # "The Plan of Action ... was adopted by decision 15/28 of the CBD COP (paragraph 1)", as FAO words it.
        part = PART_OF_DECISION.match(subject.label)
        by = f"{decision_words(part.group(2))} (paragraph {part.group(1)})" if part else subject.name()
        out.append([Run(f"{join_words(adopted)} {'was' if len(adopted) == 1 else 'were'} adopted by {by}.")])
    for prop, phrase in simple:
        names = subject.names(prop)
        if names:
            out.append([Run(f"{subject.name()} {phrase} {join_words(names)}.")])
    invited = subject.names("invites")
    if invited and PART_OF_DECISION.match(subject.label):
        part = PART_OF_DECISION.match(subject.label)
        assert part is not None
        subject_name = f"Paragraph {part.group(1)} of {decision_words(part.group(2))}"
    else:
        subject_name = subject.name() if invited else ""
    if invited:
        through = subject.names("invitesThrough")
        to = subject.one("invitationTo")
        out.append([Run(f"{subject_name} invited {join_words(invited)}"
                        + (f" through {join_words(through)}" if through else "")
                        + (f" {aim_phrase(to.iri_or_text)}" if to else "") + ".")])
    respondents = subject.one("respondents")
    if respondents is not None:
        out.append([Run(f"{subject.name()} was sent to {respondents.iri_or_text}.")])
    for aim in subject.facts.get(term("aim"), []):
        out.append([Run(f"{subject.name()} aims {aim_phrase(aim.iri_or_text)}.")])
    for activity in subject.facts.get(term("activity"), []):
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
        out.append([Run(f"{subject.name()} is being implemented in {count_words(implemented)} countries: "
                        f"{join_words(sorted(implemented))}.")])
    joined = subject.bare_names("joinedBy")
    if joined:
        out.append([Run(f"{count_words(joined).capitalize()} other countries have joined {subject.name()}: "
                        f"{join_words(sorted(joined))}.")])
    targets = subject.bare_names("sdgTarget")
    if targets:
        out.append([Run(f"{subject.name()} helps countries report on {join_words(sorted(targets, key=numeric_key))}.")])
    if status is not None and not is_publication and status.iri_or_text not in SELF_EVIDENT \
            and not (status.iri_or_text == LAUNCHED and subject.names("launchedBy")):
        out.append([Run(f"{subject.name()} is {status.name}.")])
    return [_capitalised(s) for s in out]


def _capitalised(sentence: list[Run]) -> list[Run]:
    first = sentence[0]
    if first.text[:1].islower():
        sentence[0] = Run(first.text[0].upper() + first.text[1:], first.italic, first.href, first.note)
    return sentence


def figure_phrase(row: Row) -> str:
    """'more than 70 000 researchers and practitioners the NETSOB global survey was sent to': the number
    before what it measures, the unit said once."""
    comparator = row.get("comparatorLabel", "")
    comparator = "" if comparator in ("", "exactly") else comparator + " "
    unit, measures = row.get("unit", ""), row.get("measures", "")
    if measures and unit and measures.startswith(unit):
        return f"{comparator}{number(row['value'])} {measures}"
    tail = f" ({measures})" if measures and measures != unit else ""
    return f"{comparator}{number(row['value'])}{' ' + unit if unit else ''}{tail}"


def as_of_phrase(row: Row, reported: str) -> str:
    if "asOf" in row:
        return f"as of {human_date(row['asOf'])}"
    if "asOfNote" in row:
        return f"{row['asOfNote']} (as reported for the session of {reported})" if reported else row["asOfNote"]
    return f"as reported for the session of {reported}" if reported else "undated"

