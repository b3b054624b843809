"""A FlaskForm whose built-in validation messages are in Swedish."""
from flask_wtf import FlaskForm
from wtforms.i18n import get_translations


class SwedishForm(FlaskForm):
    """FlaskForm with WTForms' own Swedish catalogue ("Inte ett giltigt val").

    Flask-WTF translates only through Flask-Babel, which aledraft does not use; without this
    the messages WTForms writes itself (invalid choice, invalid date) would be in English.
    """

    class Meta:
        def get_translations(self, form):
            return get_translations(["sv"])
