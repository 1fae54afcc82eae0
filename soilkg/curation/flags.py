"""Check the values curators give the `soilkg new` commands of the reporting cycle, before anything is
written: a bad value is one message naming the flag, what is wrong and how to write it (exit code 2)."""

from __future__ import annotations

import difflib
import re
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


@lru_cache(maxsize=8)
def _ontology(root: str, query: str) -> tuple[str, ...]:
    project = Project(Path(root))
    store, _syntax = load_memory(project, sorted(project.ontology.glob("*.ttl")))
    result = store.query(query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return tuple(sorted(row["s"].value for row in result))


def statuses(project: Project) -> tuple[str, ...]:
    """The IRIs of the ontology's statuses (skg:published, skg:beingFinalized ...)."""
    return _ontology(str(project.root), f"SELECT DISTINCT ?s WHERE {{ ?s a <{SKG.Status}> }}")


def publication_kinds(project: Project) -> tuple[str, ...]:
    """skg:Publication and its subclasses but the meeting document (`soilkg new source` writes those)."""
    return tuple(k for k in _ontology(str(project.root), f"""SELECT DISTINCT ?s WHERE {{
        ?s <http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{SKG.Publication}> FILTER(isIRI(?s)) }}""")
        if k != str(SKG.MeetingDocument))


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def _choose(flag: str, value: str, offered: tuple[str, ...], what: str, initials: bool = False) -> str:
    """One of `offered`, typed as its local name in any case, with or without hyphens (`being-finalized`),
    with `skg:` in front or not, or (kinds) as the initials of its words (`sop`)."""
    typed_text = value.strip().removeprefix("skg:")
    wanted = re.sub(r"[-_\s]", "", typed_text).casefold()
    for iri in offered:
        local = _local(iri)
        if local.casefold() == wanted or (initials and "".join(re.findall(r"[A-Z]", local)).casefold() == wanted):
            return iri
    names = [_local(iri) for iri in offered]
    close = difflib.get_close_matches(typed_text, names, n=1)
    hint = f" Did you mean `{close[0]}`?" if close else ""
    raise bad(flag, value, f"not {what} of the ontology.{hint} Choose from: {', '.join(names)}.")


def status(project: Project, value: str) -> str:
    """A status of the ontology's scheme, given as `published`, `skg:published` or `being-finalized`."""
    return _choose("--status", value, statuses(project), "a status")


def publication_kind(project: Project, value: str) -> str:
    """A publication class: `StandardOperatingProcedure`, `standard-operating-procedure` or `sop`."""
    return _choose("--kind", value, publication_kinds(project), "a kind of publication", initials=True)
