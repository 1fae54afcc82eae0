"""Reading a curator's file: a UTF-8 byte-order mark is accepted everywhere (validate, build, the line
locator); a file in another encoding is refused with the line and column of its first bad byte."""

from __future__ import annotations

import codecs
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg.locate import index_text
from soilkg.paths import Project
from soilkg.sourcefile import SourceEncodingError, decode, decode_lenient, read_source
from soilkg.store import parse_into
from soilkg.validation import build_validated, validate
from tests.curation.sandbox import copy_sources

TURTLE = '@prefix ex: <http://example.org/> .\nex:a ex:name "Région" .\n'


def test_a_byte_order_mark_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + TURTLE.encode()) == TURTLE
    assert decode_lenient(codecs.BOM_UTF8 + TURTLE.encode()) == TURTLE


def test_latin_1_is_refused_at_its_first_bad_byte() -> None:
    with pytest.raises(SourceEncodingError) as caught:
        decode(TURTLE.encode("latin-1"))
    error = caught.value
    assert (error.line, error.column) == (2, 16)
    assert "byte 0xE9 at line 2, column 16" in error.message
    assert "probably \"é\"" in error.message and "Re-save the file as UTF-8" in error.message


def test_the_column_counts_characters_not_bytes() -> None:
    data = "ex:a ex:b \"ñandú\" ; ex:c \"".encode() + "é".encode("latin-1") + b'" .\n'
    with pytest.raises(SourceEncodingError) as caught:
        decode(data)
    assert (caught.value.line, caught.value.column) == (1, 27)


def test_the_locator_reads_lines_after_a_byte_order_mark() -> None:
    text = decode_lenient(codecs.BOM_UTF8 + b"@prefix ex: <http://example.org/> .\n\nex:a\n    ex:b 1 .\n")
    index = index_text(text)
    assert index.line_of("http://example.org/a", "http://example.org/b") == 4
    assert index.prefix_lines == {"http://example.org/": 1}


def test_parse_into_gives_the_encoding_finding_its_place(tmp_path: Path) -> None:
    project = Project(tmp_path)
    path = tmp_path / "data" / "case-study" / "x.ttl"
    path.parent.mkdir(parents=True)
    path.write_bytes(TURTLE.encode("latin-1"))
    finding = parse_into(ox.Store(), project, path)
    assert finding is not None
    assert (finding.file, finding.line, finding.column, finding.rule) == ("data/case-study/x.ttl", 2, 16, "encoding")
    path.write_bytes(codecs.BOM_UTF8 + TURTLE.encode())
    assert read_source(path) == TURTLE
    assert parse_into(ox.Store(), project, path) is None


def test_a_case_study_saved_with_a_byte_order_mark_validates_and_builds(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Notepad and Excel's "CSV UTF-8" write the mark: the file is as good as without it."""
    root = tmp_path / "repo"
    root.mkdir()
    copy_sources(root)
    monkeypatch.setenv("SOILKG_BUILD", str(tmp_path / "build"))
    project = Project(root)
    target = root / "data" / "case-study" / "valid-minimal.ttl"
    target.write_bytes(codecs.BOM_UTF8 + target.read_bytes())
    assert [f for f in validate(project, [target]) if f.severity.value == "Violation"] == []
    assert build_validated(project).files > 0
