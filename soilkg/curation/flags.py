"""Check the values curators give the `soilkg new` commands of the reporting cycle, before anything is
written: a bad value is one message naming the flag, what is wrong and how to write it (exit code 2)."""

from __future__ import annotations

import difflib
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from soilkg.errors import SoilkgError
from soilkg.namespaces import SKG
from soilkg.paths import Project
from soilkg.store import load_memory

DOI = re.compile(r"^10\.\d{4,9}/\S+$")
HANDLE = re.compile(r"^[0-9]+(\.[0-9]+)*/\S+$")


def bad(flag: str, value: str, how: str) -> SoilkgError:
    return SoilkgError(f"{flag} `{value}`: {how}", exit_code=2)


def iso_date(flag: str, value: str) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise bad(flag, value, "not a date. Write it as YYYY-MM-DD, such as 2026-06-30.") from None


def year(flag: str, value: str) -> str:
    if not re.fullmatch(r"\d{4}", value.strip()):
        raise bad(flag, value, "not a year. Write four digits, such as 2025.")
    return value.strip()


def agenda_item(flag: str, value: str) -> str:
    """An agenda item's number as agendas write it ("8.4"); empty stays empty (the flag is optional)."""
    if value.strip() and not re.fullmatch(r"\d+(\.\d+)*[a-z]?", value.strip()):
        raise bad(flag, value, "not an agenda item. Write its number as the agenda does, such as 8.4.")
    return value.strip()


def number(flag: str, value: str) -> str:
    """A figure's value as the source prints it ("1 800", "11 500", "2.5") -> its xsd lexical form."""
    compact = re.sub(r"[\s\u00a0\u202f]", "", value)
    try:
        parsed = Decimal(compact)
    except InvalidOperation:
        raise bad(flag, value, "not a number. Write digits, with spaces between thousands if you like "
                               "(1800 or \"1 800\"), and a point for decimals (2.5); no commas.") from None
    if parsed < 0:
        raise bad(flag, value, "a reported figure is not negative.")
    return str(int(parsed)) if parsed == parsed.to_integral_value() and "." not in compact else str(parsed)


def url(flag: str, value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", value.strip()):
        raise bad(flag, value, "not a web address. Write the full address, starting with https://.")
    return value.strip()


def doi(value: str) -> str:
    bare = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", value.strip(), flags=re.IGNORECASE)
    if not DOI.match(bare):
        raise bad("--doi", value, "not a DOI. Write it as 10.4060/cc9423en (prefix 10., a slash, the suffix).")
    return bare


def handle(value: str) -> str:
    bare = re.sub(r"^https?://hdl\.handle\.net/", "", value.strip())
    if not HANDLE.match(bare):
        raise bad("--handle", value, "not a Handle. Write it as 20.500.14283/cc4082en (prefix, slash, suffix).")
    return bare


@lru_cache(maxsize=4)
def _statuses(root: str) -> tuple[str, ...]:
    project = Project(Path(root))
    store, _syntax = load_memory(project, sorted(project.ontology.glob("*.ttl")))
    result = store.query(f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s a <{SKG.Status}> }} }}")
    assert isinstance(result, ox.QuerySolutions)
    return tuple(sorted(row["s"].value for row in result))


def status(project: Project, value: str) -> str:
    """A status of the ontology's scheme, given as `published`, `skg:published` or `being-finalized`."""
    offered = _statuses(str(project.root))
    wanted = re.sub(r"[-_\s]", "", value.strip().removeprefix("skg:")).casefold()
    for iri in offered:
        if iri.rsplit("#", 1)[-1].casefold() == wanted:
            return iri
    names = [iri.rsplit("#", 1)[-1] for iri in offered]
    close = difflib.get_close_matches(value.strip().removeprefix("skg:"), names, n=1)
    hint = f" Did you mean `{close[0]}`?" if close else ""
    raise bad("--status", value, f"not a status of the ontology.{hint} Choose from: {', '.join(names)}.")
