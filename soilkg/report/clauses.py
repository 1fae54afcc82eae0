"""The planner's steps: each writes the sentences of one kind of matter and marks the facts it said.

A step reads the paragraph's facts that are not yet said (``plan.of``), writes a sentence with what belongs
together, and takes the facts it used (``plan.take``); later steps never see them again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from soilkg.namespaces import DCT, SKG, SKOS
from soilkg.report.figure_text import figures_sentence, noun_phrase, spelled, unbracketed
from soilkg.report.subjects import SELF_EVIDENT, aim_phrase, count_words, term
from soilkg.report.text import human_date, join_words, when

if TYPE_CHECKING:
    from soilkg.report.namer import Fact
    from soilkg.report.planner import Plan

DECISION_PARAGRAPH = str(SKG.DecisionParagraph)
MEETING = str(SKG.Meeting)
INITIATIVE_KINDS = {str(SKG.Initiative), str(SKG.PlanOfAction)}
# What a reader may need defined: a programme, network or survey (never a theme, practice or other concept).
DEFINED = {str(SKG[k]) for k in ("Programme", "Network", "Survey", "Observatory", "Initiative")}


def names(plan: Plan, iris: list[str]) -> str:
    return join_words([plan.namer(i) for i in iris])


def _aim(plan: Plan, subject: str) -> str:
    """The subject's first aim not yet said, as a purpose clause (' to facilitate ...'), taken."""
    text = plan.data.text.lower()
    aims = sorted(plan.of(subject, "aim"), key=lambda f: (text.find(f.value.lower()[:40]) % (len(text) + 1)))
    for fact in aims:
        plan.take([fact])
        phrase = aim_phrase(fact.value)
        if phrase.startswith("at "):  # "stopping soil pollution ..."
            return f" with the overall aim of {phrase[3:]}"
        return f" {phrase}"
    return ""


def _decision_words(label: str) -> str:
    """'CBD COP decision 15/28' -> 'decision 15/28'."""
    _, sep, number = label.partition(" decision ")
    return f"decision {number}" if sep else label


def scope(plan: Plan) -> None:
    for since in plan.of(prop="progressSince"):
        doc = since.subject
        topics = list(dict.fromkeys(f.value for f in plan.everything if f.subject == doc
                                    and f.prop == str(DCT.subject)))
        label = plan.namer.label(since.value)
        head, sep, _ = label.partition(" of the Commission")
        when_ = f"the Commission's {head}" if sep else plan.namer(since.value)
        plan.take([since])
        plan.add(f"This document describes progress made in the implementation of "
                 f"{names(plan, topics) or 'the Initiative'} since {when_}.", [doc, *topics, since.value])


def establishment(plan: Plan) -> None:
    """Who established, launched or designed what, when, within what and to what end: one sentence."""
    for subject in plan.subjects():
        by = plan.of(subject, "establishedBy") + plan.of(subject, "launchedBy") + plan.of(subject, "designedBy")
        if not by:
            continue
        fact = by[0]
        start = plan.of(subject, "startDate")
        date = f" {when(start[0].value)}" if start else ""
        plan.take([fact, *start, *plan.of(subject, "status"), *plan.of(prop="establishes", value=subject),
                   *plan.of(prop="launches", value=subject)])
        units = {f.value for f in plan.of(subject, "unitOf")}  # a unit of a body is within it: structure
        within = [f for f in plan.of(subject, "withinFramework")
                  if str(SKG.Organisation) not in plan.namer.types(f.value) and f.value not in units]
        about = [subject, fact.value]
        verb = fact.prop.rsplit("#", 1)[-1].removesuffix("By")
        if DECISION_PARAGRAPH in plan.namer.types(fact.value) or re.match(r"^Paragraph \d+ of ", plan.namer.label(
                fact.value)):
            entry = plan.namer.entry(subject)
            name = plan.namer(subject)
            if entry.short and entry.short != entry.label:
                name += f" (known as the {entry.short})"
            number, _, decision = plan.namer.label(fact.value).removeprefix("Paragraph ").partition(" of ")
            text = f"{name} was {verb}{date} by paragraph {number} of {decision}"
        else:
            doer = plan.namer(fact.value)
            opening = date.strip()
            text = (f"{opening[:1].upper()}{opening[1:]}, " if verb == "launched" and date else "") + \
                f"{doer} {verb} {plan.namer(subject)}" + ("" if verb == "launched" else date)
        for framework in plan.take(within):
            name = plan.namer(framework.value)
            kind = " as an initiative" if str(SKG.Initiative) in plan.namer.types(subject) else ""
            text += f"{kind} within {name}"
            about.append(framework.value)
        plan.add(text + _aim(plan, subject) + ".", about)


