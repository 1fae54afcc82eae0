"""Markdown rendering of a draft: footnotes as ``[^n]`` (Python-Markdown's footnotes extension, as in MkDocs)."""

from __future__ import annotations

from collections.abc import Callable

from soilkg.report.model import Link, Mode, Paragraph, Report, Run, Section

LinkFor = Callable[[str], str | None]  # resource IRI -> URL of its catalogue page (None: no page)


def _escape(text: str) -> str:
    """Keep Markdown from reading source text as markup (asterisks, underscores, brackets, table pipes)."""
    for char in "\\*_[]|<>`":
        text = text.replace(char, "\\" + char)
    return text


def runs_md(runs: list[Run], report: Report) -> str:
    out: list[str] = []
    previous_note = False
    for run in runs:
        if run.note is not None:
            note = report.footnote(run.note)
            if note is not None:
                out.append(("<sup>,</sup>" if previous_note else "") + f"[^{note.number}]")  # "1, 2", not "12"
                previous_note = True
            continue
        previous_note = False
        if run.href is not None:
            out.append(f"<{run.href}>" if run.text == run.href else f"[{_escape(run.text)}]({run.href})")
        elif run.italic:
            out.append(f"*{_escape(run.text)}*")
        else:
            out.append(_escape(run.text))
    return "".join(out)


def provenance(paragraph: Paragraph, report: Report) -> tuple[str, str, list[Link]]:
    """What a paragraph was made from, how, and what it draws on (for the reporter's appendix)."""
    how = "written from the graph" if paragraph.mode is Mode.GENERATED else "quoted from the source"
    source = f"Source ¶{paragraph.source_number}" if paragraph.source_number else \
        (paragraph.origin or "From the case-study catalogue")
    if paragraph.new_since and report.since:
        source = f"new since {report.since}; {source}"
    return source, how, paragraph.links


def _appendix(report: Report, link_for: LinkFor) -> list[str]:
    out = ["## Appendix: what each paragraph draws on", "",
           "For the reporter, not for the Commission: where each paragraph of the draft comes from and the "
           "catalogue records it is written from.", ""]
    for paragraph in report.paragraphs():
        source, how, links = provenance(paragraph, report)
        url = link_for(paragraph.source_iri) if paragraph.source_iri else None
        named = []
        for link in links:
            target = link_for(link.iri)
            named.append(f"[{_escape(link.label)}]({target})" if target else _escape(link.label))
        out += [f"- **{paragraph.number}.** " + (f"[{source}]({url})" if url else source) + f", {how}"
                + (": " + ", ".join(named) if named else "") + ".", ""]
    return out


def _section(section: Section, report: Report, link_for: LinkFor, level: int, out: list[str]) -> None:
    out += [f"{'#' * level} {_escape(section.title)}", ""]
    for paragraph in section.paragraphs:
        out += [f"**{paragraph.number}.** {runs_md(paragraph.runs, report)}", ""]
    for sub in section.subsections:
        _section(sub, report, link_for, level + 1, out)


def render(report: Report, link_for: LinkFor) -> str:
    tb = report.title_block
    out: list[str] = []
    out += [name + "  " for _, name in tb.organisation] + [""] if tb.organisation else []
    out += [f"**{tb.commission.upper()}**", ""]
    out += [f"{tb.agenda_item}  ", f"{tb.session}  ", f"{tb.place}, {tb.dates}", ""]
    out += [f"# {_escape(tb.title.upper())}", ""]
    out += ["> **About this draft.** " + " ".join(_escape(n) for n in report.notes), ""]
    if report.since:
        out += _changes(report, link_for)
    for section in report.sections:
        _section(section, report, link_for, 2, out)
    out += ["## Reported figures", "",
            "| Figure | Value | Unit | About | As of | Stated in |", "|---|---|---|---|---|---|"]
    for row in report.figures:
        about = ""
        if row.about:
            url = link_for(row.about.iri)
            about = f"[{_escape(row.about.label)}]({url})" if url else _escape(row.about.label)
        stated = f"[{row.source}]({link_for(row.source_iri)})" if row.source_iri and link_for(row.source_iri) \
            else row.source
        out.append(f"| {_escape(row.measures)} | {row.value} | {_escape(row.unit)} | {about} | {_escape(row.as_of)} "
                   f"| {stated} |")
    out.append("")
    out += _appendix(report, link_for)
    for note in report.footnotes:
        out.append(f"[^{note.number}]: {runs_md(note.runs, report)}")
    out.append("")
    return "\n".join(out)


def _changes(report: Report, link_for: LinkFor) -> list[str]:
    out = [f"## New or changed since {report.since}", ""]
    if not report.changes:
        return out + [f"Nothing in the graph was added or changed since {report.since}.", ""]
    out += ["| What | Kind | Change | When | Evidence |", "|---|---|---|---|---|"]
    for change in report.changes:
        url = link_for(change.iri)
        name = f"[{_escape(change.label)}]({url})" if url else _escape(change.label)
        out.append(f"| {name} | {change.kind} | {change.change} | {change.when} | {_escape(change.evidence)} |")
    return out + [""]
