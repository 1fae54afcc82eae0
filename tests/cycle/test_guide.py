"""The curator guide's section on updates between sessions stays true: every `soilkg new` command it shows
runs, in order, on a copy of the repository and prints what the guide says; the files it shows are the
files written (apart from the date they were written)."""

from __future__ import annotations

import re
import shlex

from tests.cycle.conftest import REPO, Repo

GUIDE = REPO / "site" / "pages" / "curators" / "index.md"
SECTION = "## Between sessions: keeping the record current"
BLOCK = re.compile(r"```(console|markdown|turtle)\n(.*?)```", re.DOTALL)
WRITTEN_ON = re.compile(r"(Written by `soilkg new [^`]+`) on \d{4}-\d{2}-\d{2}\.")


def _blocks() -> list[tuple[str, str]]:
    section = GUIDE.read_text(encoding="utf-8").split(SECTION, 1)[1]
    return [(kind, body) for kind, body in BLOCK.findall(section)]


def _sessions(body: str) -> list[tuple[str, list[str]]]:
    """(command, output lines) for each `$ soilkg new ...` of a console block."""
    found: list[tuple[str, list[str]]] = []
    lines = body.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.startswith("$ "):
            if found:
                found[-1][1].append(line)
            continue
        command = line[2:]
        while command.endswith("\\"):
            command = command[:-1] + " " + lines[index].strip()
            index += 1
        found.append((command, []))
    return [(c, out) for c, out in found if c.startswith("soilkg new ")]


def test_guide_commands_print_what_the_guide_says(repo: Repo) -> None:
    blocks = _blocks()
    markdown = next(body for kind, body in blocks if kind == "markdown")
    (repo.root / "example-report.md").write_text(markdown, encoding="utf-8")
    ran = 0
    for kind, body in blocks:
        if kind != "console":
            continue
        for command, expected in _sessions(body):
            done = repo.run(*shlex.split(command)[1:])
            got = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
            assert sorted(got) == sorted(expected), command
            ran += 1
    assert ran >= 7
    shown = [body for kind, body in blocks if kind == "turtle"]
    for text in shown:
        path = re.search(r"^(figure|publication):(\S+)$", text, re.MULTILINE)
        assert path is not None
        written = (repo.root / "data" / path.group(1) / f"{path.group(2)}.ttl").read_text(encoding="utf-8")
        assert WRITTEN_ON.sub(r"\1", written) == WRITTEN_ON.sub(r"\1", text)
