"""`soilkg import` reads the case-study sheet as Excel and LibreOffice save it in the six UN languages'
locales: comma, semicolon or tab between cells, decimal commas, a byte-order mark, CRLF, UTF-16 and the
legacy code pages; a byte it cannot decode is named by row and column with the way to fix it.
Every sheet here is synthetic and says so in its title."""

from __future__ import annotations

import csv
import io
import re

import pytest

from soilkg.curation.csvfile import template_text
from tests.curation.sandbox import Sandbox

# Titles in each language, so that each legacy code page meets its own script.
TITLES = {
    "en": "SYNTHETIC locale test",
    "fr": "SYNTHÉTIQUE : essai de paramètres régionaux",
    "es": "SINTÉTICO: prueba de configuración regional",
    "ru": "СИНТЕТИЧЕСКИЙ тест региональных настроек",
    "ar": "اصطناعي: اختبار الإعدادات الإقليمية",
    "zh": "合成数据：区域设置测试",
}


def sheet(title: str, *, slug: str, delimiter: str, latitude: str, longitude: str) -> str:
    """The template's header and help rows plus one data row made from its example, written the way a
    spreadsheet program writes CSV (CRLF line ends, quotes only where needed)."""
    header, help_row, example = list(csv.reader(io.StringIO(template_text(), newline="")))
    row = dict(zip(header, example, strict=True))
    row.update(slug=slug, title=title, latitude=latitude, longitude=longitude,
               reference_urls="https://example.org/synthetic")
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([header, help_row, [row[h] for h in header]])
    return out.getvalue()


def turtle_of(fresh_sandbox: Sandbox, slug: str) -> str:
    return (fresh_sandbox.root / "data" / "case-study" / f"{slug}.ttl").read_text(encoding="utf-8")


CASES = [
    # (locale, what the program saves, separator, encoding written, --encoding given)
    ("en", "Excel, CSV UTF-8", ",", "utf-8-sig", None),
    ("fr", "Excel, CSV UTF-8 (séparateur point-virgule)", ";", "utf-8-sig", None),
    ("fr", "Excel, CSV (séparateur : point-virgule)", ";", "cp1252", "cp1252"),
    ("es", "Excel, CSV (delimitado por comas) in es-ES", ";", "cp1252", "cp1252"),
    ("ru", "Excel, CSV (разделители - запятые) in ru-RU", ";", "cp1251", "cp1251"),
    ("ar", "Excel, CSV in ar-SA", ",", "cp1256", "cp1256"),
    ("zh", "Excel, CSV in zh-CN", ",", "gb18030", "gb18030"),
    ("en", "Excel, Unicode text", "\t", "utf-16", None),
    ("ru", "LibreOffice, Text CSV UTF-8 with semicolons", ";", "utf-8", None),
]


@pytest.mark.parametrize(("lang", "program", "delimiter", "written", "given"), CASES,
                         ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_sheet_from_any_locale_imports(fresh_sandbox: Sandbox, lang: str, program: str, delimiter: str, written: str,
                                       given: str | None) -> None:
    decimal = "," if delimiter != "," else "."
    slug = f"synthetic-locale-{lang}-{written.replace('_', '-')}"
    text = sheet(TITLES[lang], slug=slug, delimiter=delimiter, latitude=f"6{decimal}6885",
                 longitude=f"-1{decimal}6244")
    (fresh_sandbox.root / "sheet.csv").write_bytes(text.encode(written))
    args = ["import", "sheet.csv"] + (["--encoding", given] if given else [])
    result = fresh_sandbox.run(*args)
    assert result.returncode == 0, f"{program}: {result.stdout}{result.stderr}"
    turtle = turtle_of(fresh_sandbox, slug)
    assert TITLES[lang] in turtle
    assert re.search(r"geo:lat 6\.6885\b", turtle), turtle
    assert re.search(r"geo:long -1\.6244\b", turtle), turtle


def test_legacy_code_page_without_encoding_names_row_column_and_fix(fresh_sandbox: Sandbox) -> None:
    text = sheet(TITLES["ru"], slug="synthetic-locale-ru", delimiter=";", latitude="6,6885", longitude="-1,6244")
    (fresh_sandbox.root / "sheet.csv").write_bytes(text.encode("cp1251"))
    result = fresh_sandbox.run("import", "sheet.csv")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    # Row 1 is the header, row 2 the help row: the first Cyrillic byte is in row 3's title.
    header = next(csv.reader(io.StringIO(template_text())))
    column = header.index("title") + 1
    assert f"sheet.csv:3:{column}" in result.stderr, result.stderr
    assert "`title`" in result.stderr and "--encoding cp1251" in result.stderr
    assert not (fresh_sandbox.root / "data" / "case-study" / "synthetic-locale-ru.ttl").exists()


def test_decimal_comma_in_a_comma_separated_sheet_is_not_read_as_a_decimal(fresh_sandbox: Sandbox) -> None:
    # In a comma-separated sheet a quoted "6,6885" is ambiguous (a thousands separator in English): refused.
    text = sheet(TITLES["en"], slug="synthetic-locale-ambiguous", delimiter=",", latitude="6,6885",
                 longitude="-1.6244")
    (fresh_sandbox.root / "sheet.csv").write_text(text, encoding="utf-8")
    result = fresh_sandbox.run("import", "sheet.csv")
    assert result.returncode == 1, result.stdout + result.stderr
    told = result.stdout + result.stderr
    assert "latitude" in told and "is not a number" in told


def test_unknown_encoding_name_is_refused(fresh_sandbox: Sandbox) -> None:
    (fresh_sandbox.root / "sheet.csv").write_text(template_text(), encoding="utf-8")
    result = fresh_sandbox.run("import", "sheet.csv", "--encoding", "klingon")
    assert result.returncode == 2 and "is not a text encoding" in result.stderr and "Traceback" not in result.stderr
