"""The JSON API under /api/v1 (bearer tokens) and its OpenAPI document."""
from aledraft.api.views import bp

__all__ = ["bp"]
