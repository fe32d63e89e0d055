"""The HTTP side of wirewatch: a JSON API and a dashboard over one store (`wirewatch serve`)."""

from wirewatch.web.app import create_app

__all__ = ["create_app"]
