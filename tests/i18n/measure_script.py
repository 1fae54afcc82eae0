"""The page scripts the language measures run in Chromium, with the helpers they share written in."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
PLACE = "/* PAGE_TEXT */"


def measure_script(name: str) -> str:
    """tests/i18n/<name>, with tests/i18n/page_text.js where it says PAGE_TEXT."""
    script = (HERE / name).read_text(encoding="utf-8")
    assert script.count(PLACE) == 1, f"{name} must say {PLACE} once"
    return script.replace(PLACE, (HERE / "page_text.js").read_text(encoding="utf-8"))
