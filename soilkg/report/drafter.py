"""The updates of a report cycle written as FAO writes them, each sentence ending with the marks of the
passages that state it:
- the figures of one programme in one sentence, each new value with the one it updates in brackets, and a
  change said as what it is ("corrected from more than 130 ...", "unchanged", "now also Armenia and ...");
- one verb per status transition ("was published in April 2026 (doi ...)", "started in March 2026 and is now
  being implemented", "is no longer being implemented: ... it is again seeking funding"), the earlier status
  cited to the passage that last reported it;
- new networks, programmes and decision paragraphs through the sentence planner, new publications,
  meetings and their work, and case studies cited to the passage that reports them.
"""

from __future__ import annotations

from collections import defaultdict

from soilkg.namespaces import DCT, RDF_TYPE, RDFS, SKG, SKOS
from soilkg.report.context import Statements, sentence
from soilkg.report.figure_text import figures_sentence, value_words
from soilkg.report.gather import QueryRunner, Row
from soilkg.report.model import FigureRow, Link, Mode, Paragraph, Run
from soilkg.report.namer import Fact, Namer
from soilkg.report.passages import Passages
from soilkg.report.planner import ParagraphInput, plan_paragraph
from soilkg.report.subjects import NOT_YET, head_noun, term
from soilkg.report.text import capitalised, date_range, human_date, join_words, number, plain, plural, when

# Statuses a thing goes back to from work under way: saying so says what was lost.
UNDER_WAY = {str(SKG[s]) for s in ("implementing", "ongoing", "launched", "established")}
BACK_TO = {str(SKG[s]) for s in ("seekingFunding", "planned", "inPreparation", "suspended", "discontinued")}
# Decisions open the activities, after the Plan of Action, as the source opens them with decision 15/28:
# they direct the work rather than belong to one activity.
DECISIONS = {str(SKG[kind]) for kind in ("PolicyDecision", "DecisionParagraph")}
LEAD = "lead"  # the group of paragraphs that stand before the activities' subsections


def theme(slug: str) -> str:
    return f"https://w3id.org/soilkg/id/theme/{slug}"


