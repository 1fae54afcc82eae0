"""The standing context of a next report, written by the sentence planner from the Initiative's and its Plan
of Action's own statements (the passages of the report that stated them): what the Initiative is, when and by
what it was established, the plan that adopted it, who was invited to do what and who leads it."""

from __future__ import annotations

from soilkg.report.gather import QueryRunner, Row
from soilkg.report.model import Mode, Paragraph, Run
from soilkg.report.namer import Fact, Namer
from soilkg.report.passages import Passages
from soilkg.report.planner import ParagraphInput, plan_paragraph
from soilkg.report.subjects import term

# Statements a standing paragraph reads besides the resource's own: who established, adopted or leads it.
INTO = {term(p) for p in ("establishes", "adopts", "leadsImplementationOf", "planOf")}


class Standing:
    def __init__(self, runner: QueryRunner, passages: Passages, namer: Namer) -> None:
        self.runner = runner
        self.passages = passages
        self.namer = namer

    def _facts(self, iri: str) -> tuple[list[Fact], list[Row]]:
        rows = self.runner.rows("report-statements", resource=iri)
        facts: list[Fact] = []
        for row in rows:
            if row["value"].startswith("http"):
                self.namer.learn(row["value"], row.get("valueLabel"), row.get("valueAcronym"))
            if row["direction"] == "out":
                facts.append(Fact(iri, row["property"], row["value"]))
            elif row["property"] in INTO:
                facts.append(Fact(row["value"], row["property"], iri))
        return facts, rows

    def _learn(self, iri: str, rows: list[Row]) -> None:
        own = {r["property"]: r["value"] for r in rows if r["direction"] == "out"}
        self.namer.learn(iri, own.get("http://www.w3.org/2000/01/rdf-schema#label"), own.get(term("acronym")),
                         own.get("http://www.w3.org/2004/02/skos/core#altLabel"),
                         own.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))

    def _paragraph(self, iri: str, facts: list[Fact], everything: list[Fact]) -> Paragraph | None:
        def cite(said: list[Fact]) -> list[Run]:
            return self.passages.marks(*((f.subject, f.prop, f.value) if f.value.startswith("http")
                                         else (f.subject, f.prop) for f in said))

        runs, _ = plan_paragraph(self.namer, ParagraphInput(iri, 0, "", [], {}), facts, everything, cite)
        return Paragraph(runs=runs, mode=Mode.GENERATED, origin="Standing context") if runs else None

    def initiative(self, iri: str) -> Paragraph | None:
        facts, rows = self._facts(iri)
        self._learn(iri, rows)
        return self._paragraph(iri, [f for f in facts if f.prop != term("planOf")], facts)

    def plan(self, initiative: str) -> Paragraph | None:
        """The Plan of Action: adopted by which decision, the invitations of that decision, who leads it."""
        plans = [f.subject for f in self._facts(initiative)[0] if f.prop == term("planOf")]
        if not plans:
            return None
        facts, rows = self._facts(plans[0])
        self._learn(plans[0], rows)
        everything = list(facts)
        for fact in list(facts):
            if fact.prop == term("adopts"):  # the decision, its meeting and its other paragraphs
                decision = fact.subject.rsplit("/", 1)[0]
                own, decision_rows = self._facts(decision)
                self._learn(decision, decision_rows)
                facts += [f for f in own if f.prop == term("decisionOf")]
                for part in (f.value for f in own if f.prop == term("paragraph")):
                    facts += [f for f in self._facts(part)[0] if f.prop in {term("invites"), term("invitesThrough"),
                                                                             term("invitationTo")}]
            if fact.prop == term("leadsImplementationOf"):  # who acts through whom: "FAO, through the GSP's ..."
                for unit in self._facts(fact.subject)[0]:
                    if unit.prop == term("unitOf"):
                        everything.append(unit)
                        everything += [f for f in self._facts(unit.value)[0] if f.prop == term("hostedBy")]
        return self._paragraph(plans[0], facts, everything + facts)


__all__ = ["Standing"]
