from aledraft.auth.views import bp

__all__ = ["bp"]
