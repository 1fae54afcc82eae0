"""Competency questions: one ``NN-name.rq`` file each in ``competency/``, with its expected answer.

Header of every query (comments, so the file stays a valid SPARQL query)::

    # question: Who leads the implementation of the Plan of Action?
    # paragraph: 4, fn5

``paragraph`` lists what the question covers in the source report: paragraph numbers, ``fnN`` for
footnotes, ``title block`` for the heading. The expected answer ``NN-name.expected.csv`` is a CSV
table whose header is the query's variables in order (``ask`` for ASK queries). Cells: our IRIs
(``https://w3id.org/soilkg/...``) compacted with the project's prefixes (``organisation:fao``,
``document:cgrfa-20-item-8-4/p4``); other IRIs in full; literals as their lexical form; an unbound
variable as an empty cell. Rows are compared as a multiset (order does not matter).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from soilkg.namespaces import BASE, PREFIXES

FOLDER = Path(__file__).resolve().parent / "competency"
_HEADER = re.compile(r"^#\s*(question|paragraph):\s*(.+?)\s*$")
# Our namespaces, longest first, so that a kind's prefix wins over the general ``id:``.
_OURS = sorted(((p, ns) for p, ns in PREFIXES.items() if ns.startswith(BASE)), key=lambda item: -len(item[1]))


@dataclass(frozen=True)
class Question:
    name: str
    question: str
    covers: tuple[str, ...]  # "p4", "fn5", "title block"
    sparql: str
    expected_path: Path

    def expected(self) -> tuple[list[str], Counter[tuple[str, ...]]]:
        rows = list(csv.reader(io.StringIO(self.expected_path.read_text(encoding="utf-8"))))
        header, body = rows[0], rows[1:]
        return header, Counter(tuple(row) for row in body)


def _covers(value: str) -> tuple[str, ...]:
    items = []
    for token in (t.strip() for t in value.split(",")):
        items.append(f"p{token}" if token.isdigit() else token)
    return tuple(items)


def load(path: Path) -> Question:
    fields: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := _HEADER.match(line):
            fields[match.group(1)] = match.group(2)
    missing = {"question", "paragraph"} - fields.keys()
    if missing:
        raise ValueError(f"{path.name}: header lacks '# {sorted(missing)[0]}: ...'")
    return Question(path.stem, fields["question"], _covers(fields["paragraph"]), path.read_text(encoding="utf-8"),
                    path.with_suffix(".expected.csv"))


def all_questions() -> list[Question]:
    return [load(path) for path in sorted(FOLDER.glob("*.rq"))]


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in _OURS:
            if term.value.startswith(namespace):
                return f"{prefix}:{term.value[len(namespace):]}"
        return term.value
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def answer(store: ox.Store, question: Question) -> tuple[list[str], Counter[tuple[str, ...]]]:
    """The query's answer in the expected file's shape: its variables and a multiset of rows."""
    result = store.query(question.sparql, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return ["ask"], Counter([("true" if bool(result) else "false",)])
    assert isinstance(result, ox.QuerySolutions), f"{question.name}: only SELECT and ASK are supported"
    names = [v.value for v in result.variables]
    return names, Counter(tuple(cell(row[name]) for name in names) for row in result)
