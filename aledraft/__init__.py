"""aledraft: write, check and approve Ale kommun's social media posts."""
import os
from pathlib import Path

from flask import Flask

REPO_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config=None) -> Flask:
    """Create the application: config → extensions → blueprints → CLI → error handlers."""
    app = Flask(
        __name__,
        instance_path=os.environ.get("ALEDRAFT_INSTANCE_PATH", str(REPO_ROOT / "instance")),
        instance_relative_config=True,
        template_folder=str(REPO_ROOT / "templates"),
        static_folder=str(REPO_ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    from aledraft.config import load_config

    load_config(app, test_config)

    from aledraft import db
    from aledraft.extensions import csrf, login_manager

    db.init_app(app)
    csrf.init_app(app)
    login_manager.init_app(app)

    from aledraft import web

    web.init_app(app)

    from aledraft.blueprints import register_blueprints

    register_blueprints(app)

    from aledraft.cli import register_cli

    register_cli(app)

    from aledraft.errors import register_error_handlers

    register_error_handlers(app)
    return app
