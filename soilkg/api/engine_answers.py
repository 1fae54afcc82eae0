"""Answers of other SPARQL engines put back into SPARQL 1.1's result formats, where an engine departs from
them in a way that has one reading.

Virtuoso 7 answers an ASK as a SELECT of one variable `__ASK_RETVAL` (a row holding xsd:integer 1 when the
pattern matches, no row when it does not; virtuoso-opensource issue 464), in JSON and in XML. A client of
`soilkg serve --endpoint` asked a yes-or-no question and gets the boolean result the protocol promises.
"""

from __future__ import annotations

import json
from xml.etree import ElementTree

ASK_TABLE_VARIABLE = "__ASK_RETVAL"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
JSON_TYPES = ("application/sparql-results+json", "application/json")
XML_TYPES = ("application/sparql-results+xml", "application/xml")


def as_boolean(media_type: str, body: bytes) -> bytes | None:
    """The boolean result an ASK answered as a one-variable table means; None when the answer is not one."""
    if media_type in JSON_TYPES:
        return _json(body)
    if media_type in XML_TYPES:
        return _xml(body)
    return None


def _json(body: bytes) -> bytes | None:
    try:
        answer = json.loads(body)
    except ValueError:
        return None
    if not isinstance(answer, dict) or answer.get("head", {}).get("vars") != [ASK_TABLE_VARIABLE]:
        return None
    rows = answer.get("results", {}).get("bindings", [])
    matched = any(row.get(ASK_TABLE_VARIABLE, {}).get("value") not in (None, "0", "false") for row in rows)
    return json.dumps({"head": {}, "boolean": matched}).encode()


def _xml(body: bytes) -> bytes | None:
    try:  # the operator's own engine wrote it (expat refuses entity expansion bombs)
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return None
    names = [v.get("name") for v in root.iterfind(f"{{{RESULTS_NS}}}head/{{{RESULTS_NS}}}variable")]
    if names != [ASK_TABLE_VARIABLE]:
        return None
    values = root.iterfind(f".//{{{RESULTS_NS}}}binding[@name='{ASK_TABLE_VARIABLE}']")
    matched = any("".join(v.itertext()).strip() not in ("0", "false") for v in values)
    return (f'<?xml version="1.0"?>\n<sparql xmlns="{RESULTS_NS}"><head/>'
            f"<boolean>{'true' if matched else 'false'}</boolean></sparql>").encode()