def adoption(plan: Plan) -> None:
    """'COP 15 adopted, through decision 15/28, the Plan of Action ... and invited FAO through the GSP to ...'"""
    for fact in plan.of(prop="adopts"):
        decision = fact.subject.rsplit("/", 1)[0]
        meetings = plan.take(plan.of(decision, "decisionOf"))
        adopted = fact.value
        plan.take([fact, *plan.of(adopted, "startDate"), *plan.of(adopted, "endDate"), *plan.of(adopted, "planOf")])
        words = _decision_words(plan.namer.label(decision))
        plan.namer.mentioned.update({decision, fact.subject})
        if meetings:
            text = f"{plan.namer(meetings[0].value)} adopted, through {words}, {plan.namer(adopted)}"
        else:
            text = f"{words.capitalize()} (paragraph {fact.subject.rsplit('/p', 1)[-1]}) adopted {plan.namer(adopted)}"
        about = [*(m.value for m in meetings), decision, adopted]
        for part in dict.fromkeys(f.subject for f in plan.of(prop="invites") if f.subject.startswith(decision + "/")):
            invited = plan.take(plan.of(part, "invites"))
            through = plan.take(plan.of(part, "invitesThrough"))
            to = plan.take(plan.of(part, "invitationTo"))
            text += f" and invited {names(plan, [f.value for f in invited])}"
            text += f" through {names(plan, [f.value for f in through])}" if through else ""
            text += f" {aim_phrase(to[0].value)}" if to else ""
            about += [part, *(f.value for f in invited + through)]
        plan.add(text + ".", about)


def leadership(plan: Plan) -> None:
    """'FAO, through the GSP's NETSOB, is leading the implementation of the Plan of Action, in collaboration
    with ...': who leads, and through which of its bodies when the graph says so."""
    led = dict.fromkeys(f.value for f in plan.of(prop="leadsImplementationOf"))
    for target in led:
        leaders = plan.take(plan.of(prop="leadsImplementationOf", value=target))
        partners = plan.take(plan.of(target, "inCollaborationWith"))
        iris = [f.subject for f in leaders]
        chain = _through(plan, iris)
        if chain:
            top, unit, parent = chain
            who = f"{plan.namer(top)}, through {plan.namer(parent)}'s {plan.namer.bare(unit)}, is leading"
        else:
            who = f"{names(plan, iris)} {'is' if len(iris) == 1 else 'are'} leading"
        text = f"{who} the implementation of {plan.namer(target)}"
        if partners:
            text += f", in collaboration with {names(plan, [f.value for f in partners])}"
        plan.add(text + ".", [*iris, target, *(f.value for f in partners), *(chain[2:] if chain else [])])


def _through(plan: Plan, leaders: list[str]) -> tuple[str, str, str] | None:
    """Two leaders where one is a unit of a body the other hosts: (the host, the unit, the body)."""
    if len(leaders) != 2:
        return None
    for top, unit in (leaders, leaders[::-1]):
        for part in (f for f in plan.everything if f.subject == unit and f.prop == term("unitOf")):
            if any(f.value == top for f in plan.everything if f.subject == part.value and f.prop == term("hostedBy")):
                return top, unit, part.value
    return None


