"""Synthetic data shaped like the real graph, for benchmarks: case studies, organisations, publications,
reported figures and a synthetic source document whose paragraphs they cite.

    python bench/synthetic.py --case-studies 5000 --out /tmp/synthetic

writes a tree like ``data/`` (``{kind}/{slug}.ttl``) under OUT. EVERYTHING here is SYNTHETIC: every
label starts with "Synthetic", every resource has ``dct:type "synthetic"`` (case studies are also
``skg:DemonstrationCaseStudy`` with ``skg:demonstration true``), slugs start with ``synthetic-``, and
each file opens with a comment saying so. Never copy the output into ``data/``. Case studies point at
the real controlled vocabularies (practices, organism groups, threats, land uses, countries) so
queries join as they would on real data; load the output together with the repository's sources.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

HEADER = ("# SYNTHETIC benchmark data made by bench/synthetic.py: it describes nothing real.\n"
          "# Never copy into data/.\n")
PREFIXES = """@prefix skg: <https://w3id.org/soilkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix casestudy: <https://w3id.org/soilkg/id/case-study/> .
@prefix practice: <https://w3id.org/soilkg/id/practice/> .
@prefix organismgroup: <https://w3id.org/soilkg/id/organism-group/> .
@prefix threat: <https://w3id.org/soilkg/id/threat/> .
@prefix landuse: <https://w3id.org/soilkg/id/land-use/> .
@prefix country: <https://w3id.org/soilkg/id/country/> .
@prefix organisation: <https://w3id.org/soilkg/id/organisation/> .
@prefix publication: <https://w3id.org/soilkg/id/publication/> .
@prefix figure: <https://w3id.org/soilkg/id/figure/> .
@prefix document: <https://w3id.org/soilkg/id/document/> .
@prefix doc: <https://w3id.org/soilkg/id/document/synthetic-report/> .
"""
# The real controlled vocabularies (data/practice etc.) and countries (data/country), by slug.
PRACTICES = ["biofertilizers", "bioremediation", "biostimulants", "recarbonization",
             "remediation-of-polluted-soils", "sustainable-soil-fertility-management",
             "sustainable-soil-management-practices"]
ORGANISMS = ["invertebrates", "mesofauna", "microorganisms", "nematodes"]
THREATS = ["acidification", "carbon-loss", "compaction", "erosion", "land-degradation", "nutrient-imbalances",
           "soil-biodiversity-loss", "soil-pollution"]
COUNTRIES = ["ARM", "CRI", "GHA", "KAZ", "MAR", "MEX", "TGO", "UZB"]
STATUSES = ["draft", "submitted", "reviewed", "published"]
PARAGRAPHS = 20
SYNTHETIC = 'dct:type "synthetic"'


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"@en'


def document() -> str:
    parts = [f"""id:document/synthetic-report a skg:MeetingDocument ; {SYNTHETIC} ;
    rdfs:label "Synthetic report (benchmark data)"@en ;
    skos:prefLabel "Synthetic report (benchmark data)"@en ;
    skg:statedIn doc:p1 ;
    skg:paragraph {" , ".join(f"doc:p{n}" for n in range(1, PARAGRAPHS + 1))} .
"""]
    for n in range(1, PARAGRAPHS + 1):
        parts.append(f"""doc:p{n} a skg:DocumentParagraph ; {SYNTHETIC} ;
    rdfs:label "Synthetic paragraph {n}"@en ;
    skg:number {n} ;
    skg:paragraphOf id:document/synthetic-report ;
    skg:text "Synthetic paragraph {n}: generated text for benchmarks."@en .
""")
    return "\n".join(parts)


def organisation(i: int) -> str:
    return f"""id:organisation/synthetic-org-{i:05d} a skg:Organisation ; {SYNTHETIC} ;
    rdfs:label "Synthetic organisation {i}"@en ;
    skos:prefLabel "Synthetic organisation {i}"@en ;
    skg:acronym "SYN{i}" ;
    skg:statedIn doc:p{1 + i % PARAGRAPHS} .
