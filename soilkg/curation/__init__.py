"""Curator tools for best-practice case studies: the Turtle template (`soilkg new case-study`),
the spreadsheet template and its importer (`soilkg import`), and the Natural Earth extents behind
the coordinates check."""
