"""One rule for printing numbers (1 800, 70 000), shared by the site and the report drafts."""

from __future__ import annotations

import subprocess
import sys

from soilkg import textfmt
from soilkg.report import text
from soilkg.sitegen import charts, render


def test_site_and_report_use_the_one_shared_helper() -> None:
    assert text.number is textfmt.format_number
    assert render.format_number is textfmt.format_number and charts.format_number is textfmt.format_number
    assert [textfmt.format_number(v) for v in ("657", "1800", "70000", "2.5", "12.0", "n/a")] == \
        ["657", "1 800", "70 000", "2.5", "12", "n/a"]


def test_the_report_does_not_load_the_site_builder_for_it() -> None:
    code = "import sys, soilkg.report.text; print('mkdocs' in sys.modules, 'soilkg.sitegen' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert loaded.stdout.split() == ["False", "False"]
