"""The one licence statement and the one way to cite the catalogue.

The README, CITATION.cff, the dataset description served by the API (VoID/DCAT), the dataset record
in data/dataset/soilkg.ttl and the site's footer all say the same thing; tests/core/test_citation.py
checks that every copy agrees with these constants.
"""

from __future__ import annotations

from soilkg import __version__
from soilkg.namespaces import BASE

TITLE = "Soil Biodiversity Knowledge Graph"
AUTHORS = "Soil Biodiversity Knowledge Graph developers"
RELEASE_YEAR = 2026
HOME = BASE  # the IRI the catalogue is published under

DATA_LICENCE_SPDX = "CC-BY-4.0"
DATA_LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
DATA_LICENCE_IRI = "https://creativecommons.org/licenses/by/4.0/"
CODE_LICENCE_SPDX = "MIT"
CODE_LICENCE_NAME = "MIT License"

# Verbatim text of the source documents (paragraphs, footnotes, the title block) is quoted, not
# licensed by us: it stays under its publisher's terms, so the statement says so.
LICENCE_STATEMENT = (
    f"Data: {DATA_LICENCE_NAME}. Code: {CODE_LICENCE_NAME}. "
    "Text quoted from source documents (such as FAO's progress report CGRFA-20, item 8.4) "
    "remains under its publisher's terms."
)

CITATION_TEXT = (
    f"{AUTHORS}. {RELEASE_YEAR}. {TITLE} (version {__version__}): the International Initiative for the "
    f"Conservation and Sustainable Use of Soil Biodiversity as linked data. {HOME}. "
    f"Licence: {DATA_LICENCE_SPDX} (data), {CODE_LICENCE_SPDX} (code)."
)
