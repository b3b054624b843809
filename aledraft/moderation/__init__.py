from aledraft.moderation.views import bp

__all__ = ["bp"]
