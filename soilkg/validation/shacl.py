"""Run the SHACL shapes (pyshacl) over an rdflib copy of the store and turn results into hits."""

from __future__ import annotations

import pyshacl
from pyshacl.errors import ConstraintLoadError, ReportableRuntimeError, ShapeLoadError
from rdflib import RDF, BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from soilkg.errors import Severity, SoilkgError
from soilkg.validation.context import Context, Hit
from soilkg.validation.messages import default_message, rewrite
from soilkg.validation.terms import graph_from_store

_SEVERITY: dict[Node, Severity] = {
    SH.Violation: Severity.VIOLATION, SH.Warning: Severity.WARNING, SH.Info: Severity.INFO}


def run_shacl(ctx: Context, focus_nodes: list[URIRef] | None = None) -> list[Hit]:
    """Every shapes/*.ttl file against the ontology and data graphs.

    With `focus_nodes` only results about those resources (and the blank nodes inside them) are
    kept: the data graph is then a small extract (one file plus the types of what it refers to).
    pyshacl's own focus_nodes option is not used: in pyshacl 0.40 it also filters the value nodes
    that nested shapes (sh:or, sh:node, sh:qualifiedValueShape) check, so "24 March 2025" would
    pass an sh:or of date datatypes. Filtering the results gives the exact answer at little cost."""
    if not ctx.shapes_graphs or focus_nodes == []:
        return []
    shapes = graph_from_store(ctx.store, ctx.shapes_graphs)
    data = graph_from_store(ctx.store, ctx.data_graphs)
    try:
        _conforms, report, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                                    allow_warnings=True)
    except (ShapeLoadError, ConstraintLoadError, ReportableRuntimeError) as error:
        detail = getattr(error, "message", "") or type(error).__name__
        raise SoilkgError(f"The shapes in shapes/ cannot be used: {detail}. Fix the shape it names.",
                          exit_code=2) from error
    assert isinstance(report, Graph)
    wanted = set(focus_nodes) if focus_nodes is not None else None
    return [_hit(report, result, shapes, data, ctx) for result in report.subjects(RDF.type, SH.ValidationResult)
            if wanted is None or _owner(data, report.value(result, SH.focusNode)) in wanted]


def _owner(data: Graph, node: Node | None, depth: int = 20) -> Node | None:
    """The IRI a (possibly nested) blank node belongs to."""
    while isinstance(node, BNode) and depth > 0:
        node = next(data.subjects(None, node), None)
        depth -= 1
    return node


def _hit(report: Graph, result: Node, shapes: Graph, data: Graph, ctx: Context) -> Hit:
    focus = report.value(result, SH.focusNode)
    path = report.value(result, SH.resultPath)
    value = report.value(result, SH.value)
    shape = report.value(result, SH.sourceShape)
    component = report.value(result, SH.sourceConstraintComponent)
    severity = _SEVERITY.get(report.value(result, SH.resultSeverity) or SH.Violation, Severity.VIOLATION)
    messages = [str(m) for m in report.objects(result, SH.resultMessage)]
    # pyshacl adds its own text next to ours when the shape has sh:message; ours is the one in the shape.
    own = [str(m) for m in shapes.objects(shape, SH.message)] if shape is not None else []
    base = own[0] if own else (messages[0] if messages and shape is None else default_message(component, path))
    message = rewrite(base, component=component, shape=shape, value=value, focus=focus,
                      shapes=shapes, data=data, ctx=ctx)
    rule = str(shape).rsplit("#", 1)[-1] if isinstance(shape, URIRef) else "shacl"
    return Hit(rule, None, focus, message, severity, str(path) if isinstance(path, URIRef) else None, value,
               at_property=value is not None)
