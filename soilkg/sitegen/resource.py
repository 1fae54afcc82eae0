"""What a resource page shows: its facts in plain words, links both ways, identifiers and sources."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

import pyoxigraph as ox

from soilkg.namespaces import DCT, OWL, RDF_TYPE, SCHEMA, SKG, SKOS
from soilkg.sitegen import decision, figtext
from soilkg.sitegen.graph import (
    ACRONYM,
    ALT_LABEL,
    COMMENT,
    DEFINITION,
    LABEL,
    NUMBER,
    PREF_LABEL,
    STATED_IN,
    Node,
    SiteGraph,
    part_order,
)
from soilkg.sitegen.i18n import Strings, lang_attrs, sentence_case
from soilkg.sitegen.render import Renderer
from soilkg.urls import kind_of, owner_of, page_path

# Shown as the page's prose, above the facts table.
PROSE = (DEFINITION, str(DCT.description), str(DCT.abstract), str(SCHEMA.description), COMMENT)
# Shown under their own headings below the prose, in this order (key of site/i18n/*.json, property).
LISTED = (("aims", str(SKG.aim)), ("activities", str(SKG.activity)))
# Facts a reader looks for first (where, what, who, when); the rest follow in alphabetical order.
FIRST = ("country", "administrativeArea", "implementedIn", "joinedBy", "practice", "theme", "organismGroup",
         "threatAddressed", "landUse", "soilFunction", "impact", "startDate", "endDate", "year", "status",
         "publishedBy", "runBy", "unitOf", "hostedBy", "leadsImplementationOf", "implementer", "compiler",
         "reviewer", "reviewStatus")
IDENTIFIERS = (str(SKG.symbol), str(SKG.doi), str(SKG.handle), str(SKG.iso3166Alpha2), str(SKG.iso3166Alpha3),
               str(SKG.m49), str(SKG.website), str(SKOS.exactMatch), str(SKOS.closeMatch), OWL + "sameAs",
               str(DCT.identifier), str(SCHEMA.sameAs), str(SCHEMA.url))
HIDDEN = {RDF_TYPE, LABEL, PREF_LABEL, ALT_LABEL, ACRONYM, STATED_IN, str(SKG.text), str(SKG.paragraph),
          str(SKG.footnote), str(SKG.paragraphOf), str(SKG.footnoteOf), str(SKG.figure), NUMBER,
          str(SKG.author)}
TEXT = str(SKG.text)

# Incoming links read from the page's point of view ("cited by", "invited by paragraph 7 of ...").
INVERSE: dict[str, str] = {
    "cites": "cited by", "invites": "invited by", "invitesThrough": "invited to act through this by",
    "publishedBy": "publisher of", "producedBy": "produced", "author": "author of", "unitOf": "has as unit",
    "hostedBy": "hosts", "leadsImplementationOf": "implementation led by",
    "facilitatesImplementationOf": "implementation facilitated by", "collaboratesWith": "collaborates with",
    "inCollaborationWith": "collaborates on", "establishedBy": "established", "launchedBy": "launched",
    "runBy": "runs", "designedBy": "designed", "withinFramework": "framework for", "planOf": "plan of action",
    "contributesTo": "contributions from", "buildsOn": "built on by", "inLineWith": "followed by",
    "supports": "supported by", "implementedIn": "initiatives implemented here",
    "joinedBy": "initiatives joined", "theme": "on this theme", "heldBy": "meetings",
    "presentedAt": "presented at this meeting", "presentedBy": "presented", "presentedIn": "presented in this",
    "publishedIn": "published in this", "resultsOf": "results published in", "onBehalfOf": "prepared for it",
    "reportedIn": "figures reported here", "sdgTarget": "contributions from", "decisionOf": "decisions adopted",
    "adopts": "adopted by", "establishes": "established by", "preparedFor": "documents prepared for it",
    "calledFrom": "footnotes", "country": "case studies here", "reportGroup": "reported in this group",
    "statedIn": "stated here",
}
SKIP_INCOMING = {str(SKG.paragraphOf), str(SKG.footnoteOf), str(SKG.about), str(SKG.paragraph),
                 str(SKG.footnote), str(SKG.figure)}


@dataclass
class Row:
    label: str  # HTML
    values: list[str]  # HTML
    predicate: str = ""

    @property
    def key(self) -> str:
        """The property's local name ("implementedIn"): ties a summary's fact to its row under Facts."""
        return local(self.predicate)


@dataclass
class Part:
    anchor: str
    title: str
    text: str
    lang: str
    facts: list[Row] = field(default_factory=list)
    stated_here: list[str] = field(default_factory=list)


@dataclass
class Source:
    link: str
    text: str
    lang: str = ""


def text_lang(graph: SiteGraph, iri: str) -> str:
    """The language of a passage's verbatim text: its document's dct:language ("mul" for a title block,
    which is printed in several languages; "" when the document does not say)."""
    owner = graph.nodes.get(owner_of(iri))
    if iri.endswith("/p0"):
        return "mul"  # BCP 47: several languages
    if owner is None:
        return ""
    return owner.literal(str(DCT.language)) or ""


def local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


Sources = dict[tuple[str, str, str], list[str]]


def part_html(iri: str, strings: Strings, suffix: str = "") -> str:
    """A paragraph or footnote of a document as interface words: '¶4', 'fn 5', 'title' (``suffix``
    "_title": 'Paragraph 4', 'Footnote 5', 'Title'), swapped for the reader's language like any
    interface string (site/i18n ``part.*``; assets/js/skg-text.js)."""
    tail = iri.rsplit("/", 1)[-1]
    kind = "p0" if tail == "p0" else "fn" if tail.startswith("fn") else "p"
    number = tail.lstrip("pfn")
    key = f"part.{kind}{suffix}"
    return (f'<span data-part="{kind}{suffix}" data-n="{escape(number)}">'
            f'{escape(strings.plain(key).format(n=number))}</span>')


def passage_name(iri: str, graph: SiteGraph, strings: Strings) -> str:
    """A passage as a short mark (HTML): ¶4, fn 5, the title block, or a web page's or publication's
    short name."""
    if owner_of(iri) != iri:
        return part_html(iri, strings)
    return escape(graph.short_label(iri))


def cite(passages: list[str], graph: SiteGraph, r: Renderer) -> str:
    """The passages that state one fact, as small links after the value (each to its own passage)."""
    links = []
    for passage in passages:
        url = r.url(passage)
        name, full = passage_name(passage, graph, r.strings), escape(graph.label(passage))
        # A whole source (a web page, a registry) is named by its label: it swaps language, or is
        # marked English, like any resource's name (assets/js/skg.js); a passage's mark is interface.
        iri = f' data-iri="{escape(page_path(passage) or "")}"' if url and owner_of(passage) == passage else ""
        links.append(f'<a href="{escape(url)}" title="{full}"{iri}>{name}</a>' if url
                     else f'<span title="{full}" lang="en">{name}</span>')
    return f' <span class="skg-cite" dir="ltr">[{", ".join(links)}]</span>' if links else ""


def facts(node: Node, graph: SiteGraph, r: Renderer, skip: set[str], stated: Sources) -> list[Row]:
    rows: list[tuple[tuple[int, str], Row]] = []
    for predicate, _ in node.out.items():
        if predicate in skip:
            continue
        if predicate == str(SKG.authors):
            values = [r.value(t) for t in graph.list_items(node, predicate)]
            values = [v for v in values if v]
            passages = stated.get((node.key, predicate, str(node.out[predicate][0])), [])
            if values and passages:
                values[-1] += cite(passages, graph, r)
        else:
            values = [v + cite(stated.get((node.key, predicate, str(t)), []), graph, r)
                      for t in node.out[predicate] if (v := r.value(t, predicate))]
        if values:
            rows.append((_fact_order(predicate, r), Row(fact_label(predicate, node, r), values, predicate)))
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def fact_label(predicate: str, node: Node, r: Renderer) -> str:
    """The property's label, without a last word that every value starts with ("Invitation to" and
    "to facilitate its implementation" read "Invitation: to facilitate ...")."""
    label = r.ontology.label(predicate)
    head, _, last = label.rpartition(" ")
    texts = [t.value for t in node.out[predicate] if isinstance(t, ox.Literal)]
    if head and texts and len(texts) == len(node.out[predicate]) and \
            all(t.lower().startswith(last.lower() + " ") for t in texts):
        return r.term_link(predicate, head)
    return r.term_link(predicate)


def _fact_order(predicate: str, r: Renderer) -> tuple[int, str]:
    name = local(predicate)
    return (FIRST.index(name) if name in FIRST else len(FIRST), r.ontology.label(predicate).casefold())


def incoming(node: Node, graph: SiteGraph, r: Renderer) -> list[Row]:
    """Resources that point here, grouped by how, read from this page's side ("Cited by"). A resource
    already shown under Facts (GLOSOLAN collaborates with NETSOB, and NETSOB with GLOSOLAN) is not
    repeated."""
    shown = {t.value for terms in node.out.values() for t in terms if isinstance(t, ox.NamedNode)}
    groups: dict[str, tuple[str, list[str]]] = {}
    for subject, predicate in node.inc:
        if predicate in SKIP_INCOMING or subject.startswith("_:") or subject in shown:
            continue
        name = local(predicate)
        if name in INVERSE:
            phrase = f'<span data-i18n="inverse.{escape(name)}">{escape(sentence_case(INVERSE[name]))}</span>'
        else:
            phrase = r.term_link(predicate)
        link = r.link(subject)
        values = groups.setdefault(name, (phrase, []))[1]
        if link not in values:
            values.append(link)
    return [Row(phrase, sorted(values)) for _name, (phrase, values) in sorted(groups.items())]


def sources(node: Node, graph: SiteGraph, r: Renderer) -> list[Source]:
    found = []
    for iri in sorted(set(node.iris(STATED_IN)), key=part_order):
        part = graph.nodes.get(iri)
        text = part.literal(TEXT) if part else None
        found.append(Source(r.link(iri, graph.label(iri)), escape(text or ""), text_lang(graph, iri)))
    return found


def parts(iri: str, graph: SiteGraph, r: Renderer, stated: Sources) -> list[Part]:
    result = []
    skip = HIDDEN | set(PROSE) | {TEXT}
    for part_iri in graph.parts(iri):
        node = graph.nodes[part_iri]
        here = sorted({r.link(s) for s, p in node.inc if p == STATED_IN and not s.startswith("_:")})
        result.append(Part(anchor=part_iri.rsplit("/", 1)[-1], title=part_html(part_iri, r.strings, "_title"),
                           text=escape(node.literal(TEXT) or ""), lang=text_lang(graph, part_iri),
                           facts=facts(node, graph, r, skip, stated), stated_here=here))
    return result


def figures(node: Node, graph: SiteGraph, r: Renderer) -> list[dict[str, str]]:
    rows = []
    for subject, predicate in node.inc:
        if predicate != str(SKG.about) or subject not in graph.nodes:
            continue
        rows.append(figure_row(subject, graph, r))
    return rows


def figure_row(iri: str, graph: SiteGraph, r: Renderer) -> dict[str, str]:
    """A reported figure as the source states it: 'more than 11 500 farmers', 'to date', as whole
    templates in the reader's language (soilkg/sitegen/figtext.py)."""
    fig = graph.nodes[iri]
    parts = figtext.read(graph, iri)
    measures = fig.first(str(SKG.measures))
    about = fig.iris(str(SKG.about))
    return {"link": r.link(iri) if graph.has_page(iri) else "",
            "value": figtext.amount_html(parts, r.strings) if parts else "", "unit": "",
            "measures": r.value(measures) if measures is not None else "",
            "when": figtext.when_html(parts, r.strings) if parts else "",
            "about": ", ".join(r.link(a) for a in about),
            "sources": ", ".join(r.link(s, graph.label(s)) for s in fig.iris(STATED_IN))}


