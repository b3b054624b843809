"""gunicorn settings, read automatically when gunicorn starts in the repository root.

The policy checker needs some 20 seconds and a few hundred MB to load (spaCy pipeline, hunspell
word list). Loaded lazily, each worker's first check outlasts gunicorn's 30-second worker timeout
when several workers load at once, and the workers are killed over and over. So wsgi.py loads
the checker at import, and preload_app makes that happen once in the master, before the
workers are forked: they start ready and share the loaded data copy-on-write.
"""

#: Import wsgi.py (app + loaded checker) in the master, then fork the workers.
preload_app = True
