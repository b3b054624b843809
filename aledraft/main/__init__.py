from aledraft.main.views import bp

__all__ = ["bp"]