def context(iri: str, graph: SiteGraph, r: Renderer, stated: Sources) -> dict[str, object]:
    node = graph.nodes[iri]
    types = [t for t in node.types if t in r.ontology.classes]
    prose = [f'<span lang="{escape(t.language or "en")}" dir="auto">{escape(t.value)}</span>'
             for p in PROSE for t in node.out.get(p, []) if isinstance(t, ox.Literal)]
    text = node.literal(TEXT)
    identifiers = [Row(r.term_link(p), [r.value(t, p) + cite(stated.get((iri, p, str(t)), []), graph, r)
                                        for t in node.out[p]]) for p in IDENTIFIERS if p in node.out]
    shown_facts = facts(node, graph, r, HIDDEN | set(PROSE) | {prop for _key, prop in LISTED} | set(IDENTIFIERS),
                        stated)
    type_links = [r.term_link(t) for t in most_specific(types, r)]
    part_list = parts(iri, graph, r, stated)
    view = None
    if kind_of(iri) == "decision":
        view = decision.view(iri, graph, r, {f"{iri}/{p.anchor}": [(local(x.predicate), x.label, x.values)
                                                                    for x in p.facts] for p in part_list},
                             [(local(x.predicate), x.label, x.values) for x in shown_facts], r.strings)
    return {
        "iri": iri,
        "title": graph.display_label(iri),
        "types": type_links,
        "alt_labels": [(text, lang_attrs(lang or "en")) for text, lang in graph.alt_names(iri)],
        "prose": prose,
        "sentence": one_sentence(type_links, decision_first(shown_facts, part_list) if view else shown_facts,
                                 r.strings),
        "decision": view,
        "listed": [(key, values) for key, prop in LISTED
                   if (values := [f'<span lang="{escape(t.language or "en")}" dir="auto">{escape(t.value)}</span>'
                                  + cite(stated.get((iri, prop, str(t)), []), graph, r)
                                  for t in node.out.get(prop, []) if isinstance(t, ox.Literal)])],
        "text": escape(text) if text else "",
        "facts": shown_facts,
        "identifiers": identifiers,
        "incoming": incoming(node, graph, r),
        "sources": sources(node, graph, r),
        "parts": part_list,
        "figures": figures(node, graph, r),
    }


