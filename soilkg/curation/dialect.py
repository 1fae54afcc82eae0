"""What a spreadsheet program wrote: the text encoding, the cell separator and the decimal mark.

Excel and LibreOffice write CSV differently by locale: in French, Spanish or Russian locales the
cells are separated by semicolons and decimals use a comma ("8,5"); "CSV UTF-8" starts with a
byte-order mark; "Unicode text" is UTF-16 with tabs; the plain "CSV" formats use the locale's legacy
code page (Windows-1252, -1251, -1256, GBK). We read all of these, and name the row and column of
any byte we cannot decode instead of guessing.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

from soilkg.errors import Finding, SoilkgError

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")

# Legacy code pages that Excel's plain "CSV" format uses in the six UN languages' locales.
LEGACY_ENCODINGS = {
    "cp1252": "Western European (English, French, Spanish)",
    "cp1251": "Cyrillic (Russian)",
    "cp1256": "Arabic",
    "gb18030": "Chinese (GBK)",
}


@dataclass(frozen=True)
class Dialect:
    encoding: str
    delimiter: str

    @property
    def decimal_comma(self) -> bool:
        """A locale that separates cells with semicolons or tabs writes decimals with a comma."""
        return self.delimiter != ","

    def number(self, value: str) -> str:
        """A number cell in the form Turtle wants: "8,5" becomes "8.5" where the decimal mark is a comma."""
        if self.decimal_comma and _DECIMAL_COMMA.match(value):
            return value.replace(",", ".")
        return value


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _where(valid_prefix: str, delimiter: str, header: list[str]) -> tuple[int, int, str]:
    """Spreadsheet row (header = 1), column number and column name at the end of the text read so far."""
    rows = list(csv.reader(io.StringIO(valid_prefix + "x", newline=""), delimiter=delimiter))
    row = max(len(rows), 1)
    column = len(rows[-1]) if rows else 1
    name = header[column - 1] if 0 < column <= len(header) else ""
    return row, column, name


def _guess_legacy(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    return best.encoding if best is not None and best.encoding in LEGACY_ENCODINGS else None


def decode(data: bytes, shown: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of the file and the encoding used; a byte that does not decode is named by row and column."""
    chosen = encoding or _bom_encoding(data) or "utf-8"
    try:
        return data.decode(chosen), chosen
    except (UnicodeDecodeError, LookupError) as error:
        if isinstance(error, LookupError):
            raise SoilkgError(f"`{encoding}` is not a text encoding Python knows. Use one of utf-8, "
                              f"{', '.join(LEGACY_ENCODINGS)}.", exit_code=2) from None
        prefix = data[:error.start].decode(chosen, errors="replace")
        first_line = prefix.split("\n", 1)[0]
        delimiter = detect_delimiter(first_line)
        header = next(csv.reader([first_line], delimiter=delimiter), [])
        row, column, name = _where(prefix, delimiter, header)
        bad = data[error.start:error.start + 1].hex().upper()
        guess = _guess_legacy(data) if encoding is None else None
        if guess:
            fix = (f"It looks like {LEGACY_ENCODINGS[guess]} text ({guess}), which the plain \"CSV\" format of "
                   f"Excel writes in that locale. Import it with `--encoding {guess}`, or save the sheet as "
                   "\"CSV UTF-8\" and import again.")
        else:
            fix = "Save the sheet as \"CSV UTF-8\" (Excel) or \"Text CSV\" with character set UTF-8 (LibreOffice)."
        where = f"column {column}" + (f" (`{name}`)" if name else "")
        finding = Finding(shown, row, f"{where}: byte 0x{bad} is not {chosen.upper()} text. {fix}",
                          rule="csv-encoding", column=column)
        raise SoilkgError(f"{shown} could not be read as {chosen.upper()} text.", [finding], exit_code=2) from None


def detect_delimiter(header_line: str, known: list[str] | None = None) -> str:
    """The separator that splits the header into the most known column names (comma when none does)."""
    def score(delimiter: str) -> tuple[int, int]:
        cells = [c.strip() for c in next(csv.reader([header_line], delimiter=delimiter), [])]
        return (sum(c in known for c in cells) if known else 0, len(cells))

    return max(DELIMITERS, key=score) if header_line else ","


def sniff(data: bytes, shown: str, known: list[str], encoding: str | None = None) -> tuple[str, Dialect]:
    """Decode the file and find its separator from the header row."""
    text, used = decode(data, shown, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]  # a BOM inside UTF-16 text, or one written twice
    header_line = text.split("\n", 1)[0].rstrip("\r")
    return text, Dialect(used, detect_delimiter(header_line, known))
