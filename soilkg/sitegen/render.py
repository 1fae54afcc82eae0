"""HTML fragments for the generated pages: links to resource pages, values in plain words.

Links are written as relative ``href``s to the final ``.html`` files, so the built folder works from
any static host and straight from disk (no ``use_directory_urls`` folders to resolve).
"""

from __future__ import annotations

import re
from html import escape

import pyoxigraph as ox

from soilkg.namespaces import RDF_TYPE, SKG, XSD
from soilkg.sitegen.graph import SiteGraph, Term
from soilkg.sitegen.i18n import Strings, sentence_case
from soilkg.sitegen.ontology import Ontology, curie
from soilkg.textfmt import format_number
from soilkg.urls import page_path

# External identifier namespaces shown with a readable name instead of a bare IRI.
EXTERNAL = (
    ("http://www.wikidata.org/entity/", "Wikidata"),
    ("https://www.wikidata.org/wiki/", "Wikidata"),
    ("http://aims.fao.org/aos/agrovoc/", "AGROVOC"),
    ("https://sws.geonames.org/", "GeoNames"),
    ("http://metadata.un.org/sdg/", "UN SDG"),
    ("https://doi.org/", "DOI"),
    ("https://hdl.handle.net/", "Handle"),
)
RESOLVERS = {"doi": "https://doi.org/", "handle": "https://hdl.handle.net/"}

LETTERS = re.compile(r"[A-Za-z\u00C0-\u024F]")


def href(path: str, root: str) -> str:
    """``network/netsob/`` (or ``document/x/#p4``) as a relative link to the built HTML file."""
    base, _, anchor = path.partition("#")
    target = root + base + "index.html"
    return target + ("#" + anchor if anchor else "")


class Renderer:
    """Renders terms for one page; ``root`` is the relative path from that page to the site root."""

    def __init__(self, graph: SiteGraph, ontology: Ontology, root: str, strings: Strings) -> None:
        self.graph = graph
        self.ontology = ontology
        self.root = root
        self.strings = strings

    def url(self, iri: str) -> str | None:
        path = page_path(iri) if self.graph.has_page(iri) else None
        return href(path, self.root) if path else None

    def link(self, iri: str, text: str | None = None) -> str:
        """A link to our page for the resource (its label swaps with the interface language)."""
        url = self.url(iri)
        label = escape(text if text is not None else self.graph.display_label(iri))
        if url is None:
            return self.external(iri) if not self.graph.labels(iri) else label
        path = page_path(iri) or ""
        return f'<a href="{escape(url)}" data-iri="{escape(path)}">{label}</a>'

    def external(self, iri: str, text: str | None = None) -> str:
        if text is None:
            text = iri
            for namespace, name in EXTERNAL:
                if iri.startswith(namespace):
                    text = f"{name} {iri[len(namespace):].strip('/')}"
                    break
            else:
                if iri.startswith(str(SKG)):
                    text = self.ontology.label(iri)
        if not iri.startswith(("http://", "https://")):
            return escape(text)
        # An identifier or address has no language of its own: marked so (zxx), laid out left to right.
        return f'<a href="{escape(iri)}" class="skg-ext" rel="noopener" lang="zxx" dir="ltr">{escape(text)}</a>'

    def term_link(self, iri: str, text: str | None = None) -> str:
        """A class or property name in plain words (swapped for the reader's language in the browser),
        linked to its ontology reference entry."""
        label = escape(text if text is not None else self.ontology.label(iri))
        key = escape("term:" + iri)
        if iri in self.ontology.properties and self.ontology.is_ours(iri):
            anchor = escape(curie(iri).replace(":", "-"))
            return f'<a href="{self.root}ontology/properties/index.html#{anchor}" data-iri="{key}">{label}</a>'
        if iri in self.ontology.classes and self.ontology.is_ours(iri):
            page = escape(iri.rsplit("#", 1)[-1].lower())
            return f'<a href="{self.root}ontology/{page}/index.html" data-iri="{key}">{label}</a>'
        return f'<span data-iri="{key}">{label}</span>'

    def term(self, iri: str) -> str:
        """A named value of the ontology (a status, "more than") in the reader's language."""
        return f'<span data-iri="{escape("term:" + iri)}">{escape(sentence_case(self.graph.label(iri)))}</span>'

    def value(self, term: Term, predicate: str = "") -> str:
        if isinstance(term, ox.Literal):
            return self.literal(term, predicate)
        if isinstance(term, ox.BlankNode):
            node = self.graph.bnode(term)
            if node is None:
                return ""
            label = self.graph.labels("_:" + term.value)
            if label:
                return escape(label.get("en", next(iter(label.values()))))
            # A structured value (an impact, a cost): its parts as "label: value" lines, type left out.
            parts = [f"{escape(self.ontology.label(p))}: {', '.join(self.value(v, p) for v in vs)}"
                     for p, vs in node.out.items() if p != RDF_TYPE]
            return '<span class="skg-struct">' + "<br>".join(parts) + "</span>"
        iri = term.value
        if self.graph.has_page(iri):
            return self.link(iri)
        if iri in self.ontology.classes or iri in self.ontology.properties or self.graph.labels(iri):
            return self.term(iri) if self.graph.labels(iri) else self.term_link(iri)
        return self.external(iri)

    def literal(self, term: ox.Literal, predicate: str = "") -> str:
        text = term.value
        local = predicate.rsplit("#", 1)[-1]
        if local in RESOLVERS:
            return self.external(RESOLVERS[local] + text, text)
        datatype = term.datatype.value if term.datatype else ""
        if datatype in (XSD + "integer", XSD + "decimal", XSD + "nonNegativeInteger") and local != "m49":
            return escape(format_number(text))
        # Text from a source stays in its language, marked and isolated (an English run on an Arabic
        # page keeps its full stop at its end).
        # Text without a language tag (a name, a place, a series title) is the data's, in English.
        lang = term.language or ("en" if LETTERS.search(text) else "")
        return f'<span lang="{escape(lang)}" dir="auto">{escape(text)}</span>' if lang else escape(text)