def countries(plan: Plan) -> None:
    """'RECISOIL is being implemented in four countries, namely ..., and four other countries have joined it (...)'"""
    for subject in plan.subjects():
        where = plan.take(plan.of(subject, "implementedIn"))
        joined = plan.take(plan.of(subject, "joinedBy"))
        if not where and not joined:
            continue
        names = [plan.namer.label(f.value) for f in where]
        others = [plan.namer.label(f.value) for f in joined]
        parts = []
        if where:
            parts.append(f"{plan.namer(subject)} is being implemented in {count_words(names)} countries, namely "
                         f"{join_words(sorted(names))}")
        if joined:
            # What the joining countries do, when the figure that counts them says it ("and are launching ...").
            doing = next((m.group(1) for r in plan.data.figures if r.get("about") == subject
                          for m in [re.search(r"joined \S+ (and are [^()]+?)\s*(?:\(|$)", r.get("measures", ""))]
                          if m), "")
            parts.append(f"{count_words(others)} other countries have joined "
                         f"{'it' if where else plan.namer(subject)}{' ' + doing if doing else ''} "
                         f"({join_words(sorted(others))})")
        plan.add(", and ".join(parts) + ".", [subject, *(f.value for f in where + joined)])


def figures(plan: Plan) -> None:
    """The figures of one subject in one sentence; a figure a sentence already says is not said again."""
    by_about: dict[str, list[dict[str, str]]] = {}
    for row in plan.data.figures:
        by_about.setdefault(row.get("about", ""), []).append(row)
    for about, rows in by_about.items():
        written = plan.written()
        rows = [r for r in rows if not _said(r, written)]
        if not rows:
            continue
        first = rows[0]
        opening = "To date" if first.get("asOfNote") == "to date" else \
            f"As of {human_date(first['asOf'])}" if "asOf" in first else ""
        names = [plan.namer.entry(about).label, *plan.namer.forms(about)] if about else []
        subject = plan.namer(about) if about else ""
        text, left = figures_sentence(subject, names, rows, opening)
        phrases = [unbracketed(noun_phrase(r)) for r in left]
        if text and phrases:
            text = text[:-1] + ", and " + join_words(phrases) + "."
        elif phrases:
            text = spelled(join_words([re.sub(r" that (\w+)", r" \1", p, count=1) for p in phrases])) + "."
        plan.take(plan.of(about, "respondents"))
        plan.add(text, [about] if about else [])


def _said(row: dict[str, str], written: str) -> bool:
    value, unit = row.get("value", ""), row.get("unit", "")
    words = count_words(["x"] * int(value)) if value.isdigit() and int(value) < 11 else value
    return any(f"{words} {extra}{unit}".lower() in written for extra in ("", "other "))


def activities(plan: Plan) -> None:
    """What each body does, with the others that do the same, in one sentence per body."""
    doers: dict[str, list[str]] = {}
    for fact in plan.of(prop="activity"):
        doers.setdefault(fact.value, []).append(fact.subject)
    by_subject: dict[str, list[str]] = {}
    for text, subjects in doers.items():
        by_subject.setdefault(subjects[0], []).append(text)
    for texts in by_subject.values():
        for text in texts:
            plan.take(plan.of(prop="activity", value=text))
        written = plan.written()
        texts = sorted((t for t in texts if t.split(" ", 1)[-1].lower() not in written), key=lambda t: _place(plan, t))
        groups: dict[tuple[str, ...], list[str]] = {}
        for text in texts:
            groups.setdefault(tuple(doers[text]), []).append(text)
        for who, group in groups.items():
            _activity_sentence(plan, list(who), group)


def _place(plan: Plan, text: str) -> int:
    """Where an activity's words first stand in the source paragraph (after it, when they do not): what a
    body does is said in the order the source says it."""
    found = plan.data.text.lower().find(text.lower()[:60])
    return found if found >= 0 else len(plan.data.text)


