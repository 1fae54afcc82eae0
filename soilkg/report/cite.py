"""Footnotes with full citations, written from what the footnote cites in the graph.

A citation is generated from structured fields (decision symbols with paragraph numbers, DOIs,
handles, web addresses, year, publisher). When the graph lacks something the source's footnote
prints (an author list, "Annex 1"), the generated citation would lose it, so the footnote quotes
the stored verbatim text instead and says so.
"""

from __future__ import annotations

from collections import defaultdict

from soilkg.namespaces import SKG
from soilkg.report.gather import Row
from soilkg.report.model import Footnote, Mode, Run
from soilkg.report.text import identifiers, join_words, with_titles

PUBLICATION_TYPES = {str(SKG[name]) for name in ("Publication", "StandardOperatingProcedure", "BackgroundStudyPaper",
                                                  "MeetingDocument")}


def _merge(rows: list[Row], key: str) -> dict[str, Row]:
    """One row per resource: the first value of each column wins; publisher acronyms beat long names."""
    merged: dict[str, Row] = {}
    for row in rows:
        target = merged.setdefault(row[key], {})
        for name, value in row.items():
            if name == "publisherLabel" and name in target and len(value) < len(target[name]):
                target[name] = value
            target.setdefault(name, value)
    return merged


def _url_run(url: str) -> Run:
    return Run(url, href=url)


def publication_runs(row: Row) -> list[Run]:
    runs: list[Run] = []
    lead = [p for p in (row.get("publisherLabel"), row.get("year")) if p]
    if lead:
        runs.append(Run(". ".join(lead) + ". "))
    if "label" in row:
        runs.append(Run(row["label"], italic=True))
        runs.append(Run(". "))
    if "seriesTitle" in row:
        runs.append(Run(row["seriesTitle"] + (f", No. {row['seriesNumber']}" if "seriesNumber" in row else "") + ". "))
    if "place" in row:
        runs.append(Run(row["place"] + ". "))
    if "doi" in row:
        runs.append(_url_run("https://doi.org/" + row["doi"]))
    elif "website" in row:
        runs.append(_url_run(row["website"]))
    elif "handle" in row:
        runs.append(_url_run("https://hdl.handle.net/" + row["handle"]))
    return runs


def _citation(cited: list[Row]) -> list[Run]:
    """Runs for everything one footnote cites, decision paragraphs gathered under their decision."""
    runs: list[Run] = []
    by_decision: dict[str, list[str]] = defaultdict(list)
    symbol_of: dict[str, str] = {}
    for row in cited:
        if "parent" in row and "paragraphNumber" in row:
            by_decision[row["parent"]].append(row["paragraphNumber"])
            if "parentSymbol" in row:
                symbol_of[row["parent"]] = row["parentSymbol"]
    parts: list[list[Run]] = []
    for parent, numbers in by_decision.items():
        if parent not in symbol_of:
            return []  # a paragraph whose decision has no symbol cannot be cited exactly
        ordered = sorted(set(numbers), key=int)
        word = "paragraph" if len(ordered) == 1 else "paragraphs"
        parts.append([Run(f"{symbol_of[parent]}, {word} {join_words(ordered)}")])
    for row in cited:
        if "parent" in row:
            continue
        if row.get("type") in PUBLICATION_TYPES and "label" in row:
            parts.append(publication_runs(row))
        elif "symbol" in row:
            parts.append([Run(row["symbol"])])
        elif "website" in row:
            parts.append([_url_run(row["website"])])
        elif "doi" in row:
            parts.append([_url_run("https://doi.org/" + row["doi"])])
        else:
            return []
    for index, part in enumerate(parts):
        if index:
            runs.append(Run("; "))
        runs.extend(part)
    if runs and not runs[-1].href and not runs[-1].text.endswith("."):
        runs.append(Run("."))
    return runs


def footnotes(footnote_rows: list[Row], citation_rows: list[Row]) -> dict[str, Footnote]:
    """Every footnote of the document, keyed by its IRI, generated where the graph covers its citation."""
    details = _merge(citation_rows, "cited")
    notes: dict[str, Footnote] = {}
    cites: dict[str, list[str]] = defaultdict(list)
    for row in footnote_rows:
        iri = row["footnote"]
        if "cited" in row and row["cited"] not in cites[iri]:
            cites[iri].append(row["cited"])
        if iri in notes:
            continue
        verbatim = row.get("text", "").strip()
        notes[iri] = Footnote(key=iri, runs=with_titles(verbatim, []) if verbatim else [], mode=Mode.QUOTED,
                              source_number=int(row["number"]))
    for iri, note in notes.items():
        cited = [details[c] for c in cites[iri] if c in details]
        generated = _citation(cited) if cited and len(cited) == len(cites[iri]) else []
        text = "".join(r.text for r in generated)
        verbatim = "".join(r.text for r in note.runs)
        # Keep the generated citation only when it loses nothing the source prints.
        if generated and identifiers(verbatim) <= identifiers(text):
            note.runs, note.mode = generated, Mode.GENERATED
        elif not note.runs:
            note.runs = generated or [Run("(The graph holds no text or citation for this footnote.)")]
        else:
            titles = [row["label"] for row in cited if row.get("type") in PUBLICATION_TYPES and "label" in row]
            note.runs = with_titles(verbatim, titles)
    return notes

