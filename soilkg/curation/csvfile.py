"""The case-study spreadsheet: its template (header, a row of help, an example) and reading it back
as records numbered the way a spreadsheet numbers its rows (the header is row 1)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from soilkg.curation.dialect import DELIMITER_NAMES, Dialect, sniff
from soilkg.curation.schema import (
    CASE_STUDY_FIELDS,
    IMPACT_FIELDS,
    IMPACT_SLOTS,
    NUMBER,
    all_columns,
    number_columns,
    required_columns,
)
from soilkg.errors import Finding, SoilkgError

COMMENT = "#"  # a row whose first cell starts with it is skipped (the help and example rows)
# A cell a spreadsheet would run as a formula (=, +, - or @ first, or a tab or carriage return) is
# written after an apostrophe, which spreadsheets show as text; reading takes the apostrophe off
# again. A number ("-1.6244") is not a formula and is written as it is.
FORMULA = re.compile(r"^[=+\-@\t\r]")
INERT = "'"


def inert(cell: str) -> str:
    """The cell as written into a CSV file that someone may open in a spreadsheet."""
    return INERT + cell if FORMULA.match(cell) and not NUMBER.match(cell) else cell


def revert(cell: str) -> str:
    """The cell as it was before `inert`."""
    return cell[1:] if cell.startswith(INERT) and FORMULA.match(cell[1:]) else cell


def _help_row() -> list[str]:
    cells = [("(required) " if f.required else "") + f.help for f in CASE_STUDY_FIELDS]
    for slot in range(1, IMPACT_SLOTS + 1):
        for f in IMPACT_FIELDS:
            needed = "(required for impact 1) " if slot == 1 and f.required else ""
            cells.append(needed + f.help)
    cells[0] = f"{COMMENT} " + cells[0]
    return cells


def _example_row() -> list[str]:
    cells = [f.example for f in CASE_STUDY_FIELDS]
    cells[0] = f"{COMMENT}example-" + cells[0]
    for slot in range(1, IMPACT_SLOTS + 1):
        cells.extend(f.example if slot == 1 else "" for f in IMPACT_FIELDS)
    return cells


def template_text() -> str:
    """Header, then a help row and an example row that the importer skips (their first cell starts with #)."""
    buffer = io.StringIO(newline="")
    rows = [all_columns(), _help_row(), _example_row()]
    csv.writer(buffer).writerows([[inert(cell) for cell in row] for row in rows])
    return buffer.getvalue()


def write_template(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(template_text().encode("utf-8"))  # bytes: keep the CSV's own line ends


@dataclass(frozen=True)
class Record:
    row: int  # spreadsheet row number: the header is row 1
    cells: dict[str, str]


def read_records(path: Path, shown: str, encoding: str | None = None) -> Iterator[Record]:
    """The data rows of the spreadsheet, with the header checked first, in whatever dialect it was saved."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SoilkgError(f"Cannot read {shown}: {error.strerror}.", exit_code=2) from None
    known = all_columns()
    text, dialect = sniff(data, shown, known, encoding)
    numbers = number_columns()
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=dialect.delimiter)
        header = [h.strip() for h in next(reader, [])]
        _check_header(header, shown, dialect)
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells) or cells[0].lstrip().startswith(COMMENT):
                continue
            values = {name: (revert(cells[i].strip()) if i < len(cells) else "") for i, name in enumerate(header)
                      if name}
            yield Record(number, {name: dialect.number(value) if name in numbers else value
                                  for name, value in values.items()})
    except csv.Error as error:
        raise SoilkgError(f"{shown} is not a readable CSV file ({error}). Save it again as CSV.",
                          exit_code=2) from None


def _check_header(header: list[str], shown: str, dialect: Dialect) -> None:
    import difflib

    known = all_columns()
    findings = []
    for index, name in enumerate(header, start=1):
        if name and name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" Did you mean `{close[0]}`?" if close else " Delete the column or rename it."
            findings.append(Finding(shown, 1, f"column `{name}` is not a column of the template.{hint}",
                                    rule="csv-header", column=index))
    missing = [c for c in required_columns() if c not in header]
    if missing:
        findings.append(Finding(shown, 1, f"the header lacks the required column(s) {', '.join(missing)}. "
                                "Start from `soilkg new csv-template`.", rule="csv-header"))
    if findings:
        separator = DELIMITER_NAMES[dialect.delimiter]
        raise SoilkgError(f"{shown}: the header row does not match the template (read as {dialect.encoding} text "
                          f"with {separator}-separated cells).", findings, exit_code=2)
