"""Hints for Turtle a curator wrote in another tool's form: the `soilkg new` commands take a passage as
`document:S/p6`, which is not a Turtle prefixed name (it cannot hold a "/"). Core module: the syntax
messages of soilkg.store use it."""

from __future__ import annotations

import re

from soilkg.namespaces import ID

_CLI_PART = re.compile(r"\bdocument:([a-z0-9][a-z0-9-]*)/((?:p|fn)\d+)\b")


def cli_form_hint(line: str) -> str:
    """For Turtle with the command line's `document:S/p6` in it (a prefixed name cannot hold a "/"): how to
    write the passage in Turtle. "" when the line has no such form."""
    match = _CLI_PART.search(line)
    if match is None:
        return ""
    slug, part = match.groups()
    return (f" `document:{slug}/{part}` is how the `soilkg new` commands take a passage; in Turtle write "
            f"`<{ID}document/{slug}/{part}>`, or declare a prefix for the document's parts "
            f"(`@prefix {slug}: <{ID}document/{slug}/> .`) and write `{slug}:{part}`.")
