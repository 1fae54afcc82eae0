"""Soil Biodiversity Knowledge Graph (soilkg).

Turtle files in ``ontology/``, ``shapes/`` and ``data/`` are the only source of truth;
everything else (the store, the site, report drafts) is derived from them.
"""

__version__ = "0.1.0"
