"""Consoles and printing for validation findings: soilkg.output does the escaping (no markup, no emoji)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console

from soilkg.errors import Finding
from soilkg.output import print_findings, stderr, stdout

__all__ = ["print_for_people", "stderr", "stdout"]


def print_for_people(findings: Sequence[Finding], console: Console = stdout) -> None:
    print_findings(findings, "text", console=console)
