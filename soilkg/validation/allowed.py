"""Messages for an undefined value that has a better explanation than "no file defines it": a value
outside the closed list a shape allows (`skg:reviewStatus skg:publshed`), or a real country that has
no file yet (`country:KEN`). Each message gives the fix: the allowed values, or the command to run."""

from __future__ import annotations

import pyoxigraph as ox

from soilkg.namespaces import ID, RDF, RDFS, SH, SKG
from soilkg.validation.context import Context
from soilkg.validation.suggest import close_iris, did_you_mean, missing_country, parts_summary
from soilkg.validation.terms import compact

_LIST_LIMIT = 100  # sh:in lists of ours are a handful of values


def allowed_values(ctx: Context, path: str) -> list[str]:
    """The IRIs a shape's `sh:in` allows for property `path`, in the shape's order ([] when it has none)."""
    graphs = [ox.NamedNode(g) for g in ctx.shapes_graphs]
    for graph in graphs:
        for shape in ctx.store.quads_for_pattern(None, ox.NamedNode(SH + "path"), ox.NamedNode(path), graph):
            for listed in ctx.store.quads_for_pattern(shape.subject, ox.NamedNode(SH + "in"), None, graph):
                return _items(ctx.store, listed.object, graph)
    return []


def _items(store: ox.Store, head: object, graph: ox.NamedNode) -> list[str]:
    items: list[str] = []
    node = head
    for _ in range(_LIST_LIMIT):
        if not isinstance(node, ox.BlankNode):
            break
        first = next(store.quads_for_pattern(node, ox.NamedNode(RDF + "first"), None, graph), None)
        rest = next(store.quads_for_pattern(node, ox.NamedNode(RDF + "rest"), None, graph), None)
        if first is not None and isinstance(first.object, ox.NamedNode):
            items.append(first.object.value)
        node = rest.object if rest is not None else None
    return items


def range_members(ctx: Context, path: str) -> list[str]:
    """The terms of the ontology that are of the range class of `path` (skg:status -> the statuses),
    which is the list a controlled value is chosen from."""
    query = f"""SELECT DISTINCT ?m WHERE {{ GRAPH ?g {{ <{path}> <{RDFS.range}> ?c }} GRAPH ?h {{ ?m a ?c }}
                FILTER(STRSTARTS(STR(?m), "{SKG}")) }} ORDER BY ?m"""
    found: list[str] = []
    for store in (ctx.store, *ctx.lookups):
        result = store.query(query)
        assert isinstance(result, ox.QuerySolutions)
        found.extend(row["m"].value for row in result if row["m"].value not in found)
    return found


def _missing_part(ctx: Context, value: str) -> str | None:
    """A paragraph or footnote its document does not have: what the document has, and the closest parts
    of the same document."""
    parts = ctx.defined(value[: value.rfind("/") + 1]) if value.startswith(ID + "document/") else []
    summary = parts_summary(value, parts) if parts else ""
    if not summary:
        return None
    return (f"`{compact(value)}` is not a paragraph or footnote of its document: {summary}. Cite one that it "
            "has (the paragraph that states the fact)." + did_you_mean(close_iris(value, parts)))


def undefined_value_message(ctx: Context, path: str | None, value: str) -> str | None:
    """A message that explains an undefined `value` of `path` better than the generic one, if any."""
    if (command := missing_country(value)) is not None:
        return command
    if (part := _missing_part(ctx, value)) is not None:
        return part
    allowed = allowed_values(ctx, path) if path is not None else []
    if not allowed and path is not None and value.startswith(str(SKG)):
        allowed = range_members(ctx, path)
    if allowed and value not in allowed:
        return (f"`{compact(value)}` is not a value `{compact(path or '')}` allows: write one of "
                + ", ".join(f"`{compact(a)}`" for a in allowed) + "."
                + did_you_mean(close_iris(value, allowed, limit=1)))
    return None
