"""The review workflow of case studies: draft -> submitted -> reviewed -> published. Only published
case studies belong in the public catalogue; which ones those are is decided by the one visibility rule,
:func:`soilkg.visibility.unpublished_case_studies` (a core module, below curation: the store's build
applies it, so it must not depend on this package)."""

from __future__ import annotations

from soilkg.visibility import unpublished_case_studies

__all__ = ["STATUSES", "unpublished_case_studies"]

STATUSES = ("draft", "submitted", "reviewed", "published")
