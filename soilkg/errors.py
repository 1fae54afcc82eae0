"""Findings: the one shape in which every problem is reported to people and machines."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum

# Findings that mean a file could not be read at all (exit code 2, "unusable input"): nothing else about
# that file can be trusted, so they also stop every other finding from it.
UNREADABLE_RULES = frozenset({"turtle-syntax", "encoding"})


class Severity(StrEnum):
    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"


@dataclass(frozen=True)
class Finding:
    """One problem: where it is, what is wrong, how to fix it."""

    file: str  # repository-relative path
    line: int | None
    message: str  # written for a curator: what is wrong and how to fix it
    severity: Severity = Severity.VIOLATION
    rule: str = ""  # the shape, check or parser that found it
    focus: str | None = None  # the resource IRI concerned
    path: str | None = None  # the property concerned
    value: str | None = None  # the offending value
    column: int | None = None

    def where(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


class SoilkgError(Exception):
    """An error we expect and can explain; the CLI prints its findings, never a traceback."""

    def __init__(self, message: str, findings: list[Finding] | None = None, exit_code: int = 2) -> None:
        super().__init__(message)
        self.message = message
        self.findings = findings or []
        self.exit_code = exit_code
