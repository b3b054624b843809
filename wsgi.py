"""WSGI entry point for gunicorn: `gunicorn -w 4 wsgi:app` (settings in gunicorn.conf.py)."""
from aledraft import create_app
from aledraft.analysis import analyze

app = create_app()

# Load the policy checker now rather than on the first request (see gunicorn.conf.py). The text
# touches the lazily loaded parts: the pipeline, the name lexicons and the hunspell word list.
analyze("Hej Anna Svensson! Välkommen till biblioteket i Nödinge. Ring 0303-33 00 00 eller mejla "
        "info@ale.se. #AleKommun", platform="facebook")
