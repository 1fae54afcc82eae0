"""The review workflow of case studies: draft -> submitted -> reviewed -> published. Only published
case studies belong in the public catalogue; the site and the API ask here which ones to leave out."""

from __future__ import annotations

import pyoxigraph as ox

from soilkg.namespaces import SKG

STATUSES = ("draft", "submitted", "reviewed", "published")
PUBLIC_STATUS = str(SKG.published)

# Case studies that are not (yet) published, in any named graph of a store built by soilkg.store.
UNPUBLISHED = f"""
PREFIX skg: <{SKG}>
SELECT DISTINCT ?case WHERE {{
  GRAPH ?g {{ ?case a skg:CaseStudy }}
  FILTER NOT EXISTS {{ GRAPH ?h {{ ?case skg:reviewStatus skg:published }} }}
}}"""


def unpublished_case_studies(store: ox.Store) -> set[str]:
    """IRIs of case studies whose review status is not `published`: keep them out of public pages."""
    result = store.query(UNPUBLISHED)
    assert isinstance(result, ox.QuerySolutions)
    return {row["case"].value for row in result}
