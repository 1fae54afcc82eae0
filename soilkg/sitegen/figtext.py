"""A reported figure's words, as whole sentence templates in each language.

"more than 11 500 farmers", "as of 30 June 2024": the interface writes the qualifier, the number's
format, the unit and the date's wording, so they follow the reader's language as whole templates
(site/i18n: ``fig.amount``, ``fig.amount_more_than``, ``fig.as_of``, ``unit.<unit>``,
``as_of_note.<note>``), never English fragments glued in English word order. The page carries the
English text and the figure's parts (``data-fig``); assets/js/skg-text.js fills the same templates
in the reader's language with Intl.NumberFormat and Intl.DateTimeFormat.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html import escape

from soilkg.namespaces import SKG
from soilkg.sitegen.graph import SiteGraph
from soilkg.sitegen.i18n import Strings
from soilkg.sitegen.lists import source_date
from soilkg.textfmt import format_number


@dataclass(frozen=True)
class Figure:
    qualifier: str  # "" (exactly) or the comparator's key: "more_than"
    number: str  # the value as the source states it (lexical form)
    unit: str  # the source's unit ("farmers"): a key of site/i18n's unit.<unit>
    as_of: str  # xsd:date (or year, year-month), "" when the source gives a note instead
    note: str  # "to date": a key of site/i18n's as_of_note.<note>
    # The year and month of the document that reports it (a figure the source does not date held then,
    # its "to date" too), "" when the figure has its own date.
    reported: str = ""

    def spec(self) -> str:
        return json.dumps({"q": self.qualifier, "n": self.number, "u": self.unit, "d": self.as_of,
                           "w": self.note, "r": self.reported}, ensure_ascii=False, separators=(",", ":"))


def _key(comparator_iri: str) -> str:
    """skg:moreThan -> 'more_than'; skg:exactly -> ''."""
    local = comparator_iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return "" if local == "exactly" else re.sub(r"(?<!^)(?=[A-Z])", "_", local).lower()


def read(graph: SiteGraph, iri: str) -> Figure | None:
    node = graph.nodes.get(iri)
    value = node.literal(str(SKG.value)) if node else None
    if node is None or value is None:
        return None
    comparator = node.iris(str(SKG.comparator))
    note = node.literal(str(SKG.asOfNote)) or ""
    reported = [d for doc in node.iris(str(SKG.reportedIn)) if (d := source_date(graph, doc))]
    return Figure(_key(comparator[0]) if comparator else "", value, node.literal(str(SKG.unit)) or "",
                  node.literal(str(SKG.asOf)) or "", note,
                  max(reported)[:7] if reported and not node.literal(str(SKG.asOf)) else "")


def english_date(lexical: str) -> str:
    """'2024-06-30' -> '30 June 2024' (UN style), '2025-03' -> 'March 2025'; a year or anything else as written."""
    try:
        day = date.fromisoformat(lexical if len(lexical) != 7 else lexical + "-01")
    except ValueError:
        return lexical
    return f"{day:%B %Y}" if len(lexical) == 7 else f"{day.day} {day:%B %Y}"


def amount(fig: Figure, strings: Strings) -> str:
    """'more than 11 500 farmers' in English, from the same template the browser fills."""
    unit = strings.plain(f"unit.{fig.unit}") if f"unit.{fig.unit}" in strings.english else fig.unit
    template = strings.plain("fig.amount_" + fig.qualifier if fig.qualifier else "fig.amount")
    return template.format(value=format_number(fig.number), unit=unit).strip()


def when(fig: Figure, strings: Strings) -> str:
    """'as of 30 June 2024', 'to date' or ''."""
    if fig.as_of:
        return strings.plain("fig.as_of").format(date=english_date(fig.as_of))
    if fig.note:
        key = f"as_of_note.{fig.note}"
        note = strings.plain(key) if key in strings.english else fig.note
        # "to date" held when the document that states it was reported: said beside the source's words.
        return strings.plain("fig.note_as_reported").format(note=note, date=english_date(fig.reported)) \
            if fig.reported else note
    if fig.reported:  # the source gives no date for it: the date of the document that reports it
        return strings.plain("fig.as_reported").format(date=english_date(fig.reported))
    return ""


def amount_html(fig: Figure, strings: Strings) -> str:
    return f'<span class="skg-fig" data-fig="{escape(fig.spec())}">{escape(amount(fig, strings))}</span>'


def when_html(fig: Figure, strings: Strings) -> str:
    text = when(fig, strings)
    return f'<span class="skg-fig" data-fig-when="{escape(fig.spec())}">{escape(text)}</span>' if text else ""


def caption(fig: Figure, strings: Strings) -> str:
    """A chart bar's caption: 'more than 11 500 farmers (to date)'."""
    held = when(fig, strings)
    return f"{amount(fig, strings)} ({held})" if held else amount(fig, strings)
