"""Names written once in full and the statements of one resource, for the next report's sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from soilkg.report.gather import QueryRunner, Row
from soilkg.report.model import Run
from soilkg.report.namer import describes, lead_article
from soilkg.report.subjects import head_noun, with_article


@dataclass
class Names:
    """A name is written in full (with its acronym) once in the draft, then as its acronym or short name."""

    mentioned: set[str] = field(default_factory=set)
    short: dict[str, str] = field(default_factory=dict)

    def __call__(self, iri: str, label: str, acronym: str | None = None) -> str:
        if iri in self.mentioned:
            return acronym or self.short.get(iri) or lead_article(with_article(head_noun(label)))
        self.mentioned.add(iri)
        full = f"the {label[:1].lower()}{label[1:]}" if describes(label) else lead_article(with_article(label))
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


__all__ = ["Names", "Statements", "sentence"]
