"""Print findings for people without rich reading them as markup or emoji codes.

soilkg.output.print_findings interpolates messages into rich markup: a message holding "[...]" (Turtle
blank nodes, lists) would be taken for markup, and ":date:" in "xsd:date:" became an emoji. We pass it
findings whose text is escaped and a console with emoji off; the JSON output is left untouched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rich.console import Console
from rich.markup import escape

from soilkg.errors import Finding
from soilkg.output import print_findings

stdout = Console(highlight=False, soft_wrap=True, emoji=False)
stderr = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def print_for_people(findings: Sequence[Finding], console: Console = stdout) -> None:
    safe = [replace(f, message=escape(f.message), file=escape(f.file), rule=escape(f.rule)) for f in findings]
    print_findings(safe, "text", console=console)
