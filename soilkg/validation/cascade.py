"""One mistake, one message: findings that only follow from another finding are dropped.

- A file that cannot be read (bad Turtle, not UTF-8) says so once; references to the resources it
  would have defined are not reported again as undefined.
- A file that fails a structural rule (it is empty, its namespace is misspelt, its resource is a
  blank node, untyped or not the one its path names: soilkg.validation.filestructure) gets that one
  finding; everything else about the file follows from it and is left for the next run.
- A file that states facts about another resource (soilkg.validation.ownership) gets one finding per
  such resource; what those facts break on that resource (a second label, a type that calls for more
  properties) is not reported again.
- Files that only referred to a resource a changed file no longer defines are loaded in part by a
  single-file run: only their references are checked (soilkg.validation.engine).
"""

from __future__ import annotations

from collections.abc import Iterable

from soilkg.errors import UNREADABLE_RULES, Finding
from soilkg.urls import data_file
from soilkg.validation.filestructure import STRUCTURAL_RULES

# Ownership findings whose focus is another resource than the file's own.
FOREIGN_RULES = frozenset({"foreign-statement", "two-resources"})


def without_cascade(findings: Iterable[Finding]) -> list[Finding]:
    findings = list(findings)
    broken = {f.file for f in findings if f.rule in UNREADABLE_RULES}
    structural = {f.file for f in findings if f.rule in STRUCTURAL_RULES} - broken
    # A resource renamed in its file only (wrong-resource) is told once, there: once the file is renamed
    # too, the files that still point at the old IRI are told (undefined-reference).
    stopped = broken | structural
    # What a structurally failed or foreign description is about: the findings on it follow from that.
    foreign = {f.focus for f in findings if f.rule in FOREIGN_RULES | STRUCTURAL_RULES and f.focus}
    # A loose blank node (told once, foreign-statement without a resource): what else is said of it
    # has no resource either.
    loose = {f.file for f in findings if f.rule == "foreign-statement" and f.focus is None}
    kept = []
    for finding in findings:
        if finding.file in loose and finding.focus is None and finding.rule not in FOREIGN_RULES:
            continue
        if finding.file in broken and finding.rule not in UNREADABLE_RULES:
            continue
        if finding.file in structural and finding.rule not in STRUCTURAL_RULES:
            continue
        if finding.rule == "undefined-reference" and finding.value and data_file(finding.value) in stopped:
            continue
        if finding.rule not in FOREIGN_RULES | STRUCTURAL_RULES and finding.focus in foreign:
            continue
        kept.append(finding)
    return kept
