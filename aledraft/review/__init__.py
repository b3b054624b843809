from aledraft.review.views import bp

__all__ = ["bp"]
