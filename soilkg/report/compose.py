"""Compose the draft (the neutral model) from what the named queries gathered."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from soilkg.report import cite
from soilkg.report.figure_text import as_of_phrase, noun_phrase
from soilkg.report.gather import Gathered, Row
from soilkg.report.model import Change, FigureRow, Footnote, Link, Mode, Paragraph, Report, Run, Section, TitleBlock
from soilkg.report.namer import Fact, Namer
from soilkg.report.passages import Passages
from soilkg.report.planner import ParagraphInput as Input
from soilkg.report.planner import place_facts, plan_paragraph
from soilkg.report.text import date_range, human_date, join_words, number, split_marks, when, with_titles

# The header of an FAO document prints the organisation's name in this order of languages.
HEADER_LANGUAGES = ("zh", "en", "fr", "ru", "es", "ar")
# The report groups in the order the issue and the source's section II list them; other groups follow
# in the order of their last paragraph.
GROUP_ORDER = ("monitoring", "networks", "methods-and-laboratories", "publications", "capacity-development",
               "initiatives")


def _title_block(g: Gathered) -> TitleBlock:
    d = g.document
    by_language = {row.get("language", ""): row["label"] for row in g.body_names}
    header = [(lang, by_language[lang]) for lang in HEADER_LANGUAGES if lang in by_language]
    item = d.get("agendaItem", "")
    return TitleBlock(
        organisation=header,
        commission=d.get("bodyLabel", ""),
        session=d.get("meetingLabel", f"Session {d.get('session', '')}").split(" of the ", 1)[0],
        agenda_item=f"Item {item} of the Provisional Agenda" if item else "",
        place=d.get("place", ""),
        dates=date_range(d.get("start"), d.get("end")),
        title=d.get("title", "Progress report"),
        symbol=d.get("symbol"),
        document_iri=d["document"],
    )


def _quoted(text: str, notes: dict[str, list[str]], numbers: dict[str, int], labels: dict[str, Row]) -> list[Run]:
    """The stored verbatim text with footnote marks put back after the name of what each footnote cites.

    The graph keeps paragraph text without its marks; a mark goes after the first mention of the cited
    resource (its acronym in brackets, its acronym, its title or label), else at the end of the paragraph.
    """
    note_key = {numbers[k]: k for k in notes if k in numbers}
    if any(ch in text for ch in "¹²³⁴⁵⁶⁷⁸⁹"):
        return split_marks(text, note_key)
    inserts: list[tuple[int, str]] = []
    titles: list[str] = []
    for key, cited in notes.items():
        at = len(text)
        for resource in cited:
            row = labels.get(resource, {})
            acronym, label = row.get("acronym"), row.get("label")
            for probe in (f"({acronym})" if acronym else None, label, acronym):
                if probe and probe in text:
                    at = min(at, text.index(probe) + len(probe))
                    break
            if label and label in text and row.get("type", "").endswith(("Publication", "Procedure", "Paper")):
                titles.append(label)
        inserts.append((at, key))
    runs: list[Run] = []
    position = 0
    for at, key in sorted(inserts, key=lambda pair: (pair[0], numbers.get(pair[1], 0))):
        if at > position:
            runs.extend(with_titles(text[position:at], titles))
        runs.append(Run(note=key))
        position = at
    if position < len(text):
        runs.extend(with_titles(text[position:], titles))
    return runs


def _figure_position(row: Row, texts: dict[str, str]) -> tuple[int, int]:
    """Figures in the order the source states them: by paragraph, then where the number stands in it."""
    text = texts.get(row.get("paragraph", ""), "")
    at = text.find(number(row["value"]))
    return int(row.get("paragraphNumber", 0)), at if at >= 0 else len(text)


def _figures(g: Gathered, reported: str) -> list[FigureRow]:
    rows: list[FigureRow] = []
    seen: set[str] = set()
    for row in g.figures:
        if row["figure"] in seen:
            continue
        seen.add(row["figure"])
        about = Link(row["about"], row.get("aboutAcronym") or row.get("aboutLabel", row["about"])) \
            if "about" in row else None
        comparator = row.get("comparatorLabel", "")
        rows.append(FigureRow(
            iri=row["figure"], measures=row.get("measures", noun_phrase(row)),
            value=(f"{comparator} " if comparator and comparator != "exactly" else "") + number(row["value"]),
            unit=row.get("unit", ""), about=about, as_of=as_of_phrase(row, reported),
            source=f"¶{row['paragraphNumber']}", source_iri=row.get("paragraph")))
    return rows


def compose(g: Gathered, passages: Passages, changes: list[Change] | None = None, since: str | None = None) -> Report:
    title = _title_block(g)
    reported = f"{title.place}, {title.dates}".strip(", ")
    labels: dict[str, Row] = {}
    for row in g.sources + g.citations:
        key = row.get("resource") or row.get("cited")
        if key:
            labels.setdefault(key, {**row})
    notes_by_paragraph: dict[str, dict[str, list[str]]] = defaultdict(dict)
    numbers: dict[str, int] = {}
    for row in g.footnotes:
        numbers[row["footnote"]] = int(row["number"])
        cited = notes_by_paragraph[row.get("calledFrom", "")].setdefault(row["footnote"], [])
        if "cited" in row and row["cited"] not in cited:
            cited.append(row["cited"])
    footnotes = cite.footnotes(g.footnotes, g.citations)

    paragraphs: dict[str, dict[str, object]] = {}
    groups: dict[str, tuple[str, int]] = {}
    for row in g.paragraphs:
        entry = paragraphs.setdefault(row["paragraph"], {"number": int(row["number"]), "text": row.get("text", ""),
                                                         "section": row.get("section", ""), "groups": []})
        if "group" in row:
            slug = row["group"].rsplit("/", 1)[-1]
            rank = GROUP_ORDER.index(slug) if slug in GROUP_ORDER else len(GROUP_ORDER) + int(row["number"])
            label = row.get("groupLabel", slug.replace("-", " "))
            groups[row["group"]] = (label, max(rank, groups.get(row["group"], ("", rank))[1]))
            assert isinstance(entry["groups"], list)
            entry["groups"].append(row["group"])
    texts = {iri: str(e["text"]) for iri, e in paragraphs.items()}
    g.figures.sort(key=lambda f: _figure_position(f, texts))
    background = _background(g, set(paragraphs))
    part_of = {iri: iri for iri in paragraphs} | {row["footnote"]: row["calledFrom"] for row in g.footnotes
                                                  if "calledFrom" in row}
    namer = Namer()
    namer.learn_rows(g.sources, g.facts)
    stated = {row["resource"] for row in g.sources}
    placed = place_facts([r for r in g.facts if r["resource"] in stated], passages.stated_by, part_of)
    everything = [Fact(r["resource"], r["property"], r["value"]) for r in g.facts]
    changed = {c.iri for c in changes or []}

    sections: dict[str, Section] = {}
    subsections: dict[tuple[str, str], Section] = {}
    for iri, entry in sorted(paragraphs.items(), key=lambda item: int(str(item[1]["number"]))):
        number_ = int(str(entry["number"]))
        notes = notes_by_paragraph.get(iri, {})
        figures = [f for f in g.figures if f.get("paragraph") == iri]
        runs, used = plan_paragraph(namer, Input(iri, number_, texts[iri], figures, notes), placed.get(iri, []),
                                    everything)
        mode = Mode.GENERATED
        if runs is None:
            runs, mode = _quoted(texts[iri], notes, numbers, labels), Mode.QUOTED
        drawn = [r for r in dict.fromkeys(used + [r["resource"] for r in g.sources if r.get("paragraph") == iri])
                 if r not in background]
        # By label only: blank nodes (statement annotations) and resources without a label are not for readers.
        named = {labels[r].get("acronym") or labels[r]["label"]: r for r in reversed(drawn)
                 if r.startswith("http") and r in labels and "label" in labels[r]}
        links = [Link(r, label) for label, r in reversed(named.items())]  # one per name, in reading order
        paragraph = Paragraph(runs=runs, mode=mode, source_iri=iri, source_number=number_, links=links,
                              new_since=bool(changed & ({iri} | set(drawn))))
        section = sections.setdefault(str(entry["section"]), Section(title=str(entry["section"]).strip()))
        entry_groups = entry["groups"]
        assert isinstance(entry_groups, list)
        if entry_groups:
            group = min(entry_groups, key=lambda key: groups[key][1])
            sub = subsections.get((section.title, group))
            if sub is None:
                sub = subsections[(section.title, group)] = Section(title=groups[group][0].capitalize(), key=group)
                section.subsections.append(sub)
            sub.paragraphs.append(paragraph)
        else:
            section.paragraphs.append(paragraph)
    for section in sections.values():
        section.subsections.sort(key=lambda s: groups[s.key or ""][1])

    cases = _case_studies(g, changed)
    report = Report(title_block=title, sections=list(sections.values()) + ([cases] if cases else []),
                    footnotes=[], figures=_figures(g, reported), since=since, changes=changes or [])
    number_in_reading_order(report, footnotes)
    sourced = [p for p in report.paragraphs() if p.source_number is not None]
    generated = [p.source_number for p in sourced if p.mode is Mode.GENERATED]
    quoted = [p.source_number for p in sourced if p.mode is Mode.QUOTED]
    report.notes = [
        f"Draft generated from the Soil Biodiversity Knowledge Graph for the {title.session} "
        f"({reported}). Paragraphs are grouped by the report group the graph gives each source paragraph.",
        "Written from the graph's resources and relations: source paragraph(s) "
        + (", ".join(str(n) for n in generated) or "none") + ". Quoted from the source's stored text, where the "
        "graph holds no structured statement to write from: source paragraph(s) "
        + (", ".join(str(n) for n in quoted) or "none") + ".",
        "Footnotes: " + _modes(report.footnotes),
    ]
    if cases:
        demos = sum(1 for row in {r["caseStudy"]: r for r in g.case_studies}.values()
                    if row.get("demonstration") == "true")
        report.notes.append(f"Case studies: {len(cases.paragraphs)} from the graph's catalogue"
                            + (f", of which {demos} are demonstrations (synthetic, not real projects)." if demos
                               else "."))
    if since:
        report.notes.append(f"Changes since {human_date(since)} are listed first; paragraphs drawing on them are "
                            "marked 'new since'.")
    return report


def case_study_section(rows: list[Row], marks: Callable[[str, Row], list[Run]],
                       paragraph: Callable[[str, Row, list[Run]], Paragraph]) -> Section | None:
    """One paragraph per case study (rows come one per case study and practice), written as the source writes
    of a piece of work: what it is, where and when, on what, published when, then its own summary. Demonstrations
    say loudly that they are. `marks` are the footnote calls of the first sentence; `paragraph` turns the runs
    into the paragraph its report needs."""
    merged: dict[str, Row] = {}
    practices: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        merged.setdefault(row["caseStudy"], row)
        if "practiceLabel" in row and row["practiceLabel"] not in practices[row["caseStudy"]]:
            practices[row["caseStudy"]].append(row["practiceLabel"])
    if not merged:
        return None
    section = Section(title="Case studies of best practice")
    for iri, row in merged.items():
        runs: list[Run] = []
        if row.get("demonstration") == "true":
            runs.append(Run("DEMONSTRATION (synthetic, not a real project): "))
        runs += [Run("The case study "), Run(row.get("label", iri), italic=True), Run(_case_study_clause(row))]
        if practices[iri]:
            runs.append(Run(f", on {join_words(practices[iri])},"))
        runs.append(Run(f" was published in the catalogue of best practices {when(row['issued'])}." if "issued" in row
                        else " is in the catalogue of best practices."))
        runs += marks(iri, row)
        abstract = row.get("abstract", "").strip()
        if abstract:
            runs.append(Run(" " + abstract + ("" if abstract.endswith((".", "!", "?")) else ".")))
        section.paragraphs.append(paragraph(iri, row, runs))
    return section


def _case_study_clause(row: Row) -> str:
    """' (Ghana, from 1 May 2025)': where the work is and when it ran, as far as the record says."""
    start, end = row.get("start"), row.get("end")
    period = (date_range(start, end) if start and end else f"from {human_date(start)}" if start
              else f"until {human_date(end)}" if end else "")
    where = ", ".join(p for p in (row.get("countryLabel", ""), period) if p)
    return f" ({where})" if where else ""


def _case_studies(g: Gathered, changed: set[str]) -> Section | None:
    """Case studies from the graph's catalogue, after the activities."""
    def paragraph(iri: str, row: Row, runs: list[Run]) -> Paragraph:
        links = [Link(iri, row.get("label", iri))] + ([Link(row["country"], row.get("countryLabel", ""))]
                                                      if "country" in row else [])
        return Paragraph(runs=runs, mode=Mode.GENERATED, source_iri=iri, links=links, new_since=iri in changed)

    return case_study_section(g.case_studies, lambda iri, row: [], paragraph)


