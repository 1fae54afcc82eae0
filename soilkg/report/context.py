"""The statements of one resource, for the next report's sentences."""

from __future__ import annotations

from soilkg.report.gather import QueryRunner, Row
from soilkg.report.model import Run


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


__all__ = ["Statements", "sentence"]
