"""The pure pieces of the report: wording helpers, citation writing and its fallback, footnote placement."""

from __future__ import annotations

from soilkg.namespaces import ID, SKG
from soilkg.report.cite import footnotes
from soilkg.report.compose import _quoted
from soilkg.report.model import Mode, Run
from soilkg.report.text import date_range, human_date, number

DEC = ID + "decision/cbd-cop-dec-15-28"
FN = ID + "document/x/fn"


def test_dates_and_numbers_as_fao_writes_them() -> None:
    assert date_range("2025-03-24", "2025-03-28") == "24–28 March 2025"
    assert date_range("2025-03-30", "2025-04-02") == "30 March – 2 April 2025"
    assert human_date("2024-06") == "June 2024" and human_date("2002") == "2002"
    assert [number(v) for v in ("657", "1800", "11500", "70000", "2.5")] == ["657", "1 800", "11 500", "70 000", "2.5"]


def test_decision_paragraphs_are_cited_under_their_symbol() -> None:
    rows = [{"footnote": FN + "4", "number": "4", "text": "CBD/COP/DEC/15/28, paragraphs 1 and 7.", "cited": c}
            for c in (DEC + "/p7", DEC + "/p1")]
    citations = [{"cited": DEC + f"/p{n}", "parent": DEC, "paragraphNumber": str(n),
                  "parentSymbol": "CBD/COP/DEC/15/28"} for n in (7, 1)]
    note = footnotes(rows, citations)[FN + "4"]
    assert note.mode is Mode.GENERATED
    assert "".join(r.text for r in note.runs) == "CBD/COP/DEC/15/28, paragraphs 1 and 7."


def test_a_citation_that_would_lose_words_quotes_the_source() -> None:
    """The graph has the document's symbol but not 'Annex 1': the footnote keeps the source's words."""
    rows = [{"footnote": FN + "8", "number": "8", "text": "GSPPA: XII/2024/9, Annex 1", "cited": ID + "document/g"}]
    citations = [{"cited": ID + "document/g", "symbol": "GSPPA: XII/2024/9", "type": str(SKG.MeetingDocument)}]
    note = footnotes(rows, citations)[FN + "8"]
    assert note.mode is Mode.QUOTED
    assert "".join(r.text for r in note.runs) == "GSPPA: XII/2024/9, Annex 1"


def test_quoted_text_gets_its_marks_after_what_they_cite() -> None:
    text = "FAO, through the Global Soil Partnership (GSP), leads. The plan was adopted."
    notes = {FN + "3": [ID + "organisation/gsp"], FN + "4": [ID + "decision/unknown"]}
    labels = {ID + "organisation/gsp": {"label": "Global Soil Partnership", "acronym": "GSP"}}
    runs = _quoted(text, notes, {FN + "3": 3, FN + "4": 4}, labels)
    assert runs == [Run("FAO, through the Global Soil Partnership (GSP)"), Run(note=FN + "3"),
                    Run(", leads. The plan was adopted."), Run(note=FN + "4")]


def test_figures_of_one_programme_make_one_sentence() -> None:
    from soilkg.report.figure_text import figures_sentence

    def row(figure: str, value: str, unit: str, measures: str, comparator: str = "exactly") -> dict[str, str]:
        return {"figure": figure, "value": value, "unit": unit, "measures": measures, "comparatorLabel": comparator}

    rows = [row("t", "657", "trainers", "trainers whose capacity the Global Soil Doctors Programme has built"),
            row("s", "1800", "Soil Doctor farmers",
                "Soil Doctor farmers whose capacity the Global Soil Doctors Programme has built"),
            row("f", "11500", "farmers", "farmers the Global Soil Doctors Programme has reached", "more than"),
            row("c", "26", "countries", "countries in which the Global Soil Doctors Programme has reached farmers")]
    text, left = figures_sentence("the Global Soil Doctors Programme", ["Global Soil Doctors Programme"], rows,
                                  "To date", {"t": "657 reported to the Twentieth Regular Session"})
    assert not left
    assert text == ("To date, the Global Soil Doctors Programme has built the capacity of 657 trainers (657 reported "
                    "to the Twentieth Regular Session) and 1 800 Soil Doctor farmers, and has reached more than "
                    "11 500 farmers in 26 countries.")


def test_names_as_fao_writes_them_in_a_sentence() -> None:
    """A description takes 'the' and lower case; a name keeps its capitals; a named thing whose name does not
    say what it is gets its class noun, in full and again; a body says its acronym with or without 'the'."""
    from soilkg.report.namer import Namer
    from soilkg.report.subjects import describes, with_article

    assert with_article("Fifteenth meeting of the Conference of the Parties") == \
        "the fifteenth meeting of the Conference of the Parties"
    assert with_article("Special issue of Soil Organisms") == "the special issue of Soil Organisms"
    assert with_article("Global Soil Partnership") == "the Global Soil Partnership"
    assert with_article("Food and Agriculture Organization of the United Nations").startswith("the Food and")
    assert not describes("Other relevant organizations") and not describes("International Network on Soil Pollution")
    namer = Namer()
    initiative, network, partnership = (ID + "initiative/x", ID + "network/y", ID + "organisation/gsp")
    namer.learn(initiative, "Recarbonization of Global Agricultural Soils", "RECISOIL", kind=str(SKG.Initiative))
    namer.learn(network, "SYNTHETIC Network on Soil Data", "SYNNET", kind=str(SKG.Network))
    namer.learn(partnership, "Global Soil Partnership", "GSP", kind=str(SKG.Organisation))
    assert namer.spell(initiative) == "the Recarbonization of Global Agricultural Soils (RECISOIL) initiative"
    assert namer.spell(initiative) == "the RECISOIL initiative"
    assert [namer.spell(network), namer.spell(network)] == ["the SYNTHETIC Network on Soil Data (SYNNET)", "SYNNET"]
    assert [namer.spell(partnership), namer.spell(partnership)] == ["the Global Soil Partnership (GSP)", "the GSP"]


def test_small_counts_in_words_in_running_text_only() -> None:
    from soilkg.report.figure_text import value_words

    assert value_words({"value": "4"}) == "four" and value_words({"value": "6.0"}) == "six"
    assert value_words({"value": "4"}, running=False) == "4"
    assert value_words({"value": "10"}) == "10" and value_words({"value": "2.5"}) == "2.5"
    assert value_words({"earlierValue": "3", "earlierComparatorLabel": "more than"}, "earlier") == "more than three"


def test_a_case_study_is_written_as_a_sentence() -> None:
    from soilkg.report.compose import case_study_section
    from soilkg.report.model import Paragraph

    rows = [{"caseStudy": ID + "case-study/c", "label": "SYNTHETIC plots", "countryLabel": "Togo",
             "start": "2025-05-01", "end": "2026-04-30", "abstract": "SYNTHETIC: made up", "issued": "2026-06",
             "practiceLabel": p} for p in ("bioremediation", "composting")]
    section = case_study_section(rows, lambda iri, row: [Run(note="n1")],
                                 lambda iri, row, runs: Paragraph(runs=runs, mode=Mode.GENERATED))
    assert section is not None
    runs = section.paragraphs[0].runs
    assert "".join(r.text for r in runs) == (
        "The case study SYNTHETIC plots (Togo, 1 May 2025 – 30 April 2026), on bioremediation and composting, was "
        "published in the catalogue of best practices in June 2026. SYNTHETIC: made up.")
    assert runs[runs.index(Run(note="n1")) - 1].text.endswith("in June 2026.")  # the mark ends the first sentence
    assert runs[1].italic
