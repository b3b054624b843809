"""Every feature's blueprint, registered in one place."""
from aledraft.accounts import bp as accounts_bp
from aledraft.admin import bp as admin_bp
from aledraft.api import bp as api_bp
from aledraft.auth import bp as auth_bp
from aledraft.consent import bp as consent_bp
from aledraft.drafts import bp as drafts_bp
from aledraft.main import bp as main_bp
from aledraft.moderation import bp as moderation_bp
from aledraft.review import bp as review_bp
from aledraft.spokespersons import bp as spokespersons_bp
from aledraft.stats import bp as stats_bp

BLUEPRINTS = [main_bp, auth_bp, accounts_bp, moderation_bp, stats_bp, drafts_bp, review_bp, consent_bp,
              api_bp, spokespersons_bp, admin_bp]


def register_blueprints(app):
    """Register every feature's blueprint on the app."""
    for bp in BLUEPRINTS:
        app.register_blueprint(bp)