def most_specific(types: list[str], r: Renderer) -> list[str]:
    ancestors = {a for t in types for a in r.ontology.ancestors(t)}
    return [t for t in types if t not in ancestors] or types


SUMMARY_SKIPS = {"theme", "status", "reviewStatus"}  # shown under Facts; a summary says what and whose
CITE = re.compile(r' <span class="skg-cite"[^>]*>.*?</span>$')


SUMMARY_ITEMS = 4  # a list of at most this many values is named whole; a longer one says "and N more"


def one_sentence(types: list[str], rows: list[Row], strings: Strings) -> str:
    """What the resource is, in one line at the top of its page: its kind and its first two facts
    (where, who, when first: resource.FIRST), e.g. "Network · Unit of: GSP · Leads implementation of: …".
    A list is named whole or ends "and N more": the summary never drops a fact silently. Each fact
    and each value is isolated (an English name on an Arabic line keeps its brackets and its place)."""
    parts = [", ".join(types)] if types else []
    for row in [row for row in rows if local(row.predicate) not in SUMMARY_SKIPS][:2]:
        shown = row.values if len(row.values) <= SUMMARY_ITEMS else row.values[:SUMMARY_ITEMS - 1]
        values = [f'<bdi class="skg-summary__value">{CITE.sub("", v)}</bdi>' for v in shown]
        if len(shown) < len(row.values):
            values.append(strings.template_html("summary.and_more", n=len(row.values) - len(shown)))
        parts.append(f'<bdi class="skg-summary__fact" data-fact="{escape(local(row.predicate))}">'
                     f'{row.label}: {", ".join(values)}</bdi>')
    return " · ".join(parts)


def decision_first(rows: list[Row], part_list: list[Part]) -> list[Row]:
    """A decision's summary leads with its meeting, then what its first paragraph does (the adoption
    of the Plan of Action), not with an invitation the source gives for the decision as a whole."""
    meeting = [row for row in rows if local(row.predicate) == "decisionOf"]
    acts = [row for part in part_list for row in part.facts if local(row.predicate) in decision.ACTS]
    return [*meeting, *acts[:1], *[row for row in rows if row not in meeting]]


def summary(page: dict[str, object]) -> list[str]:
    """The texts that say what a resource is: its prose, else its aims (or activities)."""
    prose = page["prose"]
    listed = page["listed"]
    if isinstance(prose, list) and prose:
        return [str(p) for p in prose]
    if isinstance(listed, list) and listed:
        return [str(v) for v in listed[0][1]]
    return []
