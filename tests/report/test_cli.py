"""`soilkg report` as a user runs it: choices, output paths, clear errors, and the site's report page."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_cli import REPO, Cli

from soilkg.paths import Project


def test_a_session_without_its_meeting_says_exactly_what_to_add(cli: Cli) -> None:
    """Session facts come from the meeting resource: without it, the exact `soilkg new meeting` command."""
    result = cli.run("report", "--session", "99")
    assert result.returncode == 2
    assert "no meeting for session 99 of organisation:cgrfa" in result.stderr
    assert ("soilkg new meeting --body cgrfa --session 99 --place PLACE --start YYYY-MM-DD --end YYYY-MM-DD "
            "[--agenda-item N.N] --source PASSAGE") in result.stderr
    assert "Traceback" not in result.stderr


def test_next_session_without_its_meeting_says_how_to_add_it(cli: Cli) -> None:
    """The next session (21) has no meeting in the shipped data: the message names the command, not a fallback."""
    result = cli.run("report", "--session", "21")
    assert result.returncode == 2
    assert "soilkg new meeting --body cgrfa --session 21 " in result.stderr
    assert "soilkg new web-page" in result.stderr and "Traceback" not in result.stderr


def test_unknown_format_is_refused(cli: Cli) -> None:
    result = cli.run("report", "--format", "pdf")
    assert result.returncode == 2
    assert "pdf" in result.stderr and "Traceback" not in result.stderr


def test_out_writes_where_asked(cli: Cli, tmp_path: Path, reports: dict[str, Path]) -> None:
    out = tmp_path / "nested" / "draft.html"
    result = cli.run("report", "--format", "html", "--out", str(out), "--site-url", "https://example.org/soilkg/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    html = out.read_text()
    assert 'href="https://example.org/soilkg/network/netsob/"' in html
    assert not list(out.parent.glob(".*.tmp"))  # written through a temporary file, then renamed


def test_site_page_links_to_catalogue_sources(build_dir: Path, monkeypatch: pytest.MonkeyPatch,
                                              reports: dict[str, Path]) -> None:
    from soilkg.report import site_page
    from soilkg.store import open_read_only

    monkeypatch.setenv("SOILKG_BUILD", str(build_dir))
    text = site_page(Project(REPO), open_read_only(Project(REPO)))
    assert "](../network/netsob/index.md)" in text
    assert "](../document/cgrfa-20-item-8-4/index.md#p4)" in text
    assert "[^20]: " in text and "# PROGRESS REPORT" in text


def test_include_demo_lists_demonstration_case_studies_as_synthetic(
        tmp_path_factory: pytest.TempPathFactory, reports: dict[str, Path]) -> None:
    from report_cli import cli_for

    demo_files = sorted((REPO / "examples" / "case-studies").glob("*.ttl"))
    if not demo_files:
        pytest.skip("no demonstration case studies in examples/case-studies")
    cli = cli_for(REPO, tmp_path_factory.mktemp("demo-build"))
    out = tmp_path_factory.mktemp("demo-out") / "draft.md"
    # The demonstrations were "published" on 2026-05-04, after session 20: not in its cycle ...
    result = cli.run("report", "--include-demo", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "## Case studies of best practice" not in out.read_text()
    # ... unless the reporter takes the cycle further.
    result = cli.run("report", "--include-demo", "--until", "2026-12-31", "--out", str(out))
    assert result.returncode == 0, result.stderr
    md = out.read_text()
    section = md.split("## Case studies of best practice", 1)[1].split("\n## ", 1)[0]
    paragraphs = [line for line in section.splitlines() if line.startswith("**")]
    assert len(paragraphs) == len(demo_files)
    assert all("DEMONSTRATION (synthetic, not a real project)" in p for p in paragraphs)
    # The public draft has no demonstration in it.
    assert "DEMONSTRATION" not in reports["md"].read_text()
