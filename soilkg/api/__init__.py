"""The SPARQL API: protocol, named queries, linked data, service description, metrics.

Kept import-light: worker processes import ``soilkg.api.worker`` and must not pay for FastAPI.
Use ``soilkg.api.app.create_app`` to get the ASGI application.
"""