def _activity_sentence(plan: Plan, who: list[str], texts: list[str]) -> None:
    plural = len(who) > 1
    # "also" when the doer has already done something in this paragraph, not when it was only named
    # ("In April 2022, the GSP launched INSOP ... To this end, INSOP works to improve ...").
    again = any(s.kind == "answer" and s.about[:1] == who[:1] for s in plan.sentences)
    predicates: list[str] = []
    statements: list[str] = []
    for text in texts:
        head, _, rest = text.partition(" ")
        if head.endswith("ing"):  # "building and strengthening ..." -> "are building ..."
            predicates.append(f"{'are' if plural else 'is'} {text}")
        elif head.endswith("s") and not head.endswith("ss") and text[:1].islower():  # "works to ...", "helps ..."
            predicates.append(f"{head[:-1]} {rest}" if plural else text)
        else:  # a statement of its own ("the use of soil biodiversity ... are key aspects of INSOP's work")
            statements.append(text)
    targets = plan.take([f for s in who for f in plan.of(s, "sdgTarget")])
    about = list(who)
    # A predicate that is a list of its own ("building ..., promoting ..., and improving ...") ends its
    # sentence, or "and" would seem to join the list: the next one is a sentence of its own, said again with
    # "also" ("... are also harmonizing"). A list in the last predicate reads well after "and".
    if len(predicates) > 1 and any(", " in p for p in predicates[:-1]):
        for index, predicate in enumerate(predicates):
            if index:
                predicate = _with_also(predicate)
            _activity_sentence_of(plan, who, [predicate], targets if index == 0 else [], about, again or index > 0)
    elif predicates:
        _activity_sentence_of(plan, who, predicates, targets, about, again)
    for text in statements:
        plan.add(text[:1].upper() + text[1:] + ".", about)


def _with_also(predicate: str) -> str:
    """'is harmonizing ...' -> 'is also harmonizing ...'; 'works to ...' -> 'also works to ...'."""
    verb, _, rest = predicate.partition(" ")
    return f"{verb} also {rest}" if verb in ("is", "are") else f"also {predicate}"


def _activity_sentence_of(plan: Plan, who: list[str], predicates: list[str], targets: list[Fact], about: list[str],
                          again: bool) -> None:
    plural = len(who) > 1
    if predicates:
        name = names(plan, who)
        if again and len(predicates) == 1 and not plural and " also " not in f" {predicates[0]} ":
            name += " also"
        body = join_words(predicates)
        if targets and "Sustainable Development Goals" in body:
            labels = sorted((plan.namer.label(f.value) for f in targets), key=lambda t: [int(n) for n in
                                                                                        re.findall(r"\d+", t)])
            body += ", in particular on " + join_words(labels)
            about = about + [f.value for f in targets]  # the caller's list serves its next sentences too
        mentioned = [s for s in plan.subjects() if s not in who and any(
            form in body.lower() for form in plan.namer.forms(s))]
        aims = "".join(_aim(plan, s) for s in mentioned[:1]) + "."
        further = None if " also " in f" {name} {body} " else f"{name} {_with_also(body)}{aims}"
        plan.add(f"{name} {body}{aims}", about + mentioned, "answer", further)


