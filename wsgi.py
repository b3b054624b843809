"""WSGI entry point for gunicorn: `gunicorn -w 4 wsgi:app` (settings in gunicorn.conf.py)."""
from aledraft import create_app
from aledraft.analysis import warm_up

app = create_app()

# Load the policy checker now rather than on the first request (see gunicorn.conf.py): the
# pipeline, the lemma table, the name lexicons and the hunspell word list.
warm_up()
