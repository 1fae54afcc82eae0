"""Named checks: what SHACL cannot express, one SPARQL file each in shapes/checks/, switched on by
name in shapes/checks/enabled.txt. A few checks need Python (pycountry, the IRI-to-file rule);
they are registered by name in soilkg.validation.pychecks and switched on the same way.

A check file starts with a header, then a SELECT query over the named graphs::

    # message: `{value}` is used here but no file defines it.
    # severity: Violation
    # fix: Correct the IRI, or add the file that describes the resource.
    # suggest: resources
    SELECT ?graph ?focus ?path ?value WHERE { GRAPH ?graph { ?focus ?path ?value } ... }

?graph (the file) is required; ?focus, ?path and ?value place the finding; any other variable can
be named in the message as {name}. `suggest: resources` adds "did you mean" over defined IRIs.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from soilkg.errors import Severity, SoilkgError
from soilkg.validation.allowed import undefined_value_message
from soilkg.validation.context import Context, Hit
from soilkg.validation.suggest import close_iris, did_you_mean, same_kind
from soilkg.validation.terms import compact, to_rdflib

_HEADER = re.compile(r"^#\s*(message|severity|fix|suggest)\s*:\s*(.*)$")
ENABLED_FILE = "enabled.txt"


@dataclass(frozen=True)
class NamedCheck:
    name: str
    message: str
    severity: Severity
    fix: str
    suggest: str
    sparql: str


def parse_check(path: Path) -> NamedCheck:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        match = _HEADER.match(line.strip())
        if match:
            key, value = match.groups()
            header[key] = (header[key] + " " + value) if key in header else value
    if "message" not in header:
        raise SoilkgError(f"{path}: a named check needs a `# message:` header line.", exit_code=2)
    try:
        severity = Severity(header.get("severity", "Violation").strip().capitalize())
    except ValueError as error:
        raise SoilkgError(f"{path}: `# severity:` must be Violation, Warning or Info.", exit_code=2) from error
    return NamedCheck(path.stem, header["message"], severity, header.get("fix", ""),
                      header.get("suggest", "").strip(), text)


def enabled_names(checks_dir: Path) -> list[str]:
    """Names listed in enabled.txt (comments after #), in order; a shell pattern (case-study-*)
    stands for every matching .rq file. None when the file is missing."""
    listing = checks_dir / ENABLED_FILE
    if not listing.is_file():
        return []
    available = sorted(rq.stem for rq in checks_dir.glob("*.rq"))
    names: list[str] = []
    for line in listing.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip()
        expanded = fnmatch.filter(available, name) if any(c in name for c in "*?[") else [name] if name else []
        names.extend(n for n in expanded if n not in names)
    return names


def _format(template: str, row: ox.QuerySolution, variables: list[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in variables:
            return match.group(0)
        term = row[name]
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            return compact(term.value)
        if name == "value" and isinstance(term, ox.Literal):
            return f'"{term.value}"'  # the offending text, quoted as the curator wrote it
        return str(term.value)
    return re.sub(r"\{(\w+)\}", replace, template)


def run_sparql_check(check: NamedCheck, ctx: Context) -> list[Hit]:
    try:
        result = ctx.store.query(check.sparql)
    except SyntaxError as error:
        raise SoilkgError(f"shapes/checks/{check.name}.rq is not valid SPARQL: {error.msg}", exit_code=2) from error
    if not isinstance(result, ox.QuerySolutions):
        raise SoilkgError(f"shapes/checks/{check.name}.rq must be a SELECT query.", exit_code=2)
    variables = [v.value for v in result.variables]
    hits = []
    for row in result:
        graph = row["graph"].value if "graph" in variables and row["graph"] is not None else None
        if not ctx.in_scope(graph):
            continue
        focus = row["focus"] if "focus" in variables else None
        path = row["path"] if "path" in variables else None
        value = row["value"] if "value" in variables else None
        message = _format(check.message, row, variables)
        if check.fix:
            message += " " + _format(check.fix, row, variables)
        better = undefined_value_message(ctx, path.value if isinstance(path, ox.NamedNode) else None, value.value) \
            if check.suggest == "resources" and isinstance(value, ox.NamedNode) else None
        if better is not None:
            message = better  # the allowed values, or the command that adds a real country
        elif check.suggest == "resources" and isinstance(value, ox.NamedNode):
            folder = value.value[: value.value.rfind("/") + 1]
            message += did_you_mean(close_iris(value.value, same_kind(value.value, ctx.defined(folder))))
        hits.append(Hit(check.name, graph, to_rdflib(focus) if focus is not None else None, message,
                        check.severity, path.value if isinstance(path, ox.NamedNode) else None,
                        to_rdflib(value) if value is not None else None))
    return hits


def run_checks(ctx: Context) -> list[Hit]:
    """Every enabled check, SPARQL or Python, in the order enabled.txt lists them."""
    from soilkg.validation.pychecks import PYTHON_CHECKS

    checks_dir = ctx.project.checks
    hits: list[Hit] = []
    for name in enabled_names(checks_dir):
        rq = checks_dir / f"{name}.rq"
        if rq.is_file():
            hits.extend(run_sparql_check(parse_check(rq), ctx))
        elif name in PYTHON_CHECKS:
            hits.extend(PYTHON_CHECKS[name](ctx))
        else:
            raise SoilkgError(
                f"shapes/checks/{ENABLED_FILE} switches on `{name}`, but there is no {name}.rq and no built-in "
                f"check of that name. Built-in checks: {', '.join(sorted(PYTHON_CHECKS))}.", exit_code=2)
    return hits
