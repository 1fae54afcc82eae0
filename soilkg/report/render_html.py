"""HTML rendering of a draft (jinja2): one self-contained page; each paragraph links to its catalogue pages."""

from __future__ import annotations

from jinja2 import Environment, select_autoescape
from markupsafe import Markup, escape

from soilkg.report.model import Report, Run
from soilkg.report.render_md import LinkFor, provenance

# Kept in the module (not a package data file) so an installed wheel carries it without packaging rules.
TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ tb.title }} — draft for the {{ tb.session }}</title>
<style>
body { font-family: Georgia, "Times New Roman", serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1b1b1b; }
header.title-block { text-align: center; }
.organisation { font-size: .85rem; color: #444; margin: 0; }
.commission { font-weight: bold; margin-top: 1.5rem; }
h1 { font-size: 1.25rem; text-transform: uppercase; text-align: center; }
h2 { font-size: 1.1rem; text-transform: uppercase; margin-top: 2rem; }
h3 { font-size: 1rem; }
.about { border-left: 4px solid #2e7d32; background: #f1f8e9; padding: .5rem 1rem; font-size: .9rem; }
p.para .n { font-weight: bold; margin-right: .4rem; }
ul.appendix { font-size: .8rem; color: #444; }
.new { background: #fff3cd; padding: 0 .3rem; font-weight: bold; }
sup.fn a { text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.value { white-space: nowrap; text-align: right; }
ol.footnotes { font-size: .85rem; }
</style>
</head>
<body>
<header class="title-block">
{% for language, name in tb.organisation %}
<p class="organisation" lang="{{ language }}"{{ ' dir="rtl"' if language == "ar" }}>{{ name }}</p>
{% endfor %}
<p class="commission">{{ tb.commission | upper }}</p>
<p>{{ tb.agenda_item }}<br>{{ tb.session }}<br>{{ tb.place }}, {{ tb.dates }}</p>
<h1>{{ tb.title }}</h1>
</header>
<aside class="about"><strong>About this draft.</strong> {{ report.notes | join(" ") }}</aside>
{% if report.since %}
<section id="changes">
<h2>New or changed since {{ report.since }}</h2>
{% if report.changes %}
<table><thead><tr><th>What</th><th>Kind</th><th>Change</th><th>When</th><th>Evidence</th></tr></thead><tbody>
{% for c in report.changes %}<tr><td>{{ link(c.iri, c.label) }}</td><td>{{ c.kind }}</td><td>{{ c.change }}</td>
<td>{{ c.when }}</td><td>{{ c.evidence }}</td></tr>
{% endfor %}</tbody></table>
{% else %}<p>Nothing in the graph was added or changed since {{ report.since }}.</p>{% endif %}
</section>
{% endif %}
{% macro section(s, level) %}
<h{{ level }}>{{ s.title }}</h{{ level }}>
{% for p in s.paragraphs %}
<p class="para" id="para-{{ p.number }}"{% if p.source_iri %} data-source="{{ p.source_iri }}"{% endif
%} data-mode="{{ p.mode }}">
<span class="n">{{ p.number }}.</span>{{ runs(p.runs) }}</p>
{% endfor %}
{% for sub in s.subsections %}{{ section(sub, level + 1) }}{% endfor %}
{% endmacro %}
<main>
{% for s in report.sections %}{{ section(s, 2) }}{% endfor %}
<section id="figures">
<h2>Reported figures</h2>
<table><thead><tr><th>Figure</th><th>Value</th><th>Unit</th><th>About</th><th>As of</th><th>Stated in</th></tr></thead>
<tbody>
{% for f in report.figures %}<tr id="figure-{{ loop.index }}"><td>{{ link(f.iri, f.measures) }}</td>
<td class="value">{{ f.value }}</td><td>{{ f.unit }}</td>
<td>{% if f.about %}{{ link(f.about.iri, f.about.label) }}{% endif %}</td>
<td>{{ f.as_of }}</td><td>{{ link(f.source_iri, f.source) if f.source_iri else f.source }}</td></tr>
{% endfor %}</tbody></table>
</section>
<section id="appendix">
<h2>Appendix: what each paragraph draws on</h2>
<ul class="appendix">
{% for p in report.paragraphs() %}{% set source, how, links = provenance(p, report) %}<li><strong>{{ p.number
}}.</strong> {{ link(p.source_iri, source) if p.source_iri else source }}, {{ how }}{% if links %}: {% for l in links
%}{{ link(l.iri, l.label) }}{{ ", " if not loop.last }}{% endfor %}{% endif %}.</li>
{% endfor %}</ul>
</section>
<section id="footnotes">
<h2>Notes</h2>
<ol class="footnotes">
{% for n in report.footnotes %}<li id="fn-{{ n.number }}" value="{{ n.number }}">{{ runs(n.runs) }}
<a href="#ref-{{ n.number }}" aria-label="Back to the text">↩</a></li>
{% endfor %}</ol>
</section>
</main>
</body>
</html>
"""


def render(report: Report, link_for: LinkFor) -> str:
    seen: set[int] = set()

    def link(iri: str | None, label: str) -> Markup:
        url = link_for(iri) if iri else None
        return Markup('<a href="{}">{}</a>').format(url, label) if url else Markup(escape(label))

    def runs(items: list[Run]) -> Markup:
        out: list[Markup] = []
        previous_note = False
        for run in items:
            if run.note is not None:
                note = report.footnote(run.note)
                if note is None:
                    continue
                if previous_note:  # "1, 2", not "12"
                    out.append(Markup('<sup class="fn-sep">,</sup>'))
                previous_note = True
                # The first call of a footnote carries the id the note's back-link returns to.
                ref = Markup(' id="ref-{}"').format(note.number) if note.number not in seen else Markup("")
                seen.add(note.number)
                out.append(Markup('<sup class="fn"{}><a href="#fn-{}">{}</a></sup>').format(ref, note.number,
                                                                                           note.number))
                continue
            previous_note = False
            if run.href is not None:
                out.append(Markup('<a href="{}">{}</a>').format(run.href, run.text))
            elif run.italic:
                out.append(Markup("<em>{}</em>").format(run.text))
            else:
                out.append(Markup(escape(run.text)))
        return Markup("").join(out)

    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    template = env.from_string(TEMPLATE)
    return template.render(report=report, tb=report.title_block, link=link, runs=runs, provenance=provenance)
