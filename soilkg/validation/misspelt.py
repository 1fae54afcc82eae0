"""One message for a misspelt required property, not two.

`skg:landUze` instead of `skg:landUse` is an unknown term (unknown-term, with "did you mean") and,
since the real property is then absent, a missing required field (a shape's sh:minCount). The
curator has made one mistake: keep the did-you-mean, say there that it also explains the missing
field, and drop the missing-field finding."""

from __future__ import annotations

from dataclasses import replace

from soilkg.validation.context import Hit
from soilkg.validation.terms import compact


def _missing(hit: Hit) -> bool:
    """A shape's finding that a property has no value (sh:minCount, sh:qualifiedMinCount)."""
    return hit.rule != "unknown-term" and hit.value is None and hit.path is not None and not hit.at_property


def merge_misspelt_required(hits: list[Hit]) -> list[Hit]:
    missing = {(hit.focus, hit.path): hit for hit in hits if _missing(hit)}
    dropped: set[int] = set()
    kept: list[Hit] = []
    for hit in hits:
        if hit.rule != "unknown-term" or hit.focus is None:
            kept.append(hit)
            continue
        meant = next((s for s in hit.suggestions if (hit.focus, s) in missing), None)
        if meant is None:
            kept.append(hit)
            continue
        dropped.add(id(missing[(hit.focus, meant)]))
        kept.append(replace(hit, message=hit.message.rstrip() + f" (`{compact(meant)}` is required: with this "
                                                                "spelling it counts as missing.)"))
    return [hit for hit in kept if id(hit) not in dropped]
