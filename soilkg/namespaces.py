"""The IRI scheme: one base, one ontology namespace, one folder of resources per kind.

Every resource we describe has the IRI ``{BASE}id/{kind}/{slug}``; its Turtle file is
``data/{kind}/{slug}.ttl``. Parts of a resource (a decision's paragraphs, a report's
paragraphs and footnotes) extend the owner's IRI with ``/`` and live in the owner's file.
"""

from rdflib import Namespace

from soilkg.kinds import KIND_TABLE

BASE = "https://w3id.org/soilkg/"
ID = BASE + "id/"
SKG = Namespace(BASE + "ontology#")
SOURCE_GRAPH = BASE + "source/"  # named graph of a file: SOURCE_GRAPH + repo-relative path

# W3C namespaces: import these rather than writing the IRIs again.
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
RDF_TYPE = str(RDF.type)  # a plain string: wrap it as ox.NamedNode(RDF_TYPE) or URIRef(RDF_TYPE) where needed

ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
SCHEMA = Namespace("https://schema.org/")
FABIO = Namespace("http://purl.org/spar/fabio/")
BIBO = Namespace("http://purl.org/ontology/bibo/")
DOCO = Namespace("http://purl.org/spar/doco/")
TIME = Namespace("http://www.w3.org/2006/time#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SDG = Namespace("http://metadata.un.org/sdg/")
AGROVOC = Namespace("http://aims.fao.org/aos/agrovoc/")
WD = Namespace("http://www.wikidata.org/entity/")
VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")  # SPARQL 1.1 Service Description

# Prefixes written at the top of every data file and offered to SPARQL users.
PREFIXES: dict[str, str] = {
    "skg": str(SKG),
    "id": ID,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "org": str(ORG),
    "prov": str(PROV),
    "dcat": str(DCAT),
    "dct": str(DCT),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "fabio": str(FABIO),
    "bibo": str(BIBO),
    "doco": str(DOCO),
    "time": str(TIME),
    "sh": str(SH),
    "sdg": str(SDG),
    "agrovoc": str(AGROVOC),
    "wd": str(WD),
}

# Kinds of resource: folder name under data/ -> the class their main resource must have.
KINDS: dict[str, str] = {kind.folder: kind.cls for kind in KIND_TABLE}  # folder -> class (soilkg/kinds.py)

for _kind in KINDS:
    PREFIXES[_kind.replace("-", "")] = f"{ID}{_kind}/"


def sparql_prefixes(*names: str) -> str:
    """`PREFIX name: <namespace>` lines for a query written in the code, from PREFIXES."""
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names)


def turtle_prefixes(*names: str) -> str:
    """`@prefix name: <namespace> .` lines for a Turtle file written by the code, from PREFIXES."""
    return "".join(f"@prefix {name}: <{PREFIXES[name]}> .\n" for name in names)
