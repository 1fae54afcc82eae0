"""Print findings and errors for people (rich) or machines (JSON). One place, one shape."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from soilkg.errors import Finding, Severity, SoilkgError

_STYLE = {Severity.VIOLATION: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

# emoji off: ":date:" in "xsd:date:" must stay text. Every message is escaped: "[...]" is Turtle, not markup.
stderr = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
stdout = Console(highlight=False, soft_wrap=True, emoji=False)


def print_findings(findings: Sequence[Finding], fmt: str = "text", console: Console | None = None) -> None:
    if fmt == "json":
        counts = {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}
        json.dump({"findings": [f.to_json() for f in findings], "counts": counts}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    out = console or stdout
    for finding in sorted(findings, key=lambda f: (f.file, f.line or 0, f.severity.value)):
        style = _STYLE[finding.severity]
        out.print(f"[bold]{escape(finding.where())}[/bold]: [{style}]{finding.severity.value}[/{style}] "
                  f"{escape(finding.message)}" + (f" [dim]({escape(finding.rule)})[/dim]" if finding.rule else ""),
                  markup=True)


def print_error(error: SoilkgError) -> None:
    if error.findings:
        print_findings(error.findings, console=stderr)
    stderr.print(f"[bold red]error:[/bold red] {escape(error.message)}", markup=True)
