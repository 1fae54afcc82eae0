"""Named queries' expected answers: tests/api/expected/<name>.json holds {"params": {...}, "rows": [...]}.

Rows are compared as sets of {variable: value} (values as text; the space-separated ?statedIn lists
sorted), so row order and GROUP_CONCAT order do not matter. Regenerate after checking a changed
answer against the source document: ``python tests/api/named_cases.py`` (with SOILKG_BUILD set to a
built store); then read the diff line by line before keeping it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

EXPECTED = Path(__file__).parent / "expected"


def normalise(rows: list[dict[str, Any]]) -> list[str]:
    """Rows from SPARQL JSON results as sorted canonical strings."""
    out = []
    for row in rows:
        flat = {}
        for name, term in row.items():
            value = term["value"]
            if name == "statedIn":
                value = " ".join(sorted(value.split()))
            flat[name] = value
        out.append(json.dumps(flat, sort_keys=True, ensure_ascii=False))
    return sorted(out)


def cases() -> list[tuple[str, dict[str, str], list[str]]]:
    found = []
    for path in sorted(EXPECTED.glob("*.json")):
        data = json.loads(path.read_text())
        found.append((data.get("query", path.stem.split("@")[0]), data.get("params", {}), data["rows"]))
    return found


def _regenerate() -> None:
    from soilkg import queries
    from soilkg.api.worker import term_json
    from soilkg.paths import Project
    from soilkg.store import open_read_only

    project = Project.here()
    store = open_read_only(project)
    library = queries.load_all(project.queries)
    for path in sorted(EXPECTED.glob("*.json")):
        data = json.loads(path.read_text())
        query = library[data.get("query", path.stem.split("@")[0])]
        solutions = queries.run(store, query, data.get("params", {}))
        names = [v.value for v in solutions.variables]
        rows = [{n: term_json(t) for n in names if (t := s[n]) is not None} for s in solutions]
        data["rows"] = [json.loads(r) for r in normalise(rows)]
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        print(f"{path.name}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    _regenerate()
