from aledraft.drafts.views import bp

__all__ = ["bp"]
