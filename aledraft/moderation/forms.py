"""Forms of the moderation register."""
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, SelectChoice, DateTimeLocalField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from aledraft.models import RemovalReason
from aledraft.models.moderation import REMOVAL_REASON_LABELS

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class RemovalForm(FlaskForm):
    """Record a removed post or comment."""

    account = SelectField("Konto", coerce=int, validators=[InputRequired("Välj konto.")])
    published_at = DateTimeLocalField("Publicerades", format=DATETIME_FORMATS, validators=[Optional()])
    removed_at = DateTimeLocalField("Togs bort", format=DATETIME_FORMATS,
                                    validators=[InputRequired("Ange när innehållet togs bort.")])
    removed_text = TextAreaField("Borttagen text", validators=[
        DataRequired("Skriv av den borttagna texten."), Length(max=20_000)])
    author_handle = StringField("Avsändarens offentliga namn", validators=[Length(max=200)])
    reason = RadioField("Skäl", choices=[SelectChoice(r.value, REMOVAL_REASON_LABELS[r]) for r in RemovalReason],
                        validators=[InputRequired("Välj skäl.")])
    reason_explanation = TextAreaField("Förklaring", validators=[Length(max=5_000)])
    led_to_action = BooleanField("Innehållet ledde till en åtgärd (till exempel polisanmälan eller ett ärende)")
    screenshot = FileField("Skärmbild (PNG eller JPEG)")
    check = SubmitField("Kontrollera text")
    submit = SubmitField("Spara i registret")

    def validate_reason_explanation(self, field):
        if self.reason.data == RemovalReason.OTHER.value and not (field.data or "").strip():
            raise ValidationError("Förklara skälet när du väljer ”Annat”.")


class RegisterForm(FlaskForm):
    """Mark an entry as registered in the case management system."""

    diarienummer = StringField("Diarienummer", validators=[DataRequired("Ange diarienumret."), Length(max=60)])
    submit = SubmitField("Spara diarienummer")
