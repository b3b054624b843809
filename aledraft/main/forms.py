"""Profile forms."""
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import Length


class TokenForm(FlaskForm):
    name = StringField("Namn på nyckeln", validators=[Length(max=100)])
    submit = SubmitField("Skapa API-nyckel")
