"""The standing context of a progress report, written from the graph: what the Initiative is, its Plan of
Action, who was invited to do what and who leads it. Each sentence cites the passages that state it."""

from __future__ import annotations

from dataclasses import dataclass, field

from soilkg.namespaces import RDFS, SKOS
from soilkg.report.gather import QueryRunner, Row
from soilkg.report.model import Run
from soilkg.report.passages import Passages
from soilkg.report.subjects import aim_phrase, decision_words, running_name, term, with_article
from soilkg.report.text import join_words


@dataclass
class Names:
    """A name is written in full (with its acronym) once in the draft, then as its acronym or short name."""

    mentioned: set[str] = field(default_factory=set)
    short: dict[str, str] = field(default_factory=dict)

    def __call__(self, iri: str, label: str, acronym: str | None = None) -> str:
        if iri in self.mentioned:
            return acronym or self.short.get(iri) or with_article(label)
        self.mentioned.add(iri)
        full = with_article(label)
        return f"{full} ({acronym})" if acronym and acronym != label else full

    def of(self, row: Row) -> str:
        return self(row["value"], row.get("valueLabel", row["value"].rsplit("/", 1)[-1]), row.get("valueAcronym"))


class Statements:
    """The report-statements rows of a resource, by direction and property."""

    def __init__(self, runner: QueryRunner, iri: str) -> None:
        self.iri = iri
        self.rows = runner.rows("report-statements", resource=iri)

    def out(self, prop: str) -> list[Row]:
        return [r for r in self.rows if r["direction"] == "out" and r["property"] == prop]

    def into(self, prop: str) -> list[Row]:
        return [r for r in self.rows if r["direction"] == "in" and r["property"] == prop]

    def literal(self, prop: str) -> str | None:
        values = self.out(prop)
        return values[0]["value"] if values else None


def sentence(text: str | list[Run], marks: list[Run]) -> list[Run]:
    runs = [Run(text)] if isinstance(text, str) else list(text)
    return runs + marks


def initiative_paragraph(runner: QueryRunner, passages: Passages, names: Names, iri: str) -> list[list[Run]]:
    """'The International Initiative ... (known as ...) was established in 2002 by paragraph 13 of ...'"""
    st = Statements(runner, iri)
    label = st.literal(str(RDFS.label)) or iri
    alt = st.literal(str(SKOS.altLabel))
    names.mentioned.add(iri)
    if alt:
        names.short[iri] = alt
    start = st.literal(term("startDate"))
    by = st.out(term("establishedBy"))
    head = f"The {label}" + (f" (known as the {alt})" if alt else "") + " was established"
    head += f" in {start[:4]}" if start else ""
    if by:
        row = by[0]
        parent = row.get("valueParentLabel")
        head += (f" by paragraph {row['valueNumber']} of {parent}" if parent and "valueNumber" in row
                 else f" by {row.get('valueLabel', row['value'])}")
    out = [sentence(head + ".", passages.marks((iri, term("startDate")), *((iri, term("establishedBy"), r["value"])
                                                                         for r in by)))]
    for row in st.out(term("withinFramework")):
        out.append(sentence(f"It works within the {row.get('valueLabel', row['value'])}.",
                            passages.marks((iri, term("withinFramework"), row["value"]))))
    for aim in st.out(term("aim")):
        out.append(sentence(f"It aims {aim_phrase(aim['value'])}.", passages.marks((iri, term("aim")))))
    return out


def plan_paragraph(runner: QueryRunner, passages: Passages, names: Names, initiative: str) -> list[list[Run]]:
    """The Plan of Action: adopted by which decision, who was invited to facilitate it, who leads it."""
    st = Statements(runner, initiative)
    plans = st.into(term("planOf"))
    if not plans:
        return []
    plan = plans[0]["value"]
    ps = Statements(runner, plan)
    label = ps.literal(str(RDFS.label)) or plan
    initiative_label = st.literal(str(RDFS.label))
    short_initiative = names.short.get(initiative)
    if initiative_label and short_initiative:
        label = label.replace(initiative_label, short_initiative)
    out: list[list[Run]] = []
    adopted = ps.into(term("adopts"))
    text = f"The {label}"
    names.mentioned.add(plan)
    names.short[plan] = "the " + (ps.literal(str(SKOS.altLabel)) or "Plan of Action")
    if adopted:
        row = adopted[0]
        decision = decision_words(row.get("valueParentLabel", row.get("valueLabel", "")))
        where = f" (paragraph {row['valueNumber']})" if "valueNumber" in row else ""
        out.append(sentence(f"{text} was adopted by {decision}{where}.",
                            passages.marks(*((r["value"], term("adopts"), plan) for r in adopted))))
        if "valueParent" in row:
            out += _invitations(runner, passages, names, row["valueParent"])
    else:
        out.append(sentence(f"{text} guides the Initiative.", passages.marks((plan, term("planOf"), initiative))))
    leaders = ps.into(term("leadsImplementationOf"))
    if leaders:
        verb = "leads" if len(leaders) == 1 else "lead"
        who = join_words([names.of(r) for r in leaders])
        out.append(sentence(f"{who[:1].upper()}{who[1:]} {verb} its implementation.",
                            passages.marks(*((r["value"], term("leadsImplementationOf"), plan) for r in leaders))))
    partners = ps.out(term("inCollaborationWith"))
    if partners:
        who = join_words([names.of(r) if r.get("valueAcronym") else running_name(r.get("valueLabel", r["value"]))
                          for r in partners])
        out.append(sentence(f"They work in collaboration with {who}.",
                            passages.marks(*((plan, term("inCollaborationWith"), r["value"]) for r in partners))))
    return out


def _invitations(runner: QueryRunner, passages: Passages, names: Names, decision: str) -> list[list[Run]]:
    out: list[list[Run]] = []
    for part in Statements(runner, decision).out(term("paragraph")):
        ps = Statements(runner, part["value"])
        invited = ps.out(term("invites"))
        if not invited:
            continue
        through = ps.out(term("invitesThrough"))
        to = ps.literal(term("invitationTo"))
        text = (f"Paragraph {part.get('valueNumber', '')} of the decision invited "
                f"{join_words([names.of(r) for r in invited])}"
                + (f" through {join_words([names.of(r) for r in through])}" if through else "")
                + (f" {aim_phrase(to)}" if to else "") + ".")
        statements = [(part["value"], term(name)) for name in ("invites", "invitesThrough", "invitationTo")]
        out.append(sentence(text, passages.marks(*statements)))
    return out


__all__ = ["Names", "Statements", "initiative_paragraph", "plan_paragraph", "sentence"]
