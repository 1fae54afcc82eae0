"""DOCX rendering with python-docx, with real Word footnotes.

python-docx has no footnote API, so we add the footnotes part ourselves: ``word/footnotes.xml`` with
the two separator notes Word expects (ids -1 and 0) and one ``w:footnote`` per note, related to the
main document part, and ``w:footnoteReference`` runs in the text. Word and LibreOffice then number
and place them at the foot of the page.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from soilkg.report.model import Report, Run, Section
from soilkg.report.render_md import LinkFor, provenance

GREY = RGBColor(0x55, 0x55, 0x55)
LINK_BLUE = "1F4E79"

SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
)


def _footnotes_part(document_part: XmlPart) -> XmlPart:
    element = parse_xml(f"<w:footnotes {nsdecls('w', 'r')}>{SEPARATORS}</w:footnotes>")
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, document_part.package)
    document_part.relate_to(part, RT.FOOTNOTES)
    return part


def _run(text: str, italic: bool = False, superscript: bool = False, size: float | None = None,
         color: str | None = None, underline: bool = False):
    r = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    if italic:
        props.append(OxmlElement("w:i"))
    if color:
        c = OxmlElement("w:color")
        c.set(qn("w:val"), color)
        props.append(c)
    if size:
        for tag in ("w:sz", "w:szCs"):
            s = OxmlElement(tag)
            s.set(qn("w:val"), str(int(size * 2)))
            props.append(s)
    if underline:
        u = OxmlElement("w:u")
        u.set(qn("w:val"), "single")
        props.append(u)
    if superscript:
        v = OxmlElement("w:vertAlign")
        v.set(qn("w:val"), "superscript")
        props.append(v)
    r.append(props)
    if text:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
    return r


def _hyperlink(part: XmlPart, url: str, text: str, italic: bool, size: float | None):
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
    link.append(_run(text, italic=italic, size=size, color=LINK_BLUE, underline=True))
    return link


class DocxWriter:
    def __init__(self, report: Report, link_for: LinkFor) -> None:
        self.report = report
        self.link_for = link_for
        self.doc = Document()
        self.notes = _footnotes_part(self.doc.part)
        self.written: set[int] = set()  # draft numbers of the notes some reference has called
        self.next_id = 0  # w:id of the last footnote written (1, 2, ...; -1 and 0 are the separators)
        style = self.doc.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(12)

    def _append_runs(self, target, part: XmlPart, runs: list[Run], size: float | None = None) -> None:
        previous_note = False
        for run in runs:
            if run.note is not None:
                if previous_note:  # "1, 2", not "12"
                    target.append(_run(",", superscript=True, size=size))
                self._reference(target, run.note)
                previous_note = True
                continue
            previous_note = False
            if run.href is not None:
                target.append(_hyperlink(part, run.href, run.text, run.italic, size))
            else:
                target.append(_run(run.text, italic=run.italic, size=size))

    def _reference(self, target, key: str) -> None:
        """A footnote of its own for every reference, with an id no other reference uses: Word and LibreOffice
        print a footnote under the one reference that calls it, so a passage cited twice is noted twice."""
        note = self.report.footnote(key)
        if note is None:
            return
        self.next_id += 1
        self._write_note(self.next_id, note.runs)
        self.written.add(note.number)
        ref = _run("", superscript=True)
        mark = OxmlElement("w:footnoteReference")
        mark.set(qn("w:id"), str(self.next_id))
        ref.append(mark)
        target.append(ref)

    def _write_note(self, number: int, runs: list[Run]) -> None:
        footnote = OxmlElement("w:footnote")
        footnote.set(qn("w:id"), str(number))
        p = OxmlElement("w:p")
        p_props = OxmlElement("w:pPr")
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:after"), "0")
        p_props.append(spacing)
        p.append(p_props)
        mark = _run("", superscript=True, size=10)
        mark.append(OxmlElement("w:footnoteRef"))
        p.append(mark)
        p.append(_run(" ", size=10))
        self._append_runs(p, self.notes, runs, size=10)
        footnote.append(p)
        self.notes.element.append(footnote)

    def _centred(self, text: str, bold: bool = False, size: float | None = None) -> DocxParagraph:
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        return paragraph

    def _small(self, text: str) -> None:
        paragraph = self.doc.add_paragraph()
        run = paragraph.add_run(text)
        run.italic = True
        run.font.size = Pt(9)
        run.font.color.rgb = GREY

    def _appendix(self) -> None:
        """What each paragraph draws on, by label, for the reporter; catalogue links only to a web address (a
        relative file link means nothing inside a Word file)."""
        self.doc.add_heading("Appendix: what each paragraph draws on", level=1)
        for paragraph in self.report.paragraphs():
            source, how, links = provenance(paragraph, self.report)
            runs = [Run(f"{paragraph.number}. {source}, {how}" + (": " if links else ""))]
            for index, link in enumerate(links):
                url = self.link_for(link.iri)
                runs.append(Run(", ") if index else Run(""))
                runs.append(Run(link.label, href=url if url and url.startswith("http") else None))
            runs.append(Run("."))
            line = self.doc.add_paragraph()
            self._append_runs(line._p, self.doc.part, runs, size=9)

    def _section(self, section: Section, level: int) -> None:
        self.doc.add_heading(section.title, level=level)
        for paragraph in section.paragraphs:
            body = self.doc.add_paragraph()
            body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            body._p.append(_run(f"{paragraph.number}.\t"))
            self._append_runs(body._p, self.doc.part, paragraph.runs)
        for sub in section.subsections:
            self._section(sub, min(level + 1, 9))

    def _table(self, header: list[str], rows: list[list[str]]) -> None:
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = text

    def write(self, path: Path) -> None:
        tb = self.report.title_block
        for _, name in tb.organisation:
            self._centred(name, size=9)
        self._centred(tb.commission.upper(), bold=True)
        self._centred(tb.agenda_item)
        self._centred(tb.session)
        self._centred(f"{tb.place}, {tb.dates}")
        self._centred(tb.title.upper(), bold=True, size=13)
        self._small("About this draft. " + " ".join(self.report.notes))
        if self.report.since:
            self.doc.add_heading(f"New or changed since {self.report.since}", level=1)
            if self.report.changes:
                self._table(["What", "Kind", "Change", "When", "Evidence"],
                            [[c.label, c.kind, c.change, c.when, c.evidence] for c in self.report.changes])
            else:
                self.doc.add_paragraph(f"Nothing in the graph was added or changed since {self.report.since}.")
        for section in self.report.sections:
            self._section(section, 1)
        self.doc.add_heading("Reported figures", level=1)
        self._table(["Figure", "Value", "Unit", "About", "As of", "Stated in"],
                    [[f.measures, f.value, f.unit, f.about.label if f.about else "", f.as_of, f.source]
                     for f in self.report.figures])
        self._appendix()
        # Footnotes no paragraph calls still belong to the draft: they go after the appendix.
        for note in self.report.footnotes:
            if note.number not in self.written:
                paragraph = self.doc.add_paragraph()
                self._reference(paragraph._p, note.key)
        self.doc.save(str(path))


def render(report: Report, link_for: LinkFor, path: Path) -> None:
    DocxWriter(report, link_for).write(path)
