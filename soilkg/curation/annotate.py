"""Give an existing resource a second source without taking the first one from what it already says.

A file whose resource has one `skg:statedIn P0` relies on the default rule: every statement of it is
stated by P0. When a later passage P1 adds statements (a publication now published, a new paragraph of
a decision), P1 joins the resource's `skg:statedIn`, so the statements written before must say P0
themselves: each gets the annotation `{| skg:statedIn P0 |}`. This module does that on the text, so
the curator's layout and comments stay as they were, and checks that the file still states exactly
what it stated (plus the new source)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from soilkg.errors import SoilkgError

STATED_IN = "https://w3id.org/soilkg/ontology#statedIn"
_END_OF_TOKEN = re.compile(r"[\s,;\[\]()#]")


@dataclass
class _Object:
    start: int
    end: int  # just after the object's text
    annotated: bool


@dataclass
class _Predicate:
    name: str
    objects: list[_Object]


def _skip_string(text: str, at: int) -> int:
    """The position just after the string literal that starts at `at` (short or long, ' or ")."""
    quote = text[at]
    long = text.startswith(quote * 3, at)
    delimiter = quote * 3 if long else quote
    position = at + len(delimiter)
    while position < len(text):
        if text[position] == "\\":
            position += 2
            continue
        if text.startswith(delimiter, position):
            return position + len(delimiter)
        position += 1
    raise ValueError("unterminated string")


def _skip_space(text: str, at: int) -> int:
    while at < len(text):
        if text[at].isspace():
            at += 1
        elif text[at] == "#":
            at = text.find("\n", at)
            at = len(text) if at < 0 else at
        else:
            break
    return at


def _term_end(text: str, at: int) -> int:
    """The end of one term: an IRI, a literal (with its language or datatype), a name, or a nested
    `[ ... ]` / `( ... )`."""
    char = text[at]
    if char == "<":
        return text.index(">", at) + 1
    if char in "\"'":
        end = _skip_string(text, at)
        if text.startswith("^^", end):
            return _term_end(text, end + 2)
        if end < len(text) and text[end] == "@":
            match = re.compile(r"@[A-Za-z0-9-]+").match(text, end)
            return match.end() if match else end
        return end
    if char in "[(":
        closing = "]" if char == "[" else ")"
        position = at + 1
        while True:
            position = _skip_space(text, position)
            if text[position] == closing:
                return position + 1
            if text[position] in ",;":
                position += 1
                continue
            if text.startswith("{|", position):
                position = text.index("|}", position) + 2
                continue
            position = _term_end(text, position)
    match = _END_OF_TOKEN.search(text, at)
    end = match.start() if match else len(text)
    while end > at + 1 and text[end - 1] == "." and (end == len(text) or not text[end].isalnum()):
        end -= 1  # the statement's final "." written without a space
    return end


def _block(text: str, at: int) -> tuple[list[_Predicate], int]:
    """The predicate-object list that starts at `at` (after the subject), and the position of its final "."."""
    predicates: list[_Predicate] = []
    position = _skip_space(text, at)
    while position < len(text) and text[position] != ".":
        end = _term_end(text, position)
        current = _Predicate(text[position:end], [])
        position = _skip_space(text, end)
        while True:
            end = _term_end(text, position)
            after = _skip_space(text, end)
            annotated = text.startswith("{|", after)
            current.objects.append(_Object(position, end, annotated))
            if annotated:
                after = _skip_space(text, text.index("|}", after) + 2)
            if after < len(text) and text[after] == ",":
                position = _skip_space(text, after + 1)
                continue
            position = after
            break
        predicates.append(current)
        while position < len(text) and text[position] == ";":
            position = _skip_space(text, position + 1)
    return predicates, position


def _subject_starts(text: str, forms: list[str]) -> list[int]:
    """Where each block about the subject begins (just after the subject at the start of a line)."""
    found = []
    for form in forms:
        for match in re.finditer(rf"^{re.escape(form)}(?=[\s])", text, re.MULTILINE):
            found.append(match.end())
    return sorted(found)


def _asserted(text: str) -> set[tuple[str, str, str]]:
    """The file's asserted triples without blank nodes (the reifiers of annotations are blank nodes)."""
    out = set()
    for triple in ox.parse(text.encode("utf-8"), ox.RdfFormat.TURTLE):
        if isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode):
            continue
        if triple.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies":
            continue
        out.add((str(triple.subject), str(triple.predicate), str(triple.object)))
    return out


def cite_also(text: str, subject: str, forms: list[str], first: str | None, new: str) -> str:
    """`text` in which the resource (`forms`: how the file writes it) keeps `first` as the source of every
    statement it had, by annotation (None: they are annotated already), and lists `new` in its
    `skg:statedIn` too. `first` and `new` are written as the file writes terms (prefixed names)."""
    starts = _subject_starts(text, forms)
    if not starts:
        raise SoilkgError(f"The file does not describe {forms[0]} at the start of a line: add "
                          f"`skg:statedIn {new}` to it by hand.", exit_code=2)
    inserts: list[tuple[int, str]] = []
    added_source = False
    try:
        for start in starts:
            predicates, _end = _block(text, start)
            for predicate in predicates:
                if predicate.name in ("skg:statedIn", f"<{STATED_IN}>"):
                    if not added_source:
                        inserts.append((predicate.objects[-1].end, f" , {new}"))
                        added_source = True
                    continue
                if first is not None:
                    inserts.extend((o.end, f" {{| skg:statedIn {first} |}}") for o in predicate.objects
                                   if not o.annotated)
    except (ValueError, IndexError):
        raise SoilkgError(f"The statements of {forms[0]} could not be read one by one: annotate them with "
                          f"`{{| skg:statedIn {first} |}}` and add {new} to its skg:statedIn by hand.",
                          exit_code=2) from None
    edited = text
    for position, addition in sorted(inserts, reverse=True):
        edited = edited[:position] + addition + edited[position:]
    _same_statements(text, edited, subject)
    return edited


def _same_statements(before: str, after: str, subject: str) -> None:
    """The edit added annotations and one source, and changed nothing the file states."""
    try:
        old, new = _asserted(before), _asserted(after)
    except SyntaxError:
        raise SoilkgError("Adding the annotations would break the file's syntax: nothing was written. Annotate "
                          "its statements by hand.", exit_code=2) from None
    extra = {t for t in new - old if not (t[0] == f"<{subject}>" and t[1] == f"<{STATED_IN}>")}
    if old - new or extra:
        raise SoilkgError("Adding the annotations would change what the file states: nothing was written. "
                          "Annotate its statements by hand.", exit_code=2)
