"""The README tells a new user the truth: its two commands exist, CI runs exactly its test command,
and every `soilkg` command is documented there (datasette-style documentation completeness)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import typer
from typer.main import get_command

from soilkg import cli

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")


def first_block() -> list[str]:
    block = README.split("```", 2)[1]
    return [line.split("#", 1)[0].strip() for line in block.splitlines()[1:] if line.strip()]


def test_readme_starts_with_the_two_commands() -> None:
    assert first_block() == ["make up", "make test"]
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^up:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    commands = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()
                if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert commands == ["make test"]


def all_commands() -> list[str]:
    cli._register_all()
    group = get_command(cli.app)
    assert isinstance(group, typer.core.TyperGroup)
    names: list[str] = []
    for name, command in group.commands.items():
        if command.hidden:
            continue
        sub = getattr(command, "commands", None)
        names.extend(f"{name} {s}" for s in sub) if sub else names.append(name)
    return names


def test_every_cli_command_is_in_the_readme() -> None:
    missing = [name for name in all_commands() if f"soilkg {name}" not in README]
    assert missing == [], f"document these in README.md: {missing}"


def test_every_command_answers_help_without_traceback() -> None:
    for name in all_commands():
        done = subprocess.run(["soilkg", *name.split(), "--help"], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (name, done.stderr)