def _background(g: Gathered, paragraphs: set[str]) -> set[str]:
    """Resources not worth a 'draws on' link: the document's own parts, themes, and whatever every
    paragraph states (the knowledge graph dataset itself)."""
    stated: dict[str, set[str]] = defaultdict(set)
    for row in g.sources:
        stated[row["resource"]].add(row.get("paragraph", ""))
    document = g.document["document"]
    return {r for r, ps in stated.items()
            if r.startswith(document) or "/id/theme/" in r or (len(paragraphs) > 2 and paragraphs <= ps)}


def _modes(notes: list[Footnote]) -> str:
    made = sum(1 for n in notes if n.mode is Mode.GENERATED)
    return (f"{made} of {len(notes)} citations written from the graph's identifiers (symbols, paragraphs, DOIs, "
            f"handles, web addresses); the others quote the source's footnote text.")


def number_in_reading_order(report: Report, footnotes: dict[str, Footnote]) -> None:
    """Number paragraphs in reading order and footnotes by first call, as a printed report does."""
    order: list[str] = []
    for index, paragraph in enumerate(report.paragraphs(), start=1):
        paragraph.number = index
        order.extend(run.note for run in paragraph.runs if run.note and run.note not in order)
    order.extend(k for k in sorted(footnotes, key=lambda k: footnotes[k].source_number or 0) if k not in order)
    for index, key in enumerate(order, start=1):
        footnotes[key].number = index
        report.footnotes.append(footnotes[key])
    for paragraph in report.paragraphs():
        paragraph.runs = _ascending_marks(paragraph.runs, footnotes)


def _ascending_marks(runs: list[Run], footnotes: dict[str, Footnote]) -> list[Run]:
    """Marks standing together read in ascending order ("2, 3", never "3, 2")."""
    out: list[Run] = []
    cluster: list[Run] = []
    for run in [*runs, Run("")]:
        if run.note is not None and run.note in footnotes:
            cluster.append(run)
            continue
        out.extend(sorted(cluster, key=lambda r: footnotes[r.note or ""].number))
        cluster = []
        if run.text or run.note is not None or run.href is not None:
            out.append(run)
    return out
