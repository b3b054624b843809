"""Forms of the spokesperson registry."""
from wtforms import (BooleanField, DateField, RadioField, SelectChoice, SelectField, StringField, SubmitField,
                     TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from aledraft.forms import SwedishForm

KIND_USER = "medarbetare"
KIND_EXTERNAL = "extern"


class SpokespersonForm(SwedishForm):
    kind = RadioField("Vem är talesperson?", choices=[SelectChoice(KIND_USER, "En medarbetare med konto i aledraft"),
                               SelectChoice(KIND_EXTERNAL, "En extern person, till exempel en förtroendevald")],
                      default=KIND_USER, validators=[DataRequired("Välj medarbetare eller extern person.")])
    user = SelectField("Medarbetare", default="")
    external_name = StringField("Namn på extern person", validators=[Length(max=200)])
    title = StringField("Titel", validators=[DataRequired("Ange titel."), Length(max=200)])
    topics = TextAreaField("Ämnesområden", validators=[Length(max=5000)])
    valid_from = DateField("Gäller från", validators=[InputRequired("Ange från vilket datum uppdraget gäller.")])
    valid_to = DateField("Gäller till och med", validators=[Optional()])
    active = BooleanField("Uppdraget är aktivt", default=True)
    submit = SubmitField("Spara")

    def validate_user(self, field):
        if self.kind.data == KIND_USER and not field.data:
            raise ValidationError("Välj vilken medarbetare som är talesperson.")

    def validate_external_name(self, field):
        if self.kind.data == KIND_EXTERNAL and not (field.data or "").strip():
            raise ValidationError("Skriv den externa personens namn.")

    def validate_valid_to(self, field):
        if field.data and self.valid_from.data and field.data < self.valid_from.data:
            raise ValidationError("Slutdatumet kan inte vara före startdatumet.")
