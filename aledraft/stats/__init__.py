from aledraft.stats.views import bp

__all__ = ["bp"]
