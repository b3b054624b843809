from aledraft.consent.views import bp

__all__ = ["bp"]