class Drafter:
    """Writes the paragraphs of a next report, grouped by activity."""

    def __init__(self, runner: QueryRunner, passages: Passages, namer: Namer,
                 previous_session: str) -> None:
        self.runner = runner
        self.passages = passages
        self.namer = namer
        self.previous_session = previous_session  # "Twentieth Regular Session"
        self.group_of: dict[str, str] = {}
        self.group_labels: dict[str, str] = {}
        for row in runner.rows("report-groups"):  # ordered: "paragraph" rows before "theme" rows per resource
            self.group_of.setdefault(row["resource"], row["group"])
            self.group_labels[row["group"]] = row.get("groupLabel", row["group"].rsplit("/", 1)[-1])
        self.paragraphs: dict[str, list[Paragraph]] = defaultdict(list)
        self.by_resource: dict[str, Paragraph] = {}
        self.figures: list[FigureRow] = []

    def _add(self, group: str, runs: list[Run], origin: str, links: list[Link], about: str | None = None) -> None:
        paragraph = Paragraph(runs=runs, mode=Mode.GENERATED, origin=origin, links=links)
        self.paragraphs[group].append(paragraph)
        if about:
            self.by_resource[about] = paragraph

    def _name(self, iri: str, label: str, acronym: str | None) -> str:
        """The name where the sentence stands, knowing what kind of thing it names ('the RECISOIL initiative')."""
        kinds = [r["value"] for r in Statements(self.runner, iri).out(RDF_TYPE)]
        return self.namer.now(iri, label, acronym, kinds)

    def _group(self, *iris: str | None, default: str) -> str:
        return next((self.group_of[i] for i in iris if i and i in self.group_of), theme(default))

    def _earlier(self, row: Row, running: bool = True) -> str:
        """The earlier value as a report cites it: '657 reported to the Twentieth Regular Session'."""
        before = value_words(row, "earlier", running)
        if "earlierMeetingLabel" in row:
            return f"{before} reported to the {row['earlierMeetingLabel'].split(' of the ', 1)[0]}"
        return f"{before} as of {human_date(row['earlierAsOf'])}" if "earlierAsOf" in row else before

    def _change(self, row: Row, first: bool, running: bool = True) -> str:
        """What a new value is beside the one it updates, said as what it is (in full for the first figure of
        a sentence and in a table, which is not `running` text)."""
        earlier = self._earlier(row, running) if first else value_words(row, "earlier", running)
        new, old = float(row["value"]), float(row.get("earlierValue", "nan"))
        counted = self._counts(row["figure"])
        added = [c for c in counted if c not in self._counts(row["earlier"])]
        if new == old and row.get("comparatorLabel") == row.get("earlierComparatorLabel"):
            return f"unchanged from {self._earlier(row, running)}"
        if new < old:
            corrected = row.get("earlierComparatorLabel") == "more than" and row.get("comparatorLabel") != "more than"
            return f"{'corrected from' if corrected else 'down from'} {self._earlier(row, running)}"
        return earlier + (f"; now also {join_words(added)}" if added and len(added) < len(counted) else "")

    def _as_stated(self, row: Row) -> int:
        """Figures in the order the passage that reported them before states them (trainers before farmers)."""
        for passage in self.passages.of(row["earlier"], term("value")):
            text = Statements(self.runner, passage).literal(term("text")) or ""
            at = text.find(number(row.get("earlierValue", "")))
            if at >= 0:
                return at
        return 1 << 30

    def _counts(self, figure: str) -> list[str]:
        return [r.get("valueLabel", r["value"]) for r in Statements(self.runner, figure).out(term("counts"))]

    def figures_of(self, rows: list[Row]) -> None:
        """Per subject, the figures reported again in one sentence with their earlier values."""
        by_about: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            by_about[row.get("about", "")].append(row)
        for about, group in by_about.items():
            group.sort(key=self._as_stated)
            earlier = {r["figure"]: self._change(r, i == 0) for i, r in enumerate(group)}
            self._figure_sentence(about, group, earlier, "Figure reported again")

    def first_values(self, rows: list[Row]) -> None:
        """First values of new figures: in the paragraph of what they are about when it is new too."""
        details = [self._figure_row(r["resource"]) for r in rows]
        by_about: dict[str, list[Row]] = defaultdict(list)
        for row in details:
            by_about[row.get("about", "")].append(row)
        for about, group in by_about.items():
            self._figure_sentence(about, group, {}, "First value of a figure")

    def _figure_row(self, iri: str) -> Row:
        st = Statements(self.runner, iri)
        row: Row = {"figure": iri}
        for name in ("value", "unit", "measures", "asOf", "about"):
            value = st.literal(term(name))
            if value is not None:
                row[name] = value
        about = st.out(term("about"))
        if about:
            row["aboutLabel"] = about[0].get("valueLabel", about[0]["value"])
            row["aboutAcronym"] = about[0].get("valueAcronym", "")
        comparator = st.out(term("comparator"))
        if comparator:
            row["comparatorLabel"] = comparator[0].get("valueLabel", "").lower()
        return row

    def _figure_sentence(self, about: str, rows: list[Row], earlier: dict[str, str], origin: str) -> None:
        first = rows[0]
        day = first.get("asOf", "")
        opening = (f"As of {human_date(day)}" if day.count("-") == 2 else f"In {human_date(day)}") if day else ""
        label, acronym = first.get("aboutLabel", ""), first.get("aboutAcronym") or None
        subject = self._name(about, label, acronym) if about else ""
        forms = [f for f in (label, acronym, head_noun(label)) if f]
        text, left = figures_sentence(subject, forms, rows, opening, earlier)
        if left:
            text = (text[:-1] + ", and " if text else f"{opening}, " if opening else "") + join_words(
                [f"{value_words(r)} {r.get('measures', r.get('unit', ''))}" for r in left]) + "."
        p = self.passages
        marks = p.marks(*((r["earlier"], term("value")) for r in rows if "earlier" in r),
                        *((r["figure"], term("value")) for r in rows), *((r["figure"], term("asOf")) for r in rows))
        runs = capitalised([Run(text[:1].upper() + text[1:])]) + marks
        target = self.by_resource.get(about)
        if target is not None:  # the first value of a new network's figure, with the network
            target.runs += [Run(" "), *runs]
        else:
            group = self._group(about, *(r.get("earlier") for r in rows), default="monitoring")
            link = [Link(about, acronym or label)] if about else []
            self._add(group, runs, origin, link)
        for row in rows:
            before = f"; earlier value {self._change(row, True, running=False)}" if row["figure"] in earlier else ""
            self.figures.append(FigureRow(
                iri=row["figure"], measures=row.get("measures", ""), value=value_words(row, running=False),
                unit=row.get("unit", ""), about=Link(about, acronym or label) if about else None,
                as_of=(human_date(day) if day else "undated") + before,
                source=" ".join(plain(p.note(k).runs) for k in p.of(row["figure"], term("value"))), source_iri=None))

    def status_change(self, row: Row, history: list[Row]) -> None:
        iri, resource, new = row["change"], row["resource"], row["status"]
        label = row.get("label", resource.rsplit("/", 1)[-1])
        is_work = row.get("publication") == "true"
        name = [Run(label, italic=True)] if is_work else [Run(self._name(resource, label, row.get("acronym")))]
        before = [h for h in history if h["resource"] == resource and h["change"] != iri
                  and history.index(h) < history.index(row)]
        p = self.passages
        if before:  # the earlier status as the passage that reported it last put it
            previous = before[-1]
            was, was_marks = previous["status"], p.marks((previous["change"], term("newStatus")))
            was_label, was_when = previous.get("statusLabel", ""), when(previous["date"])
        else:
            was = row.get("previous") or row.get("stated", "")
            was_label = row.get("previousLabel") or row.get("statedLabel", "")
            was_marks, was_when = p.marks((resource, term("status"))), ""
        date = when(row["date"])
        said = p.marks((iri, term("newStatus")), (iri, term("date")))
        if new == str(SKG.published) and is_work:
            where = self._identifier(resource)
            announced = (f", announced in the last report as {was_label}," if was in NOT_YET and not before else
                         f", {was_label} {was_when}," if was_label else "")
            runs = name + [Run(announced)] + (was_marks if announced else []) + [Run(f" was published {date}"
                                                                                     f"{where}.")] + said
        elif was in UNDER_WAY and new in BACK_TO:
            since = f", which started to be implemented {was_when}," if was_when else ""
            they = plural(label)
            runs = name + [Run(since)] + was_marks + [Run(
                f" {'are' if they else 'is'} no longer being implemented: {date}, {'they were' if they else 'it was'}"
                f" again {row.get('statusLabel', '')}.")] + said
        elif new in UNDER_WAY:
            verb = {str(SKG.launched): "was launched", str(SKG.established): "was established"}.get(new)
            earlier = f", reported to the {self.previous_session} as {was_label}," if was_label and not before \
                else (f", {was_label} {was_when}," if was_label else "")
            tail = f" {verb} {date}." if verb else \
                f" started {date} and {'are' if plural(label) else 'is'} now being implemented."
            runs = name + [Run(earlier)] + (was_marks if earlier else []) + [Run(tail)] + said
        else:
            runs = name + [Run(f" is now {row.get('statusLabel', '')} ({date.removeprefix('in ').removeprefix('on ')})"
                               ".")] + said
        group = self._group(resource, default="publications")
        self._add(group, capitalised([r for r in runs if r.text or r.note]), "Status change",
                  [Link(resource, row.get("acronym") or label)])

    def _identifier(self, resource: str) -> str:
        st = Statements(self.runner, resource)
        doi, handle = st.literal(term("doi")), st.literal(term("handle"))
        return f" (doi {doi})" if doi else f" (handle {handle})" if handle else ""

    def publication(self, row: Row) -> None:
        iri = row["publication"]
        title = [Run(row.get("label", iri), italic=True)]
        dated = row.get("issued") or row.get("year", "")
        p = self.passages
        marks = p.marks((iri, str(DCT.issued)), (iri, term("year")), (iri, term("publishedBy")), (iri, RDF_TYPE))
        own = [Run(note=p.note(iri).key)] if any(k in row for k in ("doi", "handle", "url")) else []
        status = row.get("status")
        if status and status != str(SKG.published):
            text = title + [Run(f" is {row.get('statusLabel', '')}" + (f" and is to be published {when(dated)}"
                                                                       if dated else "") + ".")]
        elif "publisherLabel" in row:
            opening = when(dated) if dated else ""
            text = [Run(f"{opening[:1].upper()}{opening[1:]}, {row['publisherLabel']} published " if opening
                        else f"{row['publisherLabel']} published "), *title, Run(".")]
        else:
            text = [*title, Run(f" was published {when(dated)}." if dated else " was published.")]
        self._add(self._group(iri, default="publications"), sentence(text, own + marks), "New publication",
                  [Link(iri, row.get("label", iri))])

    def meeting(self, row: Row) -> None:
        """'The 13th GSP Plenary Assembly, held in Rome on 1–5 June 2026, endorsed ...' (what it did, when known)."""
        iri = row["meeting"]
        name = self._name(iri, row.get("label", iri), row.get("acronym"))
        start = row.get("start", "")
        dates = date_range(start, row.get("end"))
        held = f" in {row['place']}" if "place" in row else ""
        held += (f" on {dates}" if start.count("-") == 2 else f" in {dates}") if dates else ""
        did = [r["value"] for r in Statements(self.runner, iri).out(term("activity"))]
        text = f"{name}, held{held}, {join_words(did)}." if did else f"{name} was held{held}."
        marks = self.passages.marks((iri, term("startDate")), (iri, term("place")), (iri, term("activity")))
        self._add(theme("meetings-and-sources"), capitalised([Run(text)]) + marks, "New meeting",
                  [Link(iri, row.get("acronym") or row.get("label", iri))])

    def resource(self, row: Row) -> None:
        """A new network, programme or decision paragraph, written by the planner from its own statements."""
        iri = row["resource"]
        rows = [r for r in self.runner.rows("report-statements", resource=iri) if r["direction"] == "out"]
        facts = [Fact(iri, r["property"], r["value"]) for r in rows]
        entry = {r["property"]: r["value"] for r in rows}
        self.namer.learn(iri, entry.get(str(RDFS.label)), entry.get(term("acronym")), entry.get(str(SKOS.altLabel)),
                         entry.get(str(RDF_TYPE)))
        everything = list(facts)
        for r in rows:
            if r["value"].startswith("http"):
                self.namer.learn(r["value"], r.get("valueLabel"), r.get("valueAcronym"))
            if r["property"] == term("invites"):  # who else invited them: "invited FAO again"
                everything += [Fact(o["value"], term("invites"), r["value"]) for o in
                               Statements(self.runner, r["value"]).into(term("invites"))]

        def cite(said: list[Fact]) -> list[Run]:
            return self.passages.marks(*((f.subject, f.prop, f.value) if f.value.startswith("http")
                                         else (f.subject, f.prop) for f in said))

        runs, used = plan_paragraph(self.namer, ParagraphInput(iri, 0, "", [], {}), facts, everything, cite)
        if runs is None:
            return
        default = LEAD if DECISIONS & {r["value"] for r in rows if r["property"] == str(RDF_TYPE)} else "networks"
        self._add(LEAD if default == LEAD else self._group(iri, default=default), runs, "New in this period",
                  [Link(i, self.namer.entry(i).acronym or self.namer.label(i)) for i in used if i.startswith("http")],
                  about=iri)


__all__ = ["LEAD", "Drafter", "theme"]
