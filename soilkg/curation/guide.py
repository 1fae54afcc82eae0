"""The curator guide's table of case-study fields (site/pages/curators/index.md), made from the schema.
`python -m soilkg.curation.guide` rewrites the table between its two markers; a test checks that
the guide holds the table as the schema makes it."""

from __future__ import annotations

import sys
from pathlib import Path

from soilkg.curation.schema import CASE_STUDY_FIELDS, IMPACT_FIELDS, SECTIONS, Field, Form

BEGIN = "<!-- fields: made by `python -m soilkg.curation.guide` from soilkg/curation/schema.py -->"
END = "<!-- /fields -->"
GUIDE = Path("site") / "pages" / "curators" / "index.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _row(section: str, spec: Field, column: str) -> str:
    prop = f"`{spec.prop}`" if spec.prop else "(file name)"
    required = "yes" if spec.required else ""
    if spec.form is Form.CURATOR:
        required = "added on review or publication"
    return f"| {section} | `{column}` | {prop} | {required} | {_cell(spec.help)} |"


def field_table() -> str:
    titles = dict(SECTIONS)
    lines = ["| Section | Spreadsheet column | Turtle property | Required | What to write |", "|---|---|---|---|---|"]
    for key, title in SECTIONS:
        lines += [_row(title, spec, spec.column) for spec in CASE_STUDY_FIELDS if spec.section == key]
        if key == "impacts":
            lines += [_row(titles["impacts"], spec, f"impact_N_{spec.column}") for spec in IMPACT_FIELDS]
    return "\n".join([BEGIN, *lines, END])


def with_table(guide: str) -> str:
    """The guide's text with its field table as the schema makes it."""
    start, end = guide.index(BEGIN), guide.index(END) + len(END)
    return guide[:start] + field_table() + guide[end:]


def main(root: Path) -> None:
    path = root / GUIDE
    path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
