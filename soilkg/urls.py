"""Map resource IRIs to catalogue page paths and back; shared by the site generator and the API.

``https://w3id.org/soilkg/id/network/netsob``          -> ``network/netsob/``
``https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/p4`` -> ``document/cgrfa-20-item-8-4/#p4``
(parts of a resource are anchors on their owner's page).
"""

from __future__ import annotations

import re

from soilkg.namespaces import ID, KINDS

_PART = re.compile(r"^(?P<owner>[^/]+/[^/]+)/(?P<part>(?:p|fn)\d+)$")


def is_ours(iri: str) -> bool:
    return iri.startswith(ID)


def kind_of(iri: str) -> str | None:
    if not is_ours(iri):
        return None
    kind = iri[len(ID):].split("/", 1)[0]
    return kind if kind in KINDS else None


def owner_of(iri: str) -> str:
    """The IRI of the resource whose file describes ``iri`` (itself, or the owner of a part)."""
    local = iri[len(ID):]
    match = _PART.match(local)
    return ID + match.group("owner") if match else iri


def page_path(iri: str) -> str | None:
    """The site-relative path of the page that shows ``iri`` (with an anchor for parts)."""
    if not is_ours(iri):
        return None
    local = iri[len(ID):]
    match = _PART.match(local)
    if match:
        return f"{match.group('owner')}/#{match.group('part')}"
    return local.rstrip("/") + "/"


def data_file(iri: str) -> str | None:
    """The repository-relative Turtle file that must describe ``iri``."""
    if kind_of(iri) is None:
        return None
    return "data/" + owner_of(iri)[len(ID):] + ".ttl"
