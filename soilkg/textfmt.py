"""Text formatting shared by the site and the report drafts, kept free of heavy imports (the report
must not load the site builder, MkDocs, to print a number)."""

from __future__ import annotations


def format_number(lexical: str) -> str:
    """A whole number as the UN style (and the source document) prints it: thousands grouped with a
    space (1 800, 70 000). Anything else (2.5, text) is returned as written."""
    try:
        value = float(lexical)
    except ValueError:
        return lexical
    return f"{int(value):,}".replace(",", " ") if value.is_integer() else lexical
