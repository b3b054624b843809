"""gunicorn settings, read automatically when gunicorn starts in the repository root.

The policy checker needs a few seconds and some 320 MB to load (spaCy pipeline, name lists,
hunspell word list), far longer on a busy machine. Loaded lazily, each worker's first check can
then outlast gunicorn's 30-second worker timeout when several workers load at once, and the
workers are killed over and over. So wsgi.py loads the checker at import (warm_up()), and preload_app makes that happen once in the master, before the
workers are forked: they start ready and share the loaded data copy-on-write.
"""

#: Import wsgi.py (app + loaded checker) in the master, then fork the workers.
preload_app = True
