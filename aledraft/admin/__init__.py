from aledraft.admin.views import bp

__all__ = ["bp"]
