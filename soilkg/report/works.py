"""The planner's steps for works and plans: publications grouped as FAO groups them (by who made them, by
publisher and year, by state), and a plan presented at a meeting."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from soilkg.namespaces import DCT, SKG
from soilkg.report.clauses import names
from soilkg.report.model import Run
from soilkg.report.subjects import NOT_YET, PUBLICATION_TYPES, SELF_EVIDENT, term
from soilkg.report.text import when

PUBLICATION = str(SKG.Publication)

if TYPE_CHECKING:
    from soilkg.report.planner import Plan


def titles(plan: Plan, iris: list[str]) -> list[Run]:
    """Titles of works in italics, joined as English joins them."""
    runs: list[Run] = []
    for index, iri in enumerate(iris):
        plan.namer.mentioned.add(iri)
        if index:
            runs.append(Run(" and " if index == len(iris) - 1 else ", "))
        runs.append(Run(plan.namer.label(iri), italic=True))
    return runs


def publications(plan: Plan) -> None:
    """Works grouped as FAO groups them: by who made them, by publisher and year, by state."""
    works = [s for s in plan.subjects() if plan.namer.types(s) & PUBLICATION_TYPES or plan.of(s, "status")
             and plan.of(s, "status")[0].value in NOT_YET]
    groups: dict[tuple[str, ...], list[str]] = {}
    behalf: dict[str, set[str]] = {}  # the body each work was published for (skg:onBehalfOf)
    for work in works:
        plan.take([f for f in plan.of(work) if f.footnote_only])
        status = next((f.value for f in plan.of(work, "status")), "")
        if not status:
            continue
        if plan.covered(work) or status in SELF_EVIDENT:
            plan.take([f for f in plan.of(work) if f.prop != term("aim")])
            continue
        results = plan.of(work, "resultsOf")
        if results and status in NOT_YET:
            journal = plan.take(plan.of(work, "publishedIn"))
            year = plan.take(plan.of(work, "year"))
            plan.take([*results, *plan.of(work, "status")])
            # "Special issue of Soil Organisms on ..." -> "in a special issue of *Soil Organisms*"
            label, venue = plan.namer.label(work), plan.namer.label(journal[0].value) if journal else ""
            kind = label.split(f" of {venue}", 1)[0].lower() if venue and f" of {venue}" in label else ""
            text = [Run(f"The results of {plan.namer(results[0].value)} will be published"
                        + (f" in a {kind} of " if kind else " in " if journal else ""))]
            if journal:
                text.append(Run(plan.namer.label(journal[0].value), italic=True))
            text.append(Run(f" in {year[0].value}." if year else "."))
            plan.add(text, [work, results[0].value, *(j.value for j in journal)])
            continue
        made = plan.of(work, "producedBy")
        partners = plan.of(work, "inCollaborationWith")
        publisher = [f for f in plan.of(work, "publishedBy") if not f.footnote_only]
        year = [f for f in plan.of(work, "year") if not f.footnote_only]
        if status == str(SKG.published) and made:
            key: tuple[str, ...] = ("made", made[0].value, *(f.value for f in partners))
        elif publisher or (year and status == str(SKG.published)):
            key = ("published", publisher[0].value if publisher else "", year[0].value if year else "")
        else:
            key = ("state", status, year[0].value if year else "")
        groups.setdefault(key, []).append(work)
        behalf[work] = {f.value for f in plan.of(work, "onBehalfOf")}
        plan.take([f for f in plan.of(work) if f.prop != term("aim")])
    order = ("made", "published", "state")  # what is out first, then what is coming
    for key, members in sorted(groups.items(), key=lambda item: order.index(item[0][0])):
        written = titles(plan, members)
        plural = len(members) > 1
        if key[0] == "made":
            lead = f"In coordination with {names(plan, list(key[2:]))}, " if key[2:] else ""
            plan.add([Run(f"{lead}{plan.namer(key[1])} has published "), *written, Run(".")],
                     [*members, *key[1:]], "answer",
                     [Run(f"{lead}{plan.namer(key[1])} has also published "), *written, Run(".")])
        elif key[0] == "published":
            lead = f"In {key[2]}, " if key[2] else ""
            who = plan.namer(key[1]) if key[1] else ""
            series = _series(plan, members, behalf)
            runs = [Run(f"{lead}{who} published {series}"), *written, Run(".")] if who else \
                [*written, Run(f" {'were' if plural else 'was'} published{' in ' + key[2] if key[2] else ''}.")]
            also = [Run(f"{lead}{who} also published {series}"), *written, Run(".")] if who else None
            plan.add(runs, [*members, *(k for k in key[1:2] if k)], "answer", also)
        else:
            state = plan.namer.label(key[1]) if key[1] else "planned"
            due = f" and {'are' if plural else 'is'} to be published in {key[2]}" if key[2] else ""
            plan.add([*written, Run(f" {'are' if plural else 'is'} {state}{due}.")], members)


def _series(plan: Plan, works: list[str], behalf: dict[str, set[str]]) -> str:
    """"the Commission's background study papers on ": works of one kind published for one body, as the source
    introduces them, when the body has a short name to say it by (else nothing: the titles speak)."""
    bodies = set().union(*(behalf[work] for work in works))
    kinds = set.intersection(*(plan.namer.types(work) & PUBLICATION_TYPES for work in works)) - {PUBLICATION}
    short = plan.namer.entry(next(iter(bodies))).short if len(bodies) == 1 else None
    if not short or len(kinds) != 1:
        return ""
    words = re.findall(r"[A-Z][a-z]*", next(iter(kinds)).rsplit("#", 1)[-1])
    return f"the {short}'s {' '.join(words).lower()}{'s' if len(works) > 1 else ''} on "


def presented(plan: Plan) -> None:
    """'The implementation plan for GLOSOB, prepared in collaboration with ..., was presented at ... in June 2024.'"""
    for subject in plan.subjects():
        _presented(plan, subject)


def _presented(plan: Plan, subject: str) -> None:
    for fact in plan.take(plan.of(subject, "presentedAt")):
        partners = plan.take(plan.of(subject, "inCollaborationWith"))
        by = plan.take(plan.of(subject, "presentedBy"))
        start = plan.take(plan.of(fact.value, "startDate"))
        plan.take(plan.of(subject, str(DCT.subject)))
        together = f", in collaboration with {names(plan, [p.value for p in partners])}," if partners else ""
        date = f" {when(start[0].value)}" if start else ""
        where = f" at {plan.namer(fact.value)}{date}"
        # What the plan includes, when its description says it ("..., including a tiered approach ...").
        described = plan.of(subject, str(DCT.description))
        including = re.search(r", (including [^.]+)", described[0].value) if described else None
        if including:
            plan.take(described)
            where += f", {including.group(1)}"
        if by:
            text = f"{names(plan, [b.value for b in by])}{together} presented {plan.namer(subject)}{where}."
        else:
            text = f"{plan.namer(subject)}{together.replace(', in', ', prepared in')} was presented{where}."
        plan.add(text, [*(b.value for b in by), subject, fact.value, *(p.value for p in partners)])


__all__ = ["presented", "publications", "titles"]