"""


def case_study(i: int, rng: random.Random, organisations: int) -> str:
    practice = rng.sample(PRACTICES, 2)
    year = rng.randint(2015, 2025)
    impacts = " , ".join(
        f"""[ a skg:Impact ; skg:impactOn skg:{area} ; skg:impactDirection skg:{rng.choice(["improvement",
            "decline", "noChange"])} ; skg:indicator "synthetic indicator {i}-{k}"@en ]"""
        for k, area in enumerate(rng.sample(["onSoilBiodiversity", "onSoilHealth", "onYields", "onLivelihoods"], 2)))
    return f"""id:case-study/synthetic-cs-{i:06d} a skg:CaseStudy , skg:DemonstrationCaseStudy ; {SYNTHETIC} ;
    skg:demonstration true ;
    rdfs:label {_literal(f"Synthetic case study {i}: {practice[0].replace('-', ' ')}")} ;
    dct:abstract {_literal(f"Synthetic case study number {i}, generated for benchmarks; it describes nothing real.")} ;
    skg:practice id:practice/{practice[0]} , id:practice/{practice[1]} ;
    skg:organismGroup id:organism-group/{rng.choice(ORGANISMS)} ;
    skg:threatAddressed id:threat/{rng.choice(THREATS)} ;
    skg:landUse id:land-use/agricultural-land ;
    skg:country id:country/{rng.choice(COUNTRIES)} ;
    geo:lat {rng.uniform(-40, 60):.4f} ;
    geo:long {rng.uniform(-120, 140):.4f} ;
    skg:implementer id:organisation/synthetic-org-{rng.randrange(organisations):05d} ;
    skg:startDate "{year}"^^xsd:gYear ;
    skg:areaHectares {rng.uniform(1, 5000):.1f} ;
    skg:costAmount {rng.randint(10, 900)} ;
    skg:costCurrency "USD" ;
    skg:impact {impacts} ;
    skg:reviewStatus skg:{rng.choice(STATUSES)} ;
    skg:statedIn doc:p{1 + i % PARAGRAPHS} .
"""


def publication(i: int, rng: random.Random, case_studies: int) -> str:
    return f"""id:publication/synthetic-pub-{i:05d} a skg:Publication ; {SYNTHETIC} ;
    rdfs:label "Synthetic publication {i}"@en ;
    skos:prefLabel "Synthetic publication {i}"@en ;
    skg:year "{rng.randint(2010, 2025)}"^^xsd:gYear ;
    skg:status skg:{rng.choice(["published", "planned", "beingFinalized"])} ;
    skg:publishedBy id:organisation/synthetic-org-{i % max(1, case_studies // 50):05d} ;
    dct:subject id:case-study/synthetic-cs-{rng.randrange(case_studies):06d} ;
    skg:statedIn doc:p{1 + i % PARAGRAPHS} .
"""


def figure(i: int, rng: random.Random, case_studies: int) -> str:
    value = rng.randint(1, 100000)
    return f"""id:figure/synthetic-fig-{i:05d} a skg:ReportedFigure ; {SYNTHETIC} ;
    rdfs:label "Synthetic figure {i}: {value} farmers"@en ;
    skg:value {value} ;
    skg:comparator skg:{rng.choice(["exactly", "moreThan"])} ;
    skg:unit "farmers"@en ;
    skg:measures "synthetic count of farmers reached"@en ;
    skg:about id:case-study/synthetic-cs-{rng.randrange(case_studies):06d} ;
    skg:reportedIn id:document/synthetic-report ;
    skg:statedIn doc:p{1 + i % PARAGRAPHS} .
"""


def resources(case_studies: int, seed: int) -> Iterator[tuple[str, str, str]]:
    """(kind, slug, turtle body) for every synthetic resource."""
    rng = random.Random(seed)
    organisations = max(1, case_studies // 50)
    yield "document", "synthetic-report", document()
    for i in range(organisations):
        yield "organisation", f"synthetic-org-{i:05d}", organisation(i)
    for i in range(case_studies):
        yield "case-study", f"synthetic-cs-{i:06d}", case_study(i, rng, organisations)
    for i in range(max(1, case_studies // 10)):
        yield "publication", f"synthetic-pub-{i:05d}", publication(i, rng, case_studies)
    for i in range(max(1, case_studies // 10)):
        yield "figure", f"synthetic-fig-{i:05d}", figure(i, rng, case_studies)


KIND_PREFIXES = ("case-study", "practice", "organism-group", "threat", "land-use", "country", "organisation",
                 "publication", "figure", "document")


def _prefixed(body: str) -> str:
    """Write id:{kind}/{slug} as {kind}:{slug}: Turtle forbids '/' in a prefixed name's local part."""
    for kind in KIND_PREFIXES:
        body = body.replace(f"id:{kind}/", f"{kind.replace('-', '')}:")
    return body


def write(out: Path, case_studies: int, seed: int = 1) -> int:
    """Write the tree; returns the number of files."""
    count = 0
    for kind, slug, body in resources(case_studies, seed):
        folder = out / kind
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug}.ttl").write_text(HEADER + PREFIXES + "\n" + _prefixed(body), encoding="utf-8")
        count += 1
    (out / "README.md").write_text("# SYNTHETIC benchmark data\n\nMade by `bench/synthetic.py`; describes "
                                   "nothing real. Never copy into `data/`.\n", encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case-studies", type=int, required=True, help="how many synthetic case studies (N)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (outside data/)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.case_studies < 1:
        parser.error("--case-studies must be at least 1")
    out = args.out.resolve()
    if "data" in out.parts and (out / ".." / "pyproject.toml").exists():
        parser.error("write synthetic data outside the repository's data/ folder")
    files = write(out, args.case_studies, args.seed)
    print(f"wrote {files} SYNTHETIC files under {out}")


if __name__ == "__main__":
    main()
