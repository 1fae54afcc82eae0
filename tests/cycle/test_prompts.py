"""Run in a terminal without flags, the `soilkg new` commands ask for each missing required value (a real
pseudo-terminal, the real CLI); the answers are checked like flags. All answers are SYNTHETIC."""

from __future__ import annotations

import os
import pty
import subprocess

from tests.cycle.conftest import SOILKG, Repo


def _in_terminal(repo: Repo, args: list[str], answers: list[str]) -> tuple[int, str]:
    master, slave = pty.openpty()
    process = subprocess.Popen([str(SOILKG), *args], stdin=slave, stdout=slave, stderr=slave, env=repo.env(),
                               cwd=repo.root, close_fds=True)
    os.close(slave)
    os.write(master, "".join(f"{a}\n" for a in answers).encode())
    output = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    return process.wait(timeout=120), output.decode(errors="replace")


def test_web_page_prompts_for_what_is_missing(repo: Repo) -> None:
    code, output = _in_terminal(repo, ["new", "web-page", "--slug", "synthetic-prompted"],
                                ["https://example.org/synthetic", "Synthetic prompted page", "2026-05-04"])
    assert code == 0, output
    for question in ("The page's address:", "The page's title:", "The day you read it (YYYY-MM-DD):"):
        assert question in output
    text = (repo.root / "data" / "web-page" / "synthetic-prompted.ttl").read_text(encoding="utf-8")
    assert "skg:url <https://example.org/synthetic>" in text and '"2026-05-04"^^xsd:date' in text


def test_prompted_answers_are_checked_like_flags(repo: Repo) -> None:
    code, output = _in_terminal(repo, ["new", "figure", "--updates", "figure:global-soil-doctors-trainers"],
                                ["seven hundred"])
    assert code == 2
    assert "The new value:" in output and "--value `seven hundred`: not a number" in output
    assert "Traceback" not in output
