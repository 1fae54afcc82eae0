"""A decision's page as InforMEA and the CBD decision tracker show one: what the decision does (its
paragraphs' acts in paragraph order, then what the source gives for the decision as a whole), the
meeting with its date and venue, and the official text, labelled with its language."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from soilkg.namespaces import SKG
from soilkg.sitegen.graph import SiteGraph
from soilkg.sitegen.i18n import Strings
from soilkg.sitegen.kinds import official_text
from soilkg.sitegen.render import Renderer

# What a decision does about the Initiative: adoptions first, then invitations (the order a reader
# of a decision tracker looks for them), then anything else a paragraph states.
ACTS = ("adopts", "establishes", "invites", "invitesThrough", "invitationTo")
# Languages whose address of the official text is confirmed in the publisher's pattern: the CBD's
# "...-en.pdf" is the address the catalogue was given; the other languages' addresses are not
# confirmed, so every reader gets the English text, labelled as English.
OFFICIAL_TEXT_LANGUAGES = ("en",)


@dataclass
class Act:
    title: str  # HTML: "Paragraph 1", or "The decision as a whole"
    rows: list[tuple[str, list[str]]]  # (label HTML, values HTML), acts first


@dataclass
class DecisionView:
    acts: list[Act]
    meeting: str  # HTML link
    date: str  # lexical date, "" when the source gives none
    place: str  # HTML
    official: str  # address of the official text
    official_lang: str


def _ordered(rows: list[tuple[str, str, list[str]]]) -> list[tuple[str, list[str]]]:
    """(local name, label, values) -> (label, values), acts in ACTS order, the rest after."""
    def rank(local: str) -> int:
        return ACTS.index(local) if local in ACTS else len(ACTS)
    return [(label, values) for local, label, values in sorted(rows, key=lambda row: rank(row[0]))]


def view(iri: str, graph: SiteGraph, r: Renderer, part_rows: dict[str, list[tuple[str, str, list[str]]]],
         own_rows: list[tuple[str, str, list[str]]], strings: Strings) -> DecisionView:
    """`part_rows`: each paragraph's facts, in paragraph order; `own_rows`: the decision's own facts."""
    acts = []
    for part, rows in part_rows.items():
        if rows and not part.rsplit("/", 1)[-1].startswith("fn"):
            number = escape(part.rsplit("/", 1)[-1].lstrip("p"))
            acts.append(Act(f'<a href="#{escape(part.rsplit("/", 1)[-1])}">'
                            f'{strings.template_html("decision.paragraph", n=number)}</a>', _ordered(rows)))
    whole = [row for row in own_rows if row[0] in ACTS]
    if whole:
        acts.append(Act(strings.html("decision.whole"), _ordered(whole)))
    node = graph.nodes[iri]
    meetings = node.iris(str(SKG.decisionOf))
    meeting = graph.nodes.get(meetings[0]) if meetings else None
    place = meeting.literal(str(SKG.place)) if meeting else None
    symbol = node.literal(str(SKG.symbol)) or ""
    return DecisionView(
        acts=acts, meeting=r.link(meetings[0]) if meetings else "",
        date=(meeting.literal(str(SKG.startDate)) or "") if meeting else "",
        place=f'<bdi lang="en" dir="ltr">{escape(place)}</bdi>' if place else "",
        official=official_text(symbol), official_lang=OFFICIAL_TEXT_LANGUAGES[0])
