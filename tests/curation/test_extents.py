"""Country bounding boxes from Natural Earth: the decoder, the 180th meridian, and the committed
check run on a real pyoxigraph store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from soilkg.curation.extents import CHECK_NAME, _box, country_boxes, render
from tests.curation.sandbox import REPO

CHECK = (REPO / "shapes" / "checks" / f"{CHECK_NAME}.rq").read_text(encoding="utf-8")
SKG = "https://w3id.org/soilkg/ontology#"
GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"


def test_box_of_a_country_astride_the_180th_meridian_wraps() -> None:
    west, south, east, north = _box([(177.0, -18.0), (179.9, -16.0), (-179.8, -17.0)])
    assert west > east  # wraps round instead of spanning the globe
    assert west == pytest.approx(176.9) and east == pytest.approx(-179.7)
    assert (south, north) == (pytest.approx(-18.1), pytest.approx(-15.9))


def test_topojson_ids_become_alpha3_codes() -> None:
    # A synthetic two-point arc: quantized, delta-encoded, as TopoJSON writes it.
    topology: dict[str, object] = {"transform": {"scale": [0.01, 0.01], "translate": [-3.0, 4.0]},
                "arcs": [[[0, 0], [400, 700]]],
                "objects": {"countries": {"geometries": [{"type": "Polygon", "id": "288", "arcs": [[0]]},
                                                         {"type": "Polygon", "arcs": [[0]]}]}}}
    boxes = country_boxes(topology)
    assert list(boxes) == ["GHA"]
    name, (west, south, east, north) = boxes["GHA"]
    assert name == "Ghana" and (west, east) == (pytest.approx(-3.1), pytest.approx(1.1))
    assert '("GHA" -3.1 3.9 1.1 11.1)' in render(boxes)


DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _hits(lat: float, long: float, country: str) -> int:
    store = ox.Store()
    graph = ox.NamedNode("https://w3id.org/soilkg/source/data/case-study/x.ttl")
    case = ox.NamedNode("https://w3id.org/soilkg/id/case-study/x")
    for predicate, value in ((ox.NamedNode(SKG + "country"), ox.NamedNode(f"https://w3id.org/soilkg/id/country/{country}")),
                             (ox.NamedNode(GEO + "lat"), ox.Literal(str(lat), datatype=DECIMAL)),
                             (ox.NamedNode(GEO + "long"), ox.Literal(str(long), datatype=DECIMAL)),
                             (RDF_TYPE, ox.NamedNode(SKG + "CaseStudy"))):
        store.add(ox.Quad(case, predicate, value, graph))
    rows = store.query(CHECK)
    assert isinstance(rows, ox.QuerySolutions)
    return len(list(rows))


@pytest.mark.parametrize(("lat", "long", "country", "outside"), [
    (6.6885, -1.6244, "GHA", False),   # Kumasi
    (-1.6244, 6.6885, "GHA", True),    # the same, swapped
    (5.0, 0.0, "TGO", True),           # the Gulf of Guinea is not Togo
    (-17.8, 178.0, "FJI", False),      # Fiji, west of the 180th meridian
    (-16.5, -179.9, "FJI", False),     # Fiji, east of it
    (-17.8, 0.0, "FJI", True),
    (95.0, 0.0, "GHA", False),         # off the globe: case-study-coordinates-range reports it, not this
])
def test_committed_check(lat: float, long: float, country: str, outside: bool) -> None:
    assert _hits(lat, long, country) == (1 if outside else 0)
