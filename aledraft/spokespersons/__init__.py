from aledraft.spokespersons.views import bp

__all__ = ["bp"]
