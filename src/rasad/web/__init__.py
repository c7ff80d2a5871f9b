"""Views — HTTP API (FastAPI, OpenAPI at /docs) and server-rendered RTL pages.

Thin over the store: no extraction happens here except through the ingest endpoint,
which runs the same pipeline as the CLI. Every page string is auto-escaped (Jinja2):
articles are untrusted input.
"""

from rasad.web.app import create_app

__all__ = ["create_app"]
