"""The catalogue site for policy officers: pages generated from the graph, built with mkdocs-material.

Entry point: :func:`build_site` (``soilkg site build``).
"""

from soilkg.sitegen.build import SiteInfo, build_site, build_site_info

__all__ = ["SiteInfo", "build_site", "build_site_info"]
