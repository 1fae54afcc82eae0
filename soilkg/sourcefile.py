"""Reading a source file's bytes as text, the one way every reader does it (validate, build, locate).

Curators' editors differ: Notepad and Excel's "CSV UTF-8" start a file with a UTF-8 byte-order
mark, which Turtle parsers reject as a stray character at 1:1; it carries no content, so it is
dropped. A file in another encoding (Latin-1, Windows-1252) is refused with the line and column of
its first byte that is not UTF-8, the character it probably meant, and how to re-save it.
"""

from __future__ import annotations

import codecs
from pathlib import Path

BOM = codecs.BOM_UTF8
FIX = ("Re-save the file as UTF-8: in VS Code click the encoding in the status bar, \"Save with Encoding\", "
       "UTF-8; in Notepad \"Save as\", Encoding: UTF-8; or run `iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW`.")


class SourceEncodingError(ValueError):
    """A file that is not UTF-8 text: where its first bad byte is, and a message for curators."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message


def decode(data: bytes) -> str:
    """The text of a source file: UTF-8, a leading byte-order mark dropped."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _encoding_error(data, error) from error


def decode_lenient(data: bytes) -> str:
    """The same text for tools that only look (the line locator): bad bytes become U+FFFD."""
    if data.startswith(BOM):
        data = data[len(BOM):]
    return data.decode("utf-8", errors="replace")


def read_source(path: Path) -> str:
    return decode(path.read_bytes())


def read_lenient(path: Path) -> str:
    return decode_lenient(path.read_bytes())


def _encoding_error(data: bytes, error: UnicodeDecodeError) -> SourceEncodingError:
    start = error.start
    before = data[:start]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    # Columns count characters, as editors show them: decode what precedes the byte on its line.
    column = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
    bad = data[start:error.end]
    guess = bad.decode("cp1252", errors="replace")
    meant = f" (probably \"{guess}\" written in Windows-1252 or Latin-1)" if guess.isprintable() and \
        guess != "\ufffd" else ""
    message = (f"The file is not UTF-8 text: byte 0x{bad[:1].hex().upper()} at line {line}, column {column} "
               f"cannot be read{meant}. {FIX}")
    return SourceEncodingError(line, column, message)