def invitations(plan: Plan) -> None:
    """'Decision 15/28 of the CBD COP also invited academic and research bodies, ... to increase ...', and a
    paragraph of a new decision: 'Paragraph 3 of decision 99/1 invited FAO again, through the GSP, to ...'"""
    for decision in dict.fromkeys(f.subject for f in plan.of(prop="invites")):
        invited = plan.take(plan.of(decision, "invites"))
        through = plan.take(plan.of(decision, "invitesThrough"))
        to = plan.take(plan.of(decision, "invitationTo"))
        meeting = plan.take(plan.of(decision, "decisionOf"))
        plan.take(plan.of(decision, "paragraphOf") + plan.of(decision, "number"))
        label = plan.namer.label(decision)
        body, sep, number = label.partition(" decision ")
        also = " also" if decision in plan.namer.mentioned else ""
        plan.namer.mentioned.add(decision)
        name = f"{body} Decision {number}" if sep and not body.startswith("Paragraph ") else label
        whom = [f.value for f in invited]
        # Invited before by another decision: "again" (the graph holds every invitation).
        again = " again" if any(f.prop == term("invites") and f.value in whom and f.subject != decision
                                for f in plan.everything) else ""
        plan.add(f"{name}{also} invited {names(plan, whom)}{again}"
                 + (f", through {names(plan, [f.value for f in through])}," if through else "")
                 + (f" {aim_phrase(to[0].value)}" if to else "") + ".",
                 [decision, *whom, *(f.value for f in through + meeting)], "invitation")


def _mostly_said(text: str, written: str) -> bool:
    """A definition whose words the paragraph has mostly written already says nothing new."""
    words = set(re.findall(r"\w{4,}", text.lower()))
    return bool(words) and len(words & set(re.findall(r"\w{4,}", written))) > 0.6 * len(words)


def remaining(plan: Plan) -> None:
    """What is left of each subject that a reader needs: aims, what it builds on or contributes to, where a
    plan was presented, a state that is news ("seeking funding")."""
    for subject in plan.subjects():
        facts = [f for f in plan.of(subject) if f.prop not in _STRUCTURE]
        if not facts:
            continue
        for fact in plan.take(plan.of(subject, "buildsOn")):
            plan.add(f"{plan.namer(subject)} builds on {plan.namer(fact.value)}{_aim(plan, subject)}.",
                     [subject, fact.value])
        definitions = plan.take(plan.of(subject, str(SKOS.definition)))
        for fact in definitions if plan.namer.types(subject) & DEFINED else []:
            if _mostly_said(fact.value, plan.written()):
                continue
            what = fact.value.rstrip(".")
            plan.add(f"{plan.namer(subject)} is {what[:1].lower()}{what[1:]}.", [subject])
        aims = plan.take(plan.of(subject, "aim"))
        if aims:
            again = plan.covered(subject)
            plan.add(f"{plan.namer(subject)}{' also' if again else ''} aims "
                     + " and ".join(aim_phrase(a.value) for a in aims) + ".", [subject])
        for fact in plan.take(plan.of(subject, "contributesTo")):
            kind = plan.namer.types(fact.value)
            what = "to the implementation of " if kind & INITIATIVE_KINDS else "to "
            plan.add(f"{plan.namer(subject)} thus contributes {what}{plan.namer(fact.value)}.", [subject, fact.value])
        for fact in plan.take(plan.of(subject, "inLineWith")):
            plan.add(f"{plan.namer(subject)} works in line with {plan.namer(fact.value)}.", [subject, fact.value])
        for fact in plan.take(plan.of(subject, "runBy")):
            if not plan.covered(subject):
                plan.add(f"{plan.namer(subject)} is run by {plan.namer(fact.value)}.", [subject, fact.value])
        for fact in plan.take(plan.of(subject, "status")):
            if fact.value not in SELF_EVIDENT and not plan.covered(subject):
                plan.add(f"{plan.namer(subject)} is {plan.namer.label(fact.value)}.", [subject])
        for fact in plan.take(plan.of(subject, "respondents")):
            plan.add(f"{plan.namer(subject)} was sent to {fact.value}.", [subject])


_STRUCTURE = {term(p) for p in ("theme", "unitOf", "hostedBy", "planOf", "decisionOf", "collaboratesWith",
                                "withinFramework", "producedBy", "publishedBy", "year", "inCollaborationWith")} | \
    {str(DCT.subject)}


__all__ = ["activities", "adoption", "countries", "establishment", "figures", "invitations", "leadership",
           "names", "remaining", "scope"]
