"""Titles the catalogue composes from data, in each of the six languages.

The data's English labels of some resources are phrases built around data ("CBD COP decision 15/28",
"Paragraph 4 of the progress report (CGRFA-20, item 8.4)", "657 trainers: trainers whose capacity
..."). Shown on a French or Arabic page they would be English passed off as a name. Here each such
title is a per-language template of site/i18n (``title.*``) with the data in its slots; the English
page keeps the data's own label.

A composed title is a list of segments: plain text in the page's language, or ``(text, lang)``, an
inserted run isolated from its surroundings (``<bdi>``): a symbol or number (``lang`` "") or a
literal that exists only in English (``lang`` "en", shown as it is, never passed off as a
translation). assets/js/skg-text.js draws the segments; lists and the search use the flat text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from babel.numbers import format_decimal

from soilkg.namespaces import DCT, SKG, SKOS
from soilkg.sitegen import figtext
from soilkg.sitegen.graph import ACRONYM, LANGS, NUMBER, SYMBOL, SiteGraph
from soilkg.sitegen.i18n import ENGLISH, Strings
from soilkg.sitegen.kinds import SYMBOL as DECISION_SYMBOL
from soilkg.urls import kind_of, owner_of, page_path

Segment = str | tuple[str, str]
SLOT = re.compile(r"\{(\w+)\}")
LATIN = re.compile(r"[A-Za-z]")
# Numbers as each language writes them (UN Arabic documents: the digits 0-9), as skg-text.js does.
NUMBER_LOCALES = {"en": "en_GB", "fr": "fr", "es": "es", "ar": "ar", "zh": "zh", "ru": "ru"}
# The progress report's short reference needs its title to say it is one (the data has no class for it).
PROGRESS_REPORT = "progress report"
# The key of a document's reference in the browser's label tables (assets/lang/<code>.js).
REFERENCE = "ref:"
# What a meeting's English label calls it -> its template (the label says which kind of session it is).
MEETING_WORDS = (("Regular Session", "title.regular_session"), ("Plenary Assembly", "title.plenary_assembly"),
                 ("meeting of", "title.meeting"))
# The English page shows the data's own English labels; composed titles are for the other languages
# (and for English where the data has no short name: the footer's "the progress report (...)").
OTHER_LANGS = tuple(lang for lang in LANGS if lang != ENGLISH)


def flat(segments: list[Segment]) -> str:
    """The title as text, each inserted run between Unicode isolates (FSI ... PDI) so it still reads
    right where markup cannot go (an option of a select, the search index)."""
    return "".join(s if isinstance(s, str) else "\u2068" + s[0] + "\u2069" for s in segments)


def segments_json(segments: list[Segment]) -> list[object]:
    """The segments as the browser reads them (assets/js/skg-text.js): text, or [text, lang]."""
    return [s if isinstance(s, str) else list(s) for s in segments]


def plain(segments: list[Segment]) -> str:
    return "".join(s if isinstance(s, str) else s[0] for s in segments)


def fill(template: str, slots: dict[str, list[Segment]]) -> list[Segment]:
    """The template's text around its {slots}, each slot's segments in its place; first letter capitalised."""
    out: list[Segment] = []
    at = 0
    for match in SLOT.finditer(template):
        out.append(template[at:match.start()])
        out.extend(slots.get(match[1], [match[0]]))
        at = match.end()
    out.append(template[at:])
    out = [s for s in out if s]
    if out and isinstance(out[0], str):
        out[0] = out[0][:1].upper() + out[0][1:]
    return out


def number(lexical: str, lang: str) -> str:
    try:
        value = float(lexical)
    except ValueError:
        return lexical
    if not value.is_integer():
        return lexical
    return format_decimal(int(value), locale=NUMBER_LOCALES.get(lang, lang), numbering_system="latn")


@dataclass
class Titles:
    graph: SiteGraph
    strings: Strings
    _cache: dict[tuple[str, str], list[Segment] | None] = field(default_factory=dict)

    def template(self, key: str, lang: str) -> str | None:
        """The template in ``lang``; None when the language has none (the title then stays English)."""
        return self.strings.strings.get(lang, {}).get(key)

    def title(self, iri: str, lang: str) -> list[Segment] | None:
        """The composed title of ``iri`` in ``lang``, None when its label is not a composed one. A
        title that would name its document in English is made from the English templates too."""
        key = (iri, lang)
        if key not in self._cache:
            self._cache[key] = self._compose(iri, lang)
        return self._cache[key]

    def reference(self, iri: str, lang: str) -> list[Segment]:
        """How a title names another resource: its composed title, its label in ``lang``, else its
        English label (or acronym, symbol) as a literal."""
        composed = self.title(iri, lang)
        if composed is None and kind_of(iri) == "document" and owner_of(iri) == iri:
            composed = self._document(iri, lang)  # a document's own title is a work's: only its references
        if composed is not None:
            return composed
        labels = self.graph.labels(iri)
        if lang in labels:
            return [labels[lang]]
        text = self.graph.label(iri)
        return [(text, "en" if LATIN.search(text) else "")]

    def _compose(self, iri: str, lang: str) -> list[Segment] | None:
        node = self.graph.nodes.get(iri)
        if node is None:
            return None
        owner = owner_of(iri)
        if owner != iri:
            return self._part(iri, owner, lang)
        kind = kind_of(iri)
        if kind == "decision":
            match = DECISION_SYMBOL.search(node.literal(SYMBOL) or "")
            template = self.template("title.decision", lang)
            if match and template:
                return fill(template, {"number": [(f"{match['meeting']}/{match['number']}", "")]})
        if kind == "sdg-target":
            notation = node.literal(str(SKOS.notation))
            template = self.template("title.sdg_target", lang)
            if notation and template:
                return fill(template, {"n": [(notation, "")]})
        if kind == "meeting":
            return self._meeting(iri, lang)
        if kind == "figure":
            return self._figure(iri, lang)
        return None

    def _part(self, iri: str, owner: str, lang: str) -> list[Segment] | None:
        tail = iri.rsplit("/", 1)[-1]
        key = "title.title_block" if tail == "p0" else "title.footnote" if tail.startswith("fn") else "title.paragraph"
        template = self.template(key, lang)
        if template is None or owner not in self.graph.nodes:
            return None
        n = self.graph.nodes[iri].literal(NUMBER) or tail.lstrip("pfn")
        doc = self.reference(owner, lang)
        return fill(template, {"n": [(n, "")], "doc": doc})

    def _document(self, iri: str, lang: str) -> list[Segment] | None:
        """'the progress report (CGRFA-20, item 8.4)': a progress report by its meeting and agenda item."""
        node = self.graph.nodes[iri]
        item = node.literal(str(SKG.agendaItem))
        meetings = node.iris(str(SKG.preparedFor))
        title = (node.literal(str(DCT.title)) or "").casefold()
        template = self.template("title.progress_report", lang)
        if not (item and meetings and title.startswith(PROGRESS_REPORT) and template):
            return None
        meeting = self.graph.nodes.get(meetings[0])
        code = (meeting.literal(ACRONYM) if meeting else None) or meetings[0].rstrip("/").rsplit("/", 1)[-1].upper()
        return fill(template, {"meeting": [(code, "")], "item": [(item, "")]})

    def _meeting(self, iri: str, lang: str) -> list[Segment] | None:
        """'Fifteenth meeting of the Conference of the Parties ...': the body that holds it (its name in
        the language, else as a literal) and its session number, in the language's own word order."""
        node = self.graph.nodes[iri]
        label = self.graph.label(iri)
        session = node.literal(str(SKG.sessionNumber))
        bodies = node.iris(str(SKG.heldBy))
        key = next((k for words, k in MEETING_WORDS if words in label), None)
        template = self.template(key, lang) if key else None
        if not (session and bodies and template):
            return None
        title = fill(template, {"n": [(session, "")], "org": self.reference(bodies[0], lang)})
        acronym = node.literal(ACRONYM)
        return [*title, " (", (acronym, ""), ")"] if acronym else title

    def _figure(self, iri: str, lang: str) -> list[Segment] | None:
        """'657 trainers: trainers whose capacity ...': the amount in the language, what it counts as
        the source words it."""
        fig = figtext.read(self.graph, iri)
        measures = self.graph.nodes[iri].literal(str(SKG.measures))
        template = self.template("title.figure", lang)
        amount = self.template("fig.amount_" + fig.qualifier if fig and fig.qualifier else "fig.amount", lang)
        if fig is None or not measures or template is None or amount is None:
            return None
        unit = self.template(f"unit.{fig.unit}", lang)
        what = fill(amount, {"value": [(number(fig.number, lang), "")],
                             "unit": [unit] if unit else [(fig.unit, "en")]})
        return fill(template, {"amount": what, "measures": [(measures, "en")]})

    def labels(self, iris: list[str]) -> dict[str, dict[str, object]]:
        """Page path -> language -> composed title (segments), for every resource and part that has one:
        the browser's language switch draws them (assets/lang/<code>.js)."""
        found: dict[str, dict[str, object]] = {}
        for iri in iris:
            path = page_path(iri)
            if path is None:
                continue
            for lang in OTHER_LANGS:
                composed = self.title(iri, lang)
                if composed is not None:
                    found.setdefault(path, {})[lang] = segments_json(composed)
        return found

    def reference_labels(self, iris: list[str]) -> dict[str, dict[str, object]]:
        """``ref:<page path>`` -> language -> how a document is referred to ("the progress report
        (CGRFA-20, item 8.4)"), where its own title (a work's) stays as it is: the footer names it so."""
        found: dict[str, dict[str, object]] = {}
        for iri in iris:
            path = page_path(iri)
            for lang in OTHER_LANGS:
                composed = self._document(iri, lang)
                if path is not None and composed is not None:
                    found.setdefault(REFERENCE + path, {})[lang] = segments_json(composed)
        return found

    def search_names(self, iri: str) -> list[str]:
        """The composed title in every language, as plain text for the search index: the language's own
        words and the symbols and numbers in them, not the English literals (the English title has them
        once; five more copies would outrank the resource they name, NETSOB, with a figure about it)."""
        found = []
        for lang in OTHER_LANGS:
            composed = self.title(iri, lang)
            if composed is not None:
                found.append(" ".join(s if isinstance(s, str) else s[0] for s in composed
                                      if isinstance(s, str) or s[1] != ENGLISH))
        return list(dict.fromkeys(found))
